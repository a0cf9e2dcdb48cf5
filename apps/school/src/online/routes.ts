import {
  applicationNumberSchema,
  inStateSet,
  pieceCommentSchema,
  pieceKindSchema,
  transferRequestSchema,
} from '@permis/ants-api';
import { contentDisposition, type HttpServer, notFound, readUploadedFile } from '@permis/platform';
import { MAX_PIECE_FILE_BYTES, type PieceKind } from '@permis/referentiel';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { type AntsClients, callAnts } from '../ants/clients.ts';
import { type AuthContext, type CurrentUser, requireRight, requireUser } from '../auth/context.ts';
import { auditEvents, offices, onlineApplications, studentDocuments } from '../db/schema.ts';
import { renderCerfa } from '../print/cerfa.ts';
import { findStudentDocument, sendFile } from '../students/documents.ts';
import { loadDossier } from '../students/dossier.ts';
import { findStudent } from '../students/find.ts';
import { toCreateApplication } from '../students/form.ts';
import type { Right } from '../users/rights.ts';
import { driftOf } from './drift.ts';
import { heldRows, type OnlineApplicationRow, saveApplication, studentApplications, toOnlineView } from './store.ts';

const studentParams = z.object({ id: z.uuid() });
const applicationParams = studentParams.extend({
  number: applicationNumberSchema,
});
const fileParams = applicationParams.extend({ fileId: z.uuid() });
const comment = pieceCommentSchema;

/**
 * Formation › "Dossier 02 - 06" › the online application of a student: every action of seed 002,
 * through the professional API of the national service with the responsible office's credentials.
 * After each action the school's copy is refreshed from the answer.
 */
export function onlineApplicationRoutes(app: HttpServer, ctx: AuthContext, clients: AntsClients) {
  const { db } = ctx;

  /** The student, their responsible office and its client. */
  const context = async (me: CurrentUser, studentId: string) => {
    const student = await findStudent(ctx, me.schoolId, studentId);
    const [office] = await db.select().from(offices).where(eq(offices.id, student.officeId)).limit(1);
    return { student, office: office!, client: () => clients.forOffice(office!) };
  };

  /** One of the student's applications (as the office holding it knows it), with that office's client. */
  const own = async (me: CurrentUser, studentId: string, number: string) => {
    const base = await context(me, studentId);
    const [row] = heldRows(
      await db
        .select()
        .from(onlineApplications)
        .where(
          and(
            eq(onlineApplications.schoolId, me.schoolId),
            eq(onlineApplications.studentId, base.student.id),
            eq(onlineApplications.number, number),
          ),
        ),
    );
    if (!row) throw notFound("Cette demande en ligne n'est pas rattachée à cet élève.");
    const [office] = await db.select().from(offices).where(eq(offices.id, row.officeId)).limit(1);
    return { ...base, row, office: office!, client: () => clients.forOffice(office!) };
  };

  const audit = (me: CurrentUser, action: string, row: Pick<OnlineApplicationRow, 'number'>, details = '') =>
    db.insert(auditEvents).values({
      schoolId: me.schoolId,
      actorUserId: me.id,
      action: `online.${action}`,
      targetType: 'online_application',
      targetId: row.number,
      details,
    });

  const view = (row: OnlineApplicationRow, me: CurrentUser, drift: string[] = []) => ({
    ...toOnlineView(row, me.rights),
    drift,
  });

  /**
   * "Enregistrer la demande en ligne": a draft made from the fiche and the dossier, with the ePhoto
   * code typed in the dossier (a refused code leaves the draft as it is and is said).
   */
  const enterDraft = async (me: CurrentUser, studentId: string, type: '02' | '06', idempotencyKey: string) => {
    const { student, office, client } = await context(me, studentId);
    const dossier = await loadDossier(db, student.id);
    const ants = client();
    const sent = toCreateApplication(type, student, dossier, office);
    const created = await callAnts(() => ants.createApplication(sent, idempotencyKey), office.name);
    let row = await saveApplication(
      db,
      { schoolId: me.schoolId, officeId: office.id, studentId: student.id, sent },
      created,
    );
    await audit(me, 'create', row, `Cerfa ${created.type}`);
    const code = type === '02' ? dossier.ephotoCode02 : dossier.ephotoCode06;
    let ephotoError: string | null = null;
    if (code && created.state === 'draft') {
      try {
        await callAnts(() => ants.setEphoto(created.number, code), office.name);
      } catch (error) {
        ephotoError = error instanceof Error ? error.message : String(error);
      }
      row = await saveApplication(
        db,
        { schoolId: me.schoolId, officeId: office.id },
        await callAnts(() => ants.getApplication(created.number)),
      );
    }
    return { application: view(row, me), ephotoError };
  };

  app.get(
    '/api/students/:id/online',
    { config: { access: 'user' }, schema: { params: studentParams } },
    async (request) => {
      const me = await requireUser(ctx, request);
      const { student, office } = await context(me, request.params.id);
      const rows = heldRows(await studentApplications(db, me.schoolId, student.id));
      const dossier = await loadDossier(db, student.id);
      return {
        office: {
          name: office.name,
          ready: Boolean(office.cerfaAgrement && office.antsLogin && office.antsPasswordSealed),
          prefectureName: office.prefectureName,
        },
        applications: rows.map((row) => view(row, me, driftOf(row, student, dossier, office))),
        canEnter: {
          '02': canEnterNew(rows, '02'),
          // The national service takes a Cerfa 06 only after an accepted Cerfa 02: not offered before.
          '06': canEnterNew(rows, '06') && rows.some((row) => row.type === '02' && row.state === 'accepted'),
        },
      };
    },
  );

  // The préfectures a student can be attached to (by their postal code), from the national service.
  app.get(
    '/api/students/:id/online/prefectures',
    { config: { access: 'user' }, schema: { params: studentParams } },
    async (request) => {
      const me = await requireUser(ctx, request);
      const { student, office, client } = await context(me, request.params.id);
      return { prefectures: await callAnts(() => client().prefectures(student.postalCode), office.name) };
    },
  );

  // "Impression Cerfa": the paper form filled from the fiche and the dossier.
  app.get(
    '/api/students/:id/cerfa/:type',
    {
      config: { access: 'user' },
      schema: { params: studentParams.extend({ type: z.enum(['02', '06'], { error: 'Cerfa 02 ou 06.' }) }) },
    },
    async (request, reply) => {
      const me = await requireUser(ctx, request);
      const { student, office } = await context(me, request.params.id);
      const pdf = await renderCerfa(request.params.type, student, await loadDossier(db, student.id), office);
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          contentDisposition(`Cerfa ${request.params.type} ${student.birthName} ${student.firstName}.pdf`).replace(
            'attachment',
            'inline',
          ),
        )
        .send(pdf);
    },
  );

  // "Enregistrer la demande en ligne": a draft on the national service. The page sends the same
  // idempotency key until it gets an answer, so a retry after a timeout never makes a second one.
  app.post(
    '/api/students/:id/online',
    {
      config: { access: 'user' },
      schema: {
        params: studentParams,
        body: z.object({
          type: z.enum(['02', '06'], { error: 'Cochez Cerfa 02 ou Cerfa 06.' }),
          idempotencyKey: z.uuid(),
        }),
      },
    },
    async (request, reply) => {
      const me = await requireUser(ctx, request);
      const entered = await enterDraft(me, request.params.id, request.body.type, request.body.idempotencyKey);
      return reply.status(201).send(entered);
    },
  );

  // "Supprimer puis recréer la demande": the draft keeps the data it was sent with; once the fiche
  // changed, the seed's way to send the new data is a new draft.
  app.post(
    '/api/students/:id/online/:number/recreate',
    {
      config: { access: 'user' },
      schema: { params: applicationParams, body: z.object({ idempotencyKey: z.uuid() }) },
      // The right before the body: a user without it learns nothing from the validation.
      preValidation: async (request) => void (await requireRight(ctx, request, 'ants_delete_application')),
    },
    async (request, reply) => {
      const me = await requireRight(ctx, request, 'ants_delete_application');
      const { row, office, client } = await own(me, request.params.id, request.params.number);
      if (row.state !== 'deleted') {
        // A draft's ePhoto code is released first, so that the new draft takes it again.
        if (row.state === 'draft' && row.ephotoCode)
          await callAnts(() => client().deleteEphoto(row.number), office.name);
        const deleted = await callAnts(() => client().deleteApplication(row.number), office.name);
        await saveApplication(db, { schoolId: me.schoolId, officeId: office.id }, deleted);
        await audit(me, 'delete', row, 'pour la recréer');
      }
      const entered = await enterDraft(me, request.params.id, row.type, request.body.idempotencyKey);
      return reply.status(201).send(entered);
    },
  );

  // "Mettre à jour": the application as the national service has it now.
  app.post(
    '/api/students/:id/online/:number/refresh',
    { config: { access: 'user' }, schema: { params: applicationParams } },
    async (request) => {
      const me = await requireUser(ctx, request);
      const { row, office, client } = await own(me, request.params.id, request.params.number);
      const fresh = await callAnts(() => client().getApplication(row.number), office.name);
      return {
        application: view(await saveApplication(db, { schoolId: me.schoolId, officeId: office.id }, fresh), me),
      };
    },
  );

  // "Transférer une demande": an application entered by another school (or office) comes to this
  // student's office and fiche, if it is this student's (the national service compares the identity).
  app.post(
    '/api/students/:id/online/transfer',
    {
      config: { access: 'user' },
      schema: {
        params: studentParams,
        body: z.object({
          number: applicationParams.shape.number,
          holderAgrementNumber: transferRequestSchema.shape.holderAgrementNumber,
        }),
      },
    },
    async (request) => {
      const me = await requireUser(ctx, request);
      const { student, office, client } = await context(me, request.params.id);
      const { birthName, firstName, birthDate } = student;
      const { number, holderAgrementNumber } = request.body;
      const moved = await callAnts(
        () => client().transfer({ number, holderAgrementNumber, candidate: { birthName, firstName, birthDate } }),
        office.name,
      );
      const row = await saveApplication(
        db,
        { schoolId: me.schoolId, officeId: office.id, studentId: student.id },
        moved,
      );
      await audit(me, 'transfer', row);
      return { application: view(row, me) };
    },
  );

  /** The actions that move the application through its states, each guarded by its right. */
  const steps: [string, 'validate' | 'complete', Right][] = [
    ['validate', 'validate', 'ants_validate_application'],
    ['complete', 'complete', 'ants_validate_application'],
  ];
  for (const [path, action, right] of steps) {
    app.post(
      `/api/students/:id/online/:number/${path}`,
      { config: { access: 'user' }, schema: { params: applicationParams } },
      async (request) => {
        const me = await requireRight(ctx, request, right);
        const { row, office, client } = await own(me, request.params.id, request.params.number);
        const ants = client();
        const moved = await callAnts(
          () => (action === 'validate' ? ants.validateApplication(row.number) : ants.completeApplication(row.number)),
          office.name,
        );
        const saved = await saveApplication(db, { schoolId: me.schoolId, officeId: office.id }, moved);
        await audit(me, action, saved);
        return { application: view(saved, me) };
      },
    );
  }

  app.delete(
    '/api/students/:id/online/:number',
    { config: { access: 'user' }, schema: { params: applicationParams } },
    async (request) => {
      const me = await requireRight(ctx, request, 'ants_delete_application');
      const { row, office, client } = await own(me, request.params.id, request.params.number);
      const deleted = await callAnts(() => client().deleteApplication(row.number), office.name);
      const saved = await saveApplication(db, { schoolId: me.schoolId, officeId: office.id }, deleted);
      await audit(me, 'delete', saved);
      return { application: view(saved, me) };
    },
  );

  // "Envoyer / Consulter les pièces justificatives": the pièces with their files, and the
  // student's documents that can be picked instead of a file from the disk.
  app.get(
    '/api/students/:id/online/:number/pieces',
    { config: { access: 'user' }, schema: { params: applicationParams } },
    async (request) => {
      const me = await requireUser(ctx, request);
      const { row, student, office, client } = await own(me, request.params.id, request.params.number);
      const pieces = await callAnts(() => client().listPieces(row.number), office.name);
      const documents = await db
        .select({ id: studentDocuments.id, fileName: studentDocuments.fileName, createdAt: studentDocuments.createdAt })
        .from(studentDocuments)
        .where(eq(studentDocuments.studentId, student.id))
        .orderBy(desc(studentDocuments.createdAt));
      return {
        pieces,
        documents: documents.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() })),
        application: view(row, me),
      };
    },
  );

  const uploadPiece = async (
    me: CurrentUser,
    target: Awaited<ReturnType<typeof own>>,
    kind: PieceKind,
    file: { name: string; bytes: Uint8Array },
    note: string,
  ) => {
    const { row, office, client } = target;
    const sent = await callAnts(() => client().uploadPiece(row.number, kind, file, note), office.name);
    await audit(me, 'piece_add', row, kind);
    return { file: sent };
  };

  app.post(
    '/api/students/:id/online/:number/pieces/:kind',
    {
      config: { access: 'user' },
      schema: { params: applicationParams.extend({ kind: pieceKindSchema }), querystring: z.object({ comment }) },
    },
    async (request, reply) => {
      const me = await requireUser(ctx, request);
      // Whose application first: another school's user never gets as far as sending a file.
      const target = await own(me, request.params.id, request.params.number);
      const upload = await readUploadedFile(request, MAX_PIECE_FILE_BYTES);
      const result = await uploadPiece(
        me,
        target,
        request.params.kind,
        { name: upload.fileName, bytes: upload.bytes },
        request.query.comment,
      );
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/students/:id/online/:number/pieces/:kind/from-document',
    {
      config: { access: 'user' },
      schema: {
        params: applicationParams.extend({ kind: pieceKindSchema }),
        body: z.object({ documentId: z.uuid('Choisissez un document de l’élève.'), comment }),
      },
    },
    async (request, reply) => {
      const me = await requireUser(ctx, request);
      const target = await own(me, request.params.id, request.params.number);
      const document = await findStudentDocument(ctx, me.schoolId, request.params.id, request.body.documentId);
      const result = await uploadPiece(
        me,
        target,
        request.params.kind,
        { name: document.fileName, bytes: document.content },
        request.body.comment,
      );
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/students/:id/online/:number/pieces/files/:fileId',
    { config: { access: 'user' }, schema: { params: fileParams } },
    async (request, reply) => {
      const me = await requireUser(ctx, request);
      const { row, office, client } = await own(me, request.params.id, request.params.number);
      const ants = client();
      const pieces = await callAnts(() => ants.listPieces(row.number), office.name);
      const meta = pieces.flatMap((p) => p.files).find((f) => f.id === request.params.fileId);
      if (!meta) throw notFound("Ce fichier n'existe plus sur le site de l'ANTS.");
      const file = await callAnts(() => ants.downloadPieceFile(row.number, meta.id), office.name);
      return sendFile(reply, meta.fileName, file.bytes);
    },
  );

  app.delete(
    '/api/students/:id/online/:number/pieces/files/:fileId',
    { config: { access: 'user' }, schema: { params: fileParams } },
    async (request) => {
      const me = await requireUser(ctx, request);
      const { row, office, client } = await own(me, request.params.id, request.params.number);
      await callAnts(() => client().deletePieceFile(row.number, request.params.fileId), office.name);
      await audit(me, 'piece_delete', row);
      return { deleted: true };
    },
  );

  // "Ajouter / Modifier la ePhoto", "Consulter la ePhoto", "Supprimer la ePhoto".
  app.put(
    '/api/students/:id/online/:number/ephoto',
    {
      config: { access: 'user' },
      schema: {
        params: applicationParams,
        body: z.object({ code: z.string().trim().toUpperCase().min(1, 'Saisissez le code ePhoto.').max(30) }),
      },
    },
    async (request) => {
      const me = await requireUser(ctx, request);
      const { row, office, client } = await own(me, request.params.id, request.params.number);
      const ants = client();
      const result = await callAnts(() => ants.setEphoto(row.number, request.body.code), office.name);
      await audit(me, 'ephoto_set', row);
      // The fiche's copy learns the code (its buttons and the dossier's field follow).
      await saveApplication(
        db,
        { schoolId: me.schoolId, officeId: office.id },
        await callAnts(() => ants.getApplication(row.number), office.name),
      );
      return result;
    },
  );

  app.get(
    '/api/students/:id/online/:number/ephoto',
    { config: { access: 'user' }, schema: { params: applicationParams } },
    async (request) => {
      const me = await requireUser(ctx, request);
      const { row, office, client } = await own(me, request.params.id, request.params.number);
      return { ephoto: await callAnts(() => client().getEphoto(row.number), office.name) };
    },
  );

  app.get(
    '/api/students/:id/online/:number/ephoto/:image',
    {
      config: { access: 'user' },
      schema: { params: applicationParams.extend({ image: z.enum(['photo', 'signature']) }) },
    },
    async (request, reply) => {
      const me = await requireUser(ctx, request);
      const { row, office, client } = await own(me, request.params.id, request.params.number);
      const image = await callAnts(() => client().ephotoImage(row.number, request.params.image), office.name);
      const extension = image.mediaType === 'image/png' ? 'png' : 'jpg';
      return sendFile(reply, `${request.params.image} ${row.number}.${extension}`, image.bytes);
    },
  );

  app.delete(
    '/api/students/:id/online/:number/ephoto',
    { config: { access: 'user' }, schema: { params: applicationParams } },
    async (request) => {
      const me = await requireRight(ctx, request, 'ants_delete_ephoto');
      const { row, office, client } = await own(me, request.params.id, request.params.number);
      const ants = client();
      await callAnts(() => ants.deleteEphoto(row.number), office.name);
      await audit(me, 'ephoto_delete', row);
      await saveApplication(
        db,
        { schoolId: me.schoolId, officeId: office.id },
        await callAnts(() => ants.getApplication(row.number), office.name),
      );
      return { deleted: true };
    },
  );

  // "Editer les documents": the documents of the national service for this application.
  app.get(
    '/api/students/:id/online/:number/documents',
    { config: { access: 'user' }, schema: { params: applicationParams } },
    async (request) => {
      const me = await requireUser(ctx, request);
      const { row, office, client } = await own(me, request.params.id, request.params.number);
      return { documents: await callAnts(() => client().listDocuments(row.number), office.name) };
    },
  );

  app.get(
    '/api/students/:id/online/:number/documents/:kind',
    {
      config: { access: 'user' },
      schema: { params: applicationParams.extend({ kind: z.string().regex(/^[a-z_]{1,40}$/, 'Document inconnu.') }) },
    },
    async (request, reply) => {
      const me = await requireUser(ctx, request);
      const { row, office, client } = await own(me, request.params.id, request.params.number);
      const ants = client();
      const documents = await callAnts(() => ants.listDocuments(row.number), office.name);
      const document = documents.find((d) => d.kind === request.params.kind);
      if (!document) throw notFound('Document inconnu.');
      const bytes = await callAnts(() => ants.downloadDocument(row.number, document.kind), office.name);
      return sendFile(reply, `${document.label} ${row.number}.pdf`, bytes);
    },
  );
}

/** Whether a new application of this type can be entered for the student (none alive on the service). */
export function canEnterNew(rows: Pick<OnlineApplicationRow, 'type' | 'state'>[], type: '02' | '06'): boolean {
  return !rows.some((row) => row.type === type && inStateSet('live', row.state));
}
