import '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

export type UploadedFile = { fileName: string; mediaType: string; bytes: Buffer };

/**
 * Reads the one file of a multipart request (@fastify/multipart registered), cut at `maxBytes`
 * while streaming: a larger file is refused with the limit in megabytes, an empty one too.
 */
export async function readUploadedFile(request: FastifyRequest, maxBytes: number): Promise<UploadedFile> {
  const megabytes = Math.round(maxBytes / (1024 * 1024));
  if (!request.isMultipart()) throw new AppError(415, 'FILE_MISSING', 'Envoyez le fichier en multipart/form-data.');
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part) throw new AppError(400, 'FILE_MISSING', 'Aucun fichier reçu.');
  const chunks: Buffer[] = [];
  for await (const chunk of part.file) chunks.push(chunk as Buffer);
  if (part.file.truncated) {
    throw new AppError(413, 'FILE_TOO_LARGE', `Le fichier dépasse la taille maximale de ${megabytes} Mo.`);
  }
  const bytes = Buffer.concat(chunks);
  if (bytes.length === 0) throw new AppError(400, 'FILE_MISSING', 'Le fichier est vide.');
  return { fileName: part.filename || 'fichier', mediaType: part.mimetype, bytes };
}

/** An attachment header safe for any file name: an ASCII fallback plus the UTF-8 name (RFC 6266). */
export function contentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '_') || 'document';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
