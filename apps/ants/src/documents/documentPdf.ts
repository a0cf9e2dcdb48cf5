import { contentDisposition } from '@permis/platform';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { attachedEphotoCode } from '../applications/attachedEphoto.ts';
import type { ApplicationRow } from '../applications/machine.ts';
import { toView } from '../applications/view.ts';
import type { AntsDb } from '../db/index.ts';
import { auditEvents, pieceFiles } from '../db/schema.ts';
import { antsError } from '../domain/errors.ts';
import {
  type AvailabilityFacts,
  availability,
  DOCUMENT_KINDS,
  DOCUMENT_LABELS,
  type DocumentKind,
} from './catalogue.ts';
import { renderDocument } from './content.ts';

/** What decides whether each document exists yet: the type, the state, the ePhoto, a cancellation judgment. */
export async function availabilityFacts(db: AntsDb, row: ApplicationRow): Promise<AvailabilityFacts> {
  const ephoto = await attachedEphotoCode(db, row.id);
  const [judgment] = await db
    .select({ id: pieceFiles.id })
    .from(pieceFiles)
    .where(and(eq(pieceFiles.applicationId, row.id), eq(pieceFiles.kind, 'cancellation_judgment')))
    .limit(1);
  return { type: row.type, state: row.state, hasEphoto: Boolean(ephoto), hasCancellationJudgment: Boolean(judgment) };
}

/** The PDF of one document, or a 409 saying why it does not exist yet. Used by the candidate space too. */
export async function documentPdf(db: AntsDb, row: ApplicationRow, kind: DocumentKind): Promise<Buffer> {
  const check = availability(kind, await availabilityFacts(db, row));
  if (!check.available) throw antsError('DOCUMENT_UNAVAILABLE', `${DOCUMENT_LABELS[kind].label} : ${check.reason}`);
  // Sent to instruction by the candidate's validation (or own submission), or by the school's with a paper mandate.
  const [sent] = await db
    .select({ at: auditEvents.at })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.targetId, row.id),
        // The candidate's validation, or a candidat libre's own submission.
        inArray(
          auditEvents.action,
          row.paperMandate ? ['application.validate'] : ['application.confirm', 'application.submit'],
        ),
      ),
    )
    .orderBy(asc(auditEvents.at))
    .limit(1);
  return renderDocument(kind, { application: toView(row), sentAt: sent?.at ?? null, editedAt: new Date() });
}

/** "Editer les documents": the eight documents, each available or not (and why). */
export async function documentList(db: AntsDb, row: ApplicationRow) {
  const facts = await availabilityFacts(db, row);
  return DOCUMENT_KINDS.map((kind) => ({ kind, ...DOCUMENT_LABELS[kind], ...availability(kind, facts) }));
}

/** One document as a download named after it and the demand. */
export async function sendDocument(db: AntsDb, reply: FastifyReply, row: ApplicationRow, kind: DocumentKind) {
  const pdf = await documentPdf(db, row, kind);
  return reply
    .type('application/pdf')
    .header('content-disposition', contentDisposition(`${DOCUMENT_LABELS[kind].label} ${row.number}.pdf`))
    .send(pdf);
}
