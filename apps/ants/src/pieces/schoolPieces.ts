import { createHash } from 'node:crypto';
import path from 'node:path';
import { inStateSet } from '@permis/ants-api';
import { PIECES, type PieceKind } from '@permis/referentiel';
import { and, eq, sql } from 'drizzle-orm';
import { findOwnApplication } from '../applications/find.ts';
import type { ApplicationRow } from '../applications/machine.ts';
import type { AntsDb } from '../db/index.ts';
import { pieceFiles } from '../db/schema.ts';
import { type HolderAudit, type SchoolActor, schoolAudit } from '../domain/actor.ts';
import { recordAudit } from '../domain/audit.ts';
import { antsError } from '../domain/errors.ts';
import type { FileStore } from './fileStore.ts';
import { fileView, findPieceFile } from './files.ts';
import { inspectFile } from './inspect.ts';
import { recordPiecesSent } from './piecesSent.ts';

// The school's pièces justificatives, the same for its software (professional API) and its
// professional space on the agency's site.

/** The school's application while its pièces may change; checked before an upload is read. */
export async function piecesEditableApplication(db: AntsDb, schoolId: string, number: string) {
  const row = await findOwnApplication(db, schoolId, number);
  if (!inStateSet('piecesEditable', row.state)) {
    throw antsError(
      'TRANSITION_REFUSED',
      'Les pièces justificatives ne peuvent plus être modifiées : la demande a été validée.',
    );
  }
  return row;
}

/**
 * Keeps one file of a pièce: recognised by content, within the pièce's page limit (uploads to one
 * application one after the other, so two cannot both pass it). A refused file leaves nothing.
 * The same bytes sent again for the same pièce answer the file already kept: a retry after an
 * unanswered upload (an instance killed, a cut connection) never makes a second copy.
 */
export async function storePieceFile(
  files: FileStore,
  by: HolderAudit,
  row: ApplicationRow,
  kind: PieceKind,
  upload: { bytes: Buffer; fileName: string },
  comment: string,
) {
  const piece = PIECES.find((p) => p.kind === kind)!;
  const { bytes, fileName } = upload;
  const inspected = await inspectFile(bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  const saved = await files.keep(bytes, async (tx, storageName) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${row.id}))`);
    const [same] = await tx
      .select()
      .from(pieceFiles)
      .where(and(eq(pieceFiles.applicationId, row.id), eq(pieceFiles.kind, piece.kind), eq(pieceFiles.sha256, sha256)))
      .limit(1);
    if (same) return { value: same, kept: false };
    const [used] = await tx
      .select({ pages: sql<number>`coalesce(sum(${pieceFiles.pages}), 0)::int` })
      .from(pieceFiles)
      .where(and(eq(pieceFiles.applicationId, row.id), eq(pieceFiles.kind, piece.kind)));
    const total = (used?.pages ?? 0) + inspected.pages;
    if (total > piece.maxPages) {
      throw antsError('TOO_MANY_PAGES', `${piece.label} : ${total} pages pour ${piece.maxPages} au maximum.`);
    }
    const [file] = await tx
      .insert(pieceFiles)
      .values({
        applicationId: row.id,
        kind: piece.kind,
        fileName: safeFileName(fileName, inspected.mediaType),
        storageName,
        mediaType: inspected.mediaType,
        size: bytes.length,
        pages: inspected.pages,
        sha256,
        comment,
      })
      .returning();
    await recordPiecesSent(tx, row.id);
    await recordAudit(tx, {
      by,
      action: 'piece.upload',
      target: 'application',
      targetId: row.id,
      reason: piece.kind,
    });
    return { value: file!, kept: true };
  });
  return fileView(saved);
}

export async function deletePieceFile(
  db: AntsDb,
  files: FileStore,
  school: SchoolActor,
  number: string,
  fileId: string,
) {
  const row = await piecesEditableApplication(db, school.id, number);
  await removePieceFile(db, files, schoolAudit(school), row, fileId);
}

/** Removes one file of a demand whose pièces may change (the caller checked who holds it). */
export async function removePieceFile(
  db: AntsDb,
  files: FileStore,
  by: HolderAudit,
  row: ApplicationRow,
  fileId: string,
) {
  const file = await findPieceFile(db, row.id, fileId);
  await files.drop(async (tx) => {
    await tx.delete(pieceFiles).where(eq(pieceFiles.id, file.id));
    await recordPiecesSent(tx, row.id);
    await recordAudit(tx, {
      by,
      action: 'piece.delete',
      target: 'application',
      targetId: row.id,
      reason: file.kind,
    });
    return { value: undefined, dropped: [file.storageName] };
  });
}

/** The name shown back to users: the uploaded one without path or odd characters, with the real extension. */
function safeFileName(name: string, mediaType: string): string {
  const extension = mediaType === 'application/pdf' ? 'pdf' : mediaType === 'image/png' ? 'png' : 'jpg';
  const base = path
    .basename(name || 'document')
    .replace(/\.[^.]*$/, '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._-]/gu, '_')
    .slice(0, 80);
  return `${base || 'document'}.${extension}`;
}
