import {
  actionAllowed,
  CANDIDATE_DOCUMENTS,
  type CandidateAccount,
  type CandidateApplicationRow,
  type CandidateDocumentKind,
  type CandidateDocuments,
  candidateLinks,
  candidateStateLabel,
} from '@permis/ants-api';
import { notFound } from '@permis/platform';
import { pathOf } from '@permis/platform/route';
import { and, desc, eq } from 'drizzle-orm';
import { attachedEphotoCode } from '../applications/attachedEphoto.ts';
import { type ApplicationRow, transition } from '../applications/machine.ts';
import type { AntsDb } from '../db/index.ts';
import { applications } from '../db/schema.ts';
import { needsPhotoSignatureForm } from '../documents/catalogue.ts';
import { documentList } from '../documents/documentPdf.ts';
import { antsError } from '../domain/errors.ts';
import { attestIdentity } from './attestation.ts';
import { candidateSees } from './sees.ts';

/**
 * "Mes démarches en cours": the candidate sees the applications made for them, reviews one, and
 * validates it (sworn attestation, checked here too) or refuses it (seed 000).
 */

/** One of the candidate's demands that they see; any other number is "not found". */
export async function seenApplication(
  db: AntsDb,
  candidateId: string,
  applicationNumber: string,
): Promise<ApplicationRow> {
  const [row] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.number, applicationNumber), eq(applications.candidateId, candidateId)))
    .limit(1);
  if (!row || !candidateSees(row)) {
    throw notFound("Cette démarche n'existe pas dans votre espace.");
  }
  return row;
}

/** The candidate's demands they see, the latest changed first. */
async function seenApplications(db: AntsDb, candidateId: string): Promise<ApplicationRow[]> {
  const rows = await db
    .select()
    .from(applications)
    .where(eq(applications.candidateId, candidateId))
    .orderBy(desc(applications.updatedAt));
  return rows.filter(candidateSees);
}

export async function candidateApplications(db: AntsDb, me: CandidateAccount): Promise<CandidateApplicationRow[]> {
  return (await seenApplications(db, me.id)).map((row) => ({
    number: row.number,
    firstName: me.firstName,
    lastName: me.lastName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    state: row.state,
    stateLabel: candidateStateLabel(row.state, row.type),
    neph: row.neph,
    canValidate: actionAllowed('confirm', row.state),
    // No school holds it: the candidat libre's own demand.
    own: row.proAccountId === null,
  }));
}

/** Validated by the candidate, with the sworn attestation (required here, not only by the disabled button). */
export async function confirmCandidateApplication(
  db: AntsDb,
  candidateId: string,
  applicationNumber: string,
  attestation: boolean | undefined,
): Promise<{ number: string; photoSignatureForm: boolean }> {
  if (attestation !== true) {
    throw antsError('ATTESTATION_REQUIRED', "Cochez l'attestation sur l'honneur pour valider.");
  }
  const row = await seenApplication(db, candidateId, applicationNumber);
  const updated = await db.transaction(async (tx) => {
    const confirmed = await transition(
      tx,
      row,
      'confirm',
      { type: 'candidate', id: candidateId },
      { reason: 'Attestation sur l’honneur cochée' },
    );
    await attestIdentity(tx, candidateId, row.candidate);
    return confirmed;
  });
  const ephoto = await attachedEphotoCode(db, row.id);
  return { number: updated.number, photoSignatureForm: needsPhotoSignatureForm(updated.type, Boolean(ephoto)) };
}

/** Refused; the reason, if the candidate gives one, reaches the school with the state (its "Motif"). */
export async function refuseCandidateApplication(
  db: AntsDb,
  candidateId: string,
  applicationNumber: string,
  reason: string | undefined,
): Promise<{ number: string }> {
  const row = await seenApplication(db, candidateId, applicationNumber);
  const updated = await db.transaction((tx) =>
    transition(tx, row, 'refuse', { type: 'candidate', id: candidateId }, { reason: reason || undefined }),
  );
  return { number: updated.number };
}

/** « Mes documents »: every document of every demand, each once it exists. */
export async function candidateDocuments(db: AntsDb, candidateId: string): Promise<CandidateDocuments[]> {
  return Promise.all(
    (await seenApplications(db, candidateId)).map(async (row) => ({
      number: row.number,
      type: row.type,
      stateLabel: candidateStateLabel(row.state, row.type),
      documents: (await documentList(db, row))
        .filter((doc): doc is typeof doc & { kind: CandidateDocumentKind } =>
          (CANDIDATE_DOCUMENTS as readonly string[]).includes(doc.kind),
        )
        .filter((doc) => doc.available || APPLIES[doc.kind](row.type))
        .map(({ kind, label, available, reason }) => ({
          kind,
          label,
          available,
          reason: reason ?? null,
          href: available ? pathOf(candidateLinks.document.path, { number: row.number, kind }) : null,
        })),
    })),
  );
}

/** Which documents a demand of this type will have, so the list says « pas encore » only for those. */
const APPLIES: Record<CandidateDocumentKind, (type: '02' | '06') => boolean> = {
  receipt: () => true,
  registration_certificate: (type) => type === '02',
  registration_facsimile: (type) => type === '02',
  driving_rights: (type) => type === '06',
  photo_signature_form: () => false,
};
