import '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError, platformError } from './errors.ts';

export type UploadedFile = { fileName: string; mediaType: string; bytes: Buffer };

/** What a multipart body carries besides the file: boundaries, part headers, a file name, small fields. */
const MULTIPART_ENVELOPE_BYTES = 64 * 1024;

/**
 * Reads the one file of a multipart request (@fastify/multipart registered), cut at `maxBytes`
 * while streaming: a larger file is refused with the limit in megabytes, an empty one too.
 */

export async function readUploadedFile(request: FastifyRequest, maxBytes: number): Promise<UploadedFile> {
  const megabytes = Math.round(maxBytes / (1024 * 1024));
  if (!request.isMultipart()) {
    throw platformError('UNSUPPORTED_MEDIA_TYPE', 'Envoyez le fichier en multipart/form-data.');
  }
  // A body that says it is larger than the file allowed plus its envelope is refused before any
  // byte of it is read: the sender learns it at once, and the service reads nothing more.
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_ENVELOPE_BYTES) {
    throw platformError('FILE_TOO_LARGE', `Le fichier dépasse la taille maximale de ${megabytes} Mo.`);
  }
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  const chunks: Buffer[] = [];
  try {
    part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!part) throw platformError('FILE_MISSING', 'Aucun fichier reçu.');
    for await (const chunk of part.file) chunks.push(chunk as Buffer);
  } catch (error) {
    throw malformedMultipart(error);
  }
  if (part.file.truncated) {
    throw platformError('FILE_TOO_LARGE', `Le fichier dépasse la taille maximale de ${megabytes} Mo.`);
  }
  const bytes = Buffer.concat(chunks);
  if (bytes.length === 0) throw platformError('FILE_MISSING', 'Le fichier est vide.');
  return { fileName: cleanFileName(part.filename), mediaType: part.mimetype, bytes };
}

/**
 * A multipart body the parser cannot read (no boundary, cut short, broken headers) is the client's
 * fault: a 400 in French, not a 500. Our own refusals and the parser's limits pass through.
 */
export function malformedMultipart(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const status = (error as { statusCode?: number }).statusCode;
  if (status === 413) {
    return platformError('FILE_TOO_LARGE', 'Le contenu envoyé est trop volumineux.');
  }
  return platformError(
    'MULTIPART_MALFORMED',
    'Le fichier envoyé est mal formé (multipart/form-data illisible) : envoyez-le de nouveau.',
  );
}

/** A file name as the client sent it, without control characters (a NUL cannot be stored), 200 characters at most. */
export function cleanFileName(name: string | undefined): string {
  const clean = [...(name ?? '')]
    .filter((char) => {
      const code = char.codePointAt(0) ?? 0;
      return code > 0x1f && code !== 0x7f;
    })
    .join('')
    .trim()
    .slice(0, 200);
  return clean || 'fichier';
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

/**
 * The type of a file read from its first bytes (PDF, PNG, JPEG: what a scan is), never the one the
 * client declared: a file sent as text/html must not come back as a page of this site.
 */
export function sniffMediaType(bytes: Uint8Array): string {
  const starts = (signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  return 'application/octet-stream';
}
