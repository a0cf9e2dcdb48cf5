import { randomInt } from 'node:crypto';
import { sha256 } from '@permis/platform';
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { AntsDb } from '../db/index.ts';
import { ephotoCodes, photoBooths } from '../db/schema.ts';
import { antsError } from '../domain/errors.ts';
import { inspectFile } from '../pieces/inspect.ts';

/** ePhoto codes are 22 characters, without the letters and digits people confuse (0/O, 1/I). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A booth's photo stays usable six months. */
const VALIDITY_MS = 183 * 24 * 3600 * 1000;

function newEphotoCode(): string {
  return Array.from({ length: 22 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** The approved, active photo booth whose key the request carries (`x-booth-key`), or 401. */
export async function requireBooth(db: AntsDb, request: FastifyRequest) {
  const key = request.headers['x-booth-key'];
  if (typeof key === 'string' && key.length >= 20) {
    const [booth] = await db
      .select()
      .from(photoBooths)
      .where(and(eq(photoBooths.apiKeyHash, sha256(key)), eq(photoBooths.active, true)))
      .limit(1);
    if (booth) return booth;
  }
  throw antsError('BOOTH_UNKNOWN', 'Cabine photo non agréée.');
}

/**
 * A booth's photo and signature (the parts of its upload, by field name) become a new code to hand
 * over: both images are required, and neither may be a PDF.
 */
export async function issueEphotoCode(db: AntsDb, boothId: string, images: Record<string, Buffer>) {
  for (const field of ['photo', 'signature']) {
    const bytes = images[field];
    if (!bytes) throw antsError('FILE_MISSING', `Image « ${field} » manquante.`);
    const { mediaType } = await inspectFile(bytes);
    if (mediaType === 'application/pdf')
      throw antsError('FILE_TYPE', 'La photo et la signature sont des images JPEG ou PNG.');
  }
  const code = newEphotoCode();
  const expiresAt = new Date(Date.now() + VALIDITY_MS);
  await db.insert(ephotoCodes).values({ code, boothId, photo: images.photo!, signature: images.signature!, expiresAt });
  return { code, expiresAt: expiresAt.toISOString() };
}
