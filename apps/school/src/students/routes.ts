import { type HttpServer, mount, readUploadedFile } from '@permis/platform';
import { MAX_PIECE_FILE_BYTES } from '@permis/referentiel';
import { studentRoutes as contract, studentFiles } from '@permis/school-api';
import { type AuthContext, requireUser } from '../auth/context.ts';
import { sendFile } from '../http/sendFile.ts';
import { addStudentDocument, deleteStudentDocument, findStudentDocument, listStudentDocuments } from './documents.ts';
import { loadDossierWithDate, saveDossier } from './dossier.ts';
import { studentDrift } from './drift.ts';
import { findStudent } from './find.ts';
import { listStudents } from './list.ts';
import { correctPlaces } from './places.ts';
import { assertOffice, saveStudent } from './save.ts';
import { studentView } from './view.ts';

const user = { access: 'user' };

/** Espace Clients: the school's students. A student of another school is simply not found. */
export function studentRoutes(app: HttpServer, ctx: AuthContext) {
  mount(app, contract.list, user, async (request) => {
    const me = await requireUser(ctx, request);
    return { students: await listStudents(ctx.db, me.schoolId, request.query.q) };
  });

  mount(app, contract.create, user, async (request) => {
    const me = await requireUser(ctx, request);
    await assertOffice(ctx.db, me.schoolId, request.body.officeId);
    return { student: studentView(await saveStudent(ctx.db, me, null, request.body)) };
  });

  mount(app, contract.update, user, async (request) => {
    const me = await requireUser(ctx, request);
    const current = await findStudent(ctx, me.schoolId, request.params.id);
    await assertOffice(ctx.db, me.schoolId, request.body.officeId);
    const student = await saveStudent(ctx.db, me, current.id, request.body);
    return { student: studentView(student), drift: await studentDrift(ctx.db, student) };
  });

  mount(app, contract.dossier, user, async (request) => {
    const me = await requireUser(ctx, request);
    const student = await findStudent(ctx, me.schoolId, request.params.id);
    return loadDossierWithDate(ctx.db, student.id);
  });

  mount(app, contract.saveDossier, user, async (request) => {
    const me = await requireUser(ctx, request);
    const student = await findStudent(ctx, me.schoolId, request.params.id);
    const now = await saveDossier(ctx.db, student.id, request.body, me.id);
    return { dossier: request.body, updatedAt: now.toISOString(), drift: await studentDrift(ctx.db, student) };
  });

  mount(app, contract.student, user, async (request) => {
    const me = await requireUser(ctx, request);
    return { student: studentView(await findStudent(ctx, me.schoolId, request.params.id)) };
  });

  // The places of the fiche, as corrected in the "Vérification des villes, départements et pays"
  // popup. The values are saved as chosen: the popup lets the user keep a value the lists lack.
  mount(app, contract.places, user, async (request) => {
    const me = await requireUser(ctx, request);
    const student = await findStudent(ctx, me.schoolId, request.params.id);
    return { student: studentView(await correctPlaces(ctx.db, me, student, request.body)) };
  });

  // The documents kept on the fiche (scans); they can be sent as pièces justificatives.
  mount(app, contract.documents, user, async (request) => {
    const me = await requireUser(ctx, request);
    const student = await findStudent(ctx, me.schoolId, request.params.id);
    return { documents: await listStudentDocuments(ctx.db, student.id) };
  });

  mount(app, contract.addDocument, user, async (request) => {
    const me = await requireUser(ctx, request);
    const student = await findStudent(ctx, me.schoolId, request.params.id);
    const file = await readUploadedFile(request, MAX_PIECE_FILE_BYTES);
    return { document: await addStudentDocument(ctx.db, me, student, file) };
  });

  // The file itself streams its bytes: a plain route, its address and parameters from the contract.
  app.get(
    studentFiles.document.path,
    { config: user, schema: { params: studentFiles.document.params } },
    async (request, reply) => {
      const me = await requireUser(ctx, request);
      const { id, documentId } = request.params;
      const document = await findStudentDocument(ctx, me.schoolId, id, documentId);
      return sendFile(reply, document.fileName, document.content);
    },
  );

  mount(app, contract.deleteDocument, user, async (request) => {
    const me = await requireUser(ctx, request);
    const { id, documentId } = request.params;
    await deleteStudentDocument(ctx.db, await findStudentDocument(ctx, me.schoolId, id, documentId));
    return { deleted: true as const };
  });
}
