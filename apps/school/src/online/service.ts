import { type ApplicationType, inStateSet } from '@permis/ants-api';
import { notFound } from '@permis/platform';
import type { PieceKind } from '@permis/referentiel';
import { and, desc, eq } from 'drizzle-orm';
import { type AntsClients, callAnts } from '../ants/clients.ts';
import {
  heldRows,
  type OnlineApplicationRow,
  saveApplication,
  studentApplications,
  toOnlineView,
} from '../applications/store.ts';
import type { CurrentUser } from '../auth/context.ts';
import type { SchoolDb } from '../db/index.ts';
import { offices, onlineApplications, studentDocuments } from '../db/schema.ts';
import { type AuditAction, recordAudit } from '../domain/audit.ts';
import { prefectureName } from '../offices/prefecture.ts';
import { renderCerfa } from '../print/cerfa.ts';
import { findStudentDocument } from '../students/documents.ts';
import { loadDossier } from '../students/dossier.ts';
import { driftOf } from '../students/drift.ts';
import { findStudent } from '../students/find.ts';
import { toCreateApplication } from '../students/form.ts';

/** An online application's audited step, as its action names it after `online.`. */
type OnlineStep = AuditAction<'online_application'> extends `online.${infer Step}` ? Step : never;

/** A file to hand to the user: its name and bytes. */
export type Download = { fileName: string; bytes: Uint8Array };

/**
 * Formation › "Dossier 02 - 06" › the online application of a student: every action of seed 002,
 * through the professional API of the national service with the responsible office's credentials.
 * After each action the school's copy is refreshed from the answer, and the action is audited.
 * Every function takes the signed-in user: a student or an application of another school is not found.
 */
export function createOnlineApplications(db: SchoolDb, clients: AntsClients) {
  /** The student, their responsible office and its client. */
  const context = async (me: CurrentUser, studentId: string) => {
    const student = await findStudent({ db }, me.schoolId, studentId);
    const [office] = await db.select().from(offices).where(eq(offices.id, student.officeId)).limit(1);
    // The client is made when a call needs it: an office without credentials still shows its list.
    return { student, office: office!, ants: () => clients.forOffice(office!) };
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
    const call = <T>(action: (ants: ReturnType<AntsClients['forOffice']>) => Promise<T>) =>
      callAnts(() => action(clients.forOffice(office!)), office!.name);
    return { ...base, row, office: office!, call };
  };
  type Own = Awaited<ReturnType<typeof own>>;

  const audit = (me: CurrentUser, step: OnlineStep, row: Pick<OnlineApplicationRow, 'number'>, details = '') =>
    recordAudit(db, {
      by: { schoolId: me.schoolId, userId: me.id },
      action: `online.${step}`,
      target: 'online_application',
      targetId: row.number,
      details,
    });

  const view = (row: OnlineApplicationRow, me: CurrentUser, drift: string[] = []) => ({
    ...toOnlineView(row, me.rights),
    drift,
  });

  /** The school's copy, again as the national service has it now. */
  const resync = async (me: CurrentUser, target: Own) =>
    saveApplication(
      db,
      { schoolId: me.schoolId, officeId: target.office.id },
      await target.call((ants) => ants.getApplication(target.row.number)),
    );

  /**
   * "Enregistrer la demande en ligne": a draft made from the fiche and the dossier, with the ePhoto
   * code typed in the dossier (a refused code leaves the draft as it is and is said).
   */
  const enterDraft = async (me: CurrentUser, studentId: string, type: ApplicationType, idempotencyKey: string) => {
    const { student, office, ants } = await context(me, studentId);
    const dossier = await loadDossier(db, student.id);
    const sent = toCreateApplication(type, student, dossier, office);
    const created = await callAnts(() => ants().createApplication(sent, idempotencyKey), office.name);
    let row = await saveApplication(
      db,
      { schoolId: me.schoolId, officeId: office.id, studentId: student.id, sent },
      created,
    );
    await audit(me, 'create', row, `Cerfa ${created.type}`);
    const code = type === '02' ? dossier.ephotoCode02 : dossier.ephotoCode06;
    let ephotoError: string | null = null;
    if (code && inStateSet('ephotoEditable', created.state)) {
      try {
        await callAnts(() => ants().setEphoto(created.number, code), office.name);
      } catch (error) {
        ephotoError = error instanceof Error ? error.message : String(error);
      }
      row = await saveApplication(
        db,
        { schoolId: me.schoolId, officeId: office.id },
        await callAnts(() => ants().getApplication(created.number)),
      );
    }
    return { application: view(row, me), ephotoError };
  };

  const uploadPiece = async (
    me: CurrentUser,
    target: Own,
    kind: PieceKind,
    file: { name: string; bytes: Uint8Array },
    comment: string,
  ) => {
    const sent = await target.call((ants) => ants.uploadPiece(target.row.number, kind, file, comment));
    await audit(me, 'piece_add', target.row, kind);
    // The copy learns what the draft still waits for (its status in the panel).
    await resync(me, target);
    return { file: sent };
  };

  return {
    /** The student's applications with their buttons, and whether a new one can be entered. */
    async overview(me: CurrentUser, studentId: string) {
      const { student, office } = await context(me, studentId);
      const rows = heldRows(await studentApplications(db, me.schoolId, student.id));
      const dossier = await loadDossier(db, student.id);
      return {
        office: {
          name: office.name,
          ready: Boolean(office.cerfaAgrement && office.antsLogin && office.antsPasswordSealed),
          prefectureName: prefectureName(office.prefectureCode),
        },
        applications: rows.map((row) => view(row, me, driftOf(row, student, dossier, office))),
        canEnter: {
          '02': canEnterNew(rows, '02'),
          // The national service takes a Cerfa 06 only after an accepted Cerfa 02: not offered before.
          '06': canEnterNew(rows, '06') && rows.some((row) => row.type === '02' && inStateSet('granted', row.state)),
        },
      };
    },

    /** The préfectures the student can be attached to (by their postal code), from the national service. */
    async prefectures(me: CurrentUser, studentId: string) {
      const { student, office, ants } = await context(me, studentId);
      return callAnts(() => ants().prefectures(student.postalCode), office.name);
    },

    /** "Impression Cerfa": the paper form filled from the fiche and the dossier. */
    async cerfa(me: CurrentUser, studentId: string, type: ApplicationType): Promise<Download> {
      const { student, office } = await context(me, studentId);
      const bytes = await renderCerfa(type, student, await loadDossier(db, student.id), office);
      return { fileName: `Cerfa ${type} ${student.birthName} ${student.firstName}.pdf`, bytes };
    },

    enterDraft,

    /**
     * "Supprimer puis recréer la demande": the draft keeps the data it was sent with; once the fiche
     * changed, the seed's way to send the new data is a new draft (the ePhoto code goes over to it).
     */
    async recreate(me: CurrentUser, studentId: string, number: string, idempotencyKey: string) {
      const target = await own(me, studentId, number);
      const { row } = target;
      if (!inStateSet('erased', row.state)) {
        if (inStateSet('ephotoEditable', row.state) && row.ephotoCode)
          await target.call((ants) => ants.deleteEphoto(row.number));
        const deleted = await target.call((ants) => ants.deleteApplication(row.number));
        await saveApplication(db, { schoolId: me.schoolId, officeId: target.office.id }, deleted);
        await audit(me, 'delete', row, 'pour la recréer');
      }
      return enterDraft(me, studentId, row.type, idempotencyKey);
    },

    /** "Mettre à jour": the application as the national service has it now. */
    async refresh(me: CurrentUser, studentId: string, number: string) {
      const target = await own(me, studentId, number);
      return { application: view(await resync(me, target), me) };
    },

    /**
     * "Transférer une demande": an application entered by another school (or office) comes to this
     * student's office and fiche, if it is this student's (the national service compares the identity).
     */
    async transfer(me: CurrentUser, studentId: string, request: { number: string; holderAgrementNumber: string }) {
      const { student, office, ants } = await context(me, studentId);
      const { birthName, firstName, birthDate } = student;
      const moved = await callAnts(
        () => ants().transfer({ ...request, candidate: { birthName, firstName, birthDate } }),
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

    /** "Valider la demande", or send it back completed after « À compléter ». */
    async move(me: CurrentUser, studentId: string, number: string, action: 'validate' | 'complete') {
      const target = await own(me, studentId, number);
      const moved = await target.call((ants) =>
        action === 'validate' ? ants.validateApplication(number) : ants.completeApplication(number),
      );
      const saved = await saveApplication(db, { schoolId: me.schoolId, officeId: target.office.id }, moved);
      await audit(me, action, saved);
      return { application: view(saved, me) };
    },

    async remove(me: CurrentUser, studentId: string, number: string) {
      const target = await own(me, studentId, number);
      const deleted = await target.call((ants) => ants.deleteApplication(number));
      const saved = await saveApplication(db, { schoolId: me.schoolId, officeId: target.office.id }, deleted);
      await audit(me, 'delete', saved);
      return { application: view(saved, me) };
    },

    /**
     * "Envoyer / Consulter les pièces justificatives": the pièces with their files, and the
     * student's documents that can be picked instead of a file from the disk.
     */
    async pieces(me: CurrentUser, studentId: string, number: string) {
      const target = await own(me, studentId, number);
      const pieces = await target.call((ants) => ants.listPieces(number));
      const documents = await db
        .select({ id: studentDocuments.id, fileName: studentDocuments.fileName, createdAt: studentDocuments.createdAt })
        .from(studentDocuments)
        .where(eq(studentDocuments.studentId, target.student.id))
        .orderBy(desc(studentDocuments.createdAt));
      return {
        pieces,
        documents: documents.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() })),
        application: view(target.row, me),
      };
    },

    /** A file from the disk: whose application first, so another school's user never gets as far as sending it. */
    async uploadFile(
      me: CurrentUser,
      studentId: string,
      number: string,
      kind: PieceKind,
      read: () => Promise<{ name: string; bytes: Uint8Array }>,
      comment: string,
    ) {
      const target = await own(me, studentId, number);
      return uploadPiece(me, target, kind, await read(), comment);
    },

    /** A document of the student's fiche sent as a pièce, instead of a file from the disk. */
    async uploadDocument(
      me: CurrentUser,
      studentId: string,
      number: string,
      kind: PieceKind,
      documentId: string,
      comment: string,
    ) {
      const target = await own(me, studentId, number);
      const document = await findStudentDocument({ db }, me.schoolId, studentId, documentId);
      return uploadPiece(me, target, kind, { name: document.fileName, bytes: document.content }, comment);
    },

    async pieceFile(me: CurrentUser, studentId: string, number: string, fileId: string): Promise<Download> {
      const target = await own(me, studentId, number);
      const pieces = await target.call((ants) => ants.listPieces(number));
      const meta = pieces.flatMap((p) => p.files).find((f) => f.id === fileId);
      if (!meta) throw notFound("Ce fichier n'existe plus sur le site de l'ANTS.");
      const file = await target.call((ants) => ants.downloadPieceFile(number, meta.id));
      return { fileName: meta.fileName, bytes: file.bytes };
    },

    async deletePieceFile(me: CurrentUser, studentId: string, number: string, fileId: string) {
      const target = await own(me, studentId, number);
      await target.call((ants) => ants.deletePieceFile(number, fileId));
      await audit(me, 'piece_delete', target.row);
      await resync(me, target);
      return { deleted: true as const };
    },

    /** "Ajouter / Modifier la ePhoto": the fiche's copy learns the code (its buttons and the dossier's field follow). */
    async setEphoto(me: CurrentUser, studentId: string, number: string, code: string) {
      const target = await own(me, studentId, number);
      const result = await target.call((ants) => ants.setEphoto(number, code));
      await audit(me, 'ephoto_set', target.row);
      await resync(me, target);
      return result;
    },

    async ephoto(me: CurrentUser, studentId: string, number: string) {
      const target = await own(me, studentId, number);
      return { ephoto: await target.call((ants) => ants.getEphoto(number)) };
    },

    /** "Consulter la ePhoto": the photo or the signature. */
    async ephotoImage(
      me: CurrentUser,
      studentId: string,
      number: string,
      image: 'photo' | 'signature',
    ): Promise<Download> {
      const target = await own(me, studentId, number);
      const file = await target.call((ants) => ants.ephotoImage(number, image));
      const extension = file.mediaType === 'image/png' ? 'png' : 'jpg';
      return { fileName: `${image} ${number}.${extension}`, bytes: file.bytes };
    },

    async deleteEphoto(me: CurrentUser, studentId: string, number: string) {
      const target = await own(me, studentId, number);
      await target.call((ants) => ants.deleteEphoto(number));
      await audit(me, 'ephoto_delete', target.row);
      await resync(me, target);
      return { deleted: true as const };
    },

    /** "Editer les documents": the documents of the national service for this application. */
    async documents(me: CurrentUser, studentId: string, number: string) {
      const target = await own(me, studentId, number);
      return { documents: await target.call((ants) => ants.listDocuments(number)) };
    },

    async document(me: CurrentUser, studentId: string, number: string, kind: string): Promise<Download> {
      const target = await own(me, studentId, number);
      const documents = await target.call((ants) => ants.listDocuments(number));
      const document = documents.find((d) => d.kind === kind);
      if (!document) throw notFound('Document inconnu.');
      const bytes = await target.call((ants) => ants.downloadDocument(number, document.kind));
      return { fileName: `${document.label} ${number}.pdf`, bytes };
    },
  };
}

export type OnlineApplications = ReturnType<typeof createOnlineApplications>;

/** Whether a new application of this type can be entered for the student (none alive on the service). */
export function canEnterNew(rows: Pick<OnlineApplicationRow, 'type' | 'state'>[], type: ApplicationType): boolean {
  return !rows.some((row) => row.type === type && inStateSet('live', row.state));
}
