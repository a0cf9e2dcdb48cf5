import type { PieceFile } from '@permis/ants-api';
import { contentDisposition, notFound } from '@permis/platform';
import { PIECES } from '@permis/referentiel';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { AntsDb } from '../db/index.ts';
import { pieceFiles } from '../db/schema.ts';
import type { FileStore } from './fileStore.ts';

/** The catalogue with what was sent for each pièce: the school's popup ("Envoyé", "Nb pages / max"). */
export async function listPieces(db: AntsDb, applicationId: string) {
  const files = await db
    .select()
    .from(pieceFiles)
    .where(eq(pieceFiles.applicationId, applicationId))
    .orderBy(asc(pieceFiles.createdAt));
  return PIECES.map((piece) => {
    const own = files.filter((f) => f.kind === piece.kind);
    return {
      ...piece,
      pages: own.reduce((sum, f) => sum + f.pages, 0),
      sent: own.length > 0,
      files: own.map(fileView),
    };
  });
}

/** A stored file as the contract answers it (its kind and type were checked when it was stored). */
export function fileView(file: typeof pieceFiles.$inferSelect): PieceFile {
  return {
    id: file.id,
    kind: file.kind as PieceFile['kind'],
    fileName: file.fileName,
    mediaType: file.mediaType as PieceFile['mediaType'],
    size: file.size,
    pages: file.pages,
    comment: file.comment,
    createdAt: file.createdAt.toISOString(),
  };
}

/** A file of one application's pièces; another application's is not found. */
export async function findPieceFile(db: AntsDb, applicationId: string, fileId: string) {
  const [file] = await db
    .select()
    .from(pieceFiles)
    .where(and(eq(pieceFiles.id, fileId), eq(pieceFiles.applicationId, applicationId)))
    .limit(1);
  if (!file) throw notFound("Ce fichier n'existe pas.");
  return file;
}

/** Streams a pièce's file to whoever may see the application (school, candidate, agent). */
export async function sendPieceFile(
  db: AntsDb,
  reply: FastifyReply,
  files: FileStore,
  applicationId: string,
  fileId: string,
) {
  const file = await findPieceFile(db, applicationId, fileId);
  const bytes = await files.read(file.storageName);
  return reply.type(file.mediaType).header('content-disposition', contentDisposition(file.fileName)).send(bytes);
}
