import {
  type EphotoImage,
  inStateSet,
  type OwnApplication,
  type OwnApplicationView,
  type ownApplicationSchema,
  ownApplicationType,
  paymentFor,
} from '@permis/ants-api';
import { notFound } from '@permis/platform';
import type { PieceKind } from '@permis/referentiel';
import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { sendEphotoImage } from '../applications/attachedEphoto.ts';
import { createOwnApplication } from '../applications/create.ts';
import { type ApplicationRow, transition } from '../applications/machine.ts';
import { assertReadyToSend } from '../applications/validate.ts';
import type { AntsDb } from '../db/index.ts';
import { applications } from '../db/schema.ts';
import { candidateAudit } from '../domain/actor.ts';
import { antsError } from '../domain/errors.ts';
import { assertEphotoEditable, attachEphoto, attachedEphoto, detachEphoto } from '../ephoto/schoolEphoto.ts';
import type { FileStore } from '../pieces/fileStore.ts';
import { listPieces } from '../pieces/files.ts';
import { removePieceFile, storePieceFile } from '../pieces/schoolPieces.ts';
import { attestIdentity } from './attestation.ts';

/**
 * « Ajouter une demande »: a candidat libre's own demand (decision 0013). They create the draft
 * (motif, address and contact, dossier; the identity is their account's), add the pièces, see what
 * is to pay, then send it to instruction with the sworn attestation, or give up the draft. Only
 * the candidate who holds it reaches it; a school's demand is never theirs to act on here.
 */

/** The candidate's own demand (no school holds it); any other number is "not found". */
export async function heldApplication(
  db: AntsDb,
  candidateId: string,
  applicationNumber: string,
): Promise<ApplicationRow> {
  const [row] = await db
    .select()
    .from(applications)
    .where(
      and(
        eq(applications.number, applicationNumber),
        eq(applications.candidateId, candidateId),
        isNull(applications.proAccountId),
      ),
    )
    .limit(1);
  if (!row || inStateSet('erased', row.state)) throw notFound("Cette démarche n'existe pas dans votre espace.");
  return row;
}

function piecesEditable(row: ApplicationRow): ApplicationRow {
  if (!inStateSet('piecesEditable', row.state)) {
    throw antsError(
      'TRANSITION_REFUSED',
      'Les pièces justificatives ne peuvent plus être modifiées : la demande a été envoyée.',
    );
  }
  return row;
}

export async function createOwnDemand(
  db: AntsDb,
  candidateId: string,
  body: z.output<typeof ownApplicationSchema>,
): Promise<{ number: string }> {
  const { motif, candidate, legalRepresentative, dossier, birthCity } = body;
  const row = await createOwnApplication(db, candidateId, {
    type: ownApplicationType(motif),
    candidate,
    legalRepresentative,
    dossier,
    birthCity,
  });
  return { number: row.number };
}

/** The demand as its steps read it: its pièces and what its motif costs. */
export async function ownApplicationView(
  db: AntsDb,
  candidateId: string,
  applicationNumber: string,
): Promise<OwnApplicationView> {
  const row = await heldApplication(db, candidateId, applicationNumber);
  const motif: OwnApplication['motif'] =
    row.type === '06' ? 'title' : row.dossier.heldCategories?.length ? 'extension' : 'first';
  return {
    number: row.number,
    type: row.type,
    state: row.state,
    pieces: await listPieces(db, row.id),
    payment: paymentFor(motif),
  };
}

/** A file for a pièce, read (`read`) only once the demand is found and its pièces still editable. */
export async function uploadOwnPiece(
  db: AntsDb,
  files: FileStore,
  candidateId: string,
  applicationNumber: string,
  piece: { kind: PieceKind; comment: string; read: () => Promise<{ bytes: Buffer; fileName: string }> },
) {
  const row = piecesEditable(await heldApplication(db, candidateId, applicationNumber));
  const upload = await piece.read();
  const file = await storePieceFile(files, candidateAudit(candidateId), row, piece.kind, upload, piece.comment);
  return { file };
}

export async function removeOwnPiece(
  db: AntsDb,
  files: FileStore,
  candidateId: string,
  applicationNumber: string,
  fileId: string,
): Promise<void> {
  const row = piecesEditable(await heldApplication(db, candidateId, applicationNumber));
  await removePieceFile(db, files, candidateAudit(candidateId), row, fileId);
}

export async function ownEphoto(db: AntsDb, candidateId: string, applicationNumber: string) {
  return { ephoto: await attachedEphoto(db, (await heldApplication(db, candidateId, applicationNumber)).id) };
}

export async function sendOwnEphotoImage(
  db: AntsDb,
  reply: FastifyReply,
  candidateId: string,
  applicationNumber: string,
  image: EphotoImage,
) {
  return sendEphotoImage(db, reply, (await heldApplication(db, candidateId, applicationNumber)).id, image);
}

export async function setOwnEphoto(db: AntsDb, candidateId: string, applicationNumber: string, code: string) {
  const row = assertEphotoEditable(await heldApplication(db, candidateId, applicationNumber));
  return { ephoto: { code: await attachEphoto(db, candidateAudit(candidateId), row, code) } };
}

export async function removeOwnEphoto(db: AntsDb, candidateId: string, applicationNumber: string): Promise<void> {
  const row = assertEphotoEditable(await heldApplication(db, candidateId, applicationNumber));
  await detachEphoto(db, candidateAudit(candidateId), row);
}

/** « Confirmation »: the sworn attestation (checked here, not only by the page), the required pièces. */
export async function submitOwnApplication(
  db: AntsDb,
  candidateId: string,
  applicationNumber: string,
  attestation: boolean | undefined,
) {
  if (attestation !== true) {
    throw antsError('ATTESTATION_REQUIRED', "Cochez l'attestation sur l'honneur pour envoyer la demande.");
  }
  const row = await heldApplication(db, candidateId, applicationNumber);
  const sent = await db.transaction(async (tx) => {
    await assertReadyToSend(tx, row);
    await attestIdentity(tx, candidateId);
    return transition(
      tx,
      row,
      'submit',
      { type: 'candidate', id: candidateId },
      { reason: 'Attestation sur l’honneur cochée' },
    );
  });
  return { number: sent.number, state: sent.state };
}

/** The complement the agent asked for, sent by the candidate who holds the demand. */
export async function completeOwnApplication(db: AntsDb, candidateId: string, applicationNumber: string) {
  const row = await heldApplication(db, candidateId, applicationNumber);
  const done = await db.transaction((tx) => transition(tx, row, 'complete', { type: 'candidate', id: candidateId }));
  return { number: done.number, state: done.state };
}

export async function withdrawOwnApplication(db: AntsDb, candidateId: string, applicationNumber: string) {
  const row = await heldApplication(db, candidateId, applicationNumber);
  await db.transaction((tx) => transition(tx, row, 'withdraw', { type: 'candidate', id: candidateId }));
  return { number: row.number };
}
