import { randomInt } from 'node:crypto';
import type {} from '@fastify/multipart';
import {
  applicationNumberSchema,
  deletedSchema,
  ephotoCodeRequestSchema,
  ephotoResponseSchema,
  ephotoSetSchema,
} from '@permis/ants-api';
import { type HttpServer, malformedMultipart, sha256 } from '@permis/platform';
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { findOwnApplication } from '../applications/find.ts';
import type { AntsDb } from '../db/index.ts';
import { ephotoCodes, photoBooths } from '../db/schema.ts';
import { antsError } from '../domain/errors.ts';
import { inspectFile } from '../pieces/inspect.ts';
import { proOperation } from '../pro/operation.ts';
import { requireProCaller } from '../pro/token.ts';
import type { AntsServices } from '../services.ts';
import { EPHOTO_IMAGES, sendEphotoImage } from './attached.ts';
import { attachedEphoto, removeEphoto, setEphoto } from './schoolEphoto.ts';

/** ePhoto codes are 22 characters, without the letters and digits people confuse (0/O, 1/I). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A booth's photo stays usable six months. */
const VALIDITY_MS = 183 * 24 * 3600 * 1000;
const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

export function newEphotoCode(): string {
  return Array.from({ length: 22 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

const number = applicationNumberSchema;

export function ephotoRoutes(app: HttpServer, { db }: AntsServices) {
  // An approved booth sends the photo and signature it took and gets the code to hand over.
  app.post('/api/booths/v1/codes', { config: { access: 'booth' } }, async (request, reply) => {
    const booth = await requireBooth(db, request);
    if (!request.isMultipart())
      throw antsError('FILE_MISSING', 'Envoyez la photo et la signature en multipart/form-data.');
    const images: Record<string, Buffer> = {};
    try {
      for await (const part of request.files({ limits: { fileSize: MAX_IMAGE_BYTES, files: 2 } })) {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        if (part.file.truncated) throw antsError('FILE_TOO_LARGE', 'Image trop volumineuse (2 Mo au maximum).');
        images[part.fieldname] = Buffer.concat(chunks);
      }
    } catch (error) {
      throw malformedMultipart(error);
    }
    for (const field of ['photo', 'signature']) {
      const bytes = images[field];
      if (!bytes) throw antsError('FILE_MISSING', `Image « ${field} » manquante.`);
      const { mediaType } = await inspectFile(bytes);
      if (mediaType === 'application/pdf')
        throw antsError('FILE_TYPE', 'La photo et la signature sont des images JPEG ou PNG.');
    }
    const code = newEphotoCode();
    const expiresAt = new Date(Date.now() + VALIDITY_MS);
    await db
      .insert(ephotoCodes)
      .values({ code, boothId: booth.id, photo: images.photo!, signature: images.signature!, expiresAt });
    return reply.status(201).send({ code, expiresAt: expiresAt.toISOString() });
  });

  const params = z.object({ number });

  app.get(
    '/api/pro/v1/applications/:number/ephoto',
    proOperation(
      {
        id: 'getEphoto',
        summary: "Lire l'ePhoto de la demande",
        tag: 'ePhoto',
        answers: [{ description: 'Le code ePhoto associé, ou null.', schema: ephotoResponseSchema }],
        errors: ['NOT_FOUND'],
      },
      { params },
    ),
    async (request) => {
      const school = await requireProCaller(db, request);
      const row = await findOwnApplication(db, school.id, request.params.number);
      return { ephoto: await attachedEphoto(db, row.id) };
    },
  );

  for (const image of EPHOTO_IMAGES) {
    app.get(
      `/api/pro/v1/applications/:number/ephoto/${image}`,
      proOperation(
        {
          id: image === 'photo' ? 'getEphotoPhoto' : 'getEphotoSignature',
          summary: image === 'photo' ? "La photo de l'ePhoto" : "La signature de l'ePhoto",
          tag: 'ePhoto',
          answers: [{ description: "L'image prise par la cabine.", mediaTypes: ['image/jpeg', 'image/png'] }],
          errors: ['NOT_FOUND', 'EPHOTO_MISSING'],
        },
        { params },
      ),
      async (request, reply) => {
        const school = await requireProCaller(db, request);
        const row = await findOwnApplication(db, school.id, request.params.number);
        return sendEphotoImage(db, reply, row.id, image);
      },
    );
  }

  // Add or replace the code of a draft. A code serves one application only, ever.
  app.put(
    '/api/pro/v1/applications/:number/ephoto',
    proOperation(
      {
        id: 'setEphoto',
        summary: 'Ajouter ou remplacer le code ePhoto',
        description: "Sur un brouillon ; un code ne sert qu'à une demande, et reste la photo de son candidat.",
        tag: 'ePhoto',
        body: true,
        answers: [{ description: 'Le code associé.', schema: ephotoSetSchema }],
        errors: ['NOT_FOUND', 'TRANSITION_REFUSED', 'EPHOTO_UNKNOWN', 'EPHOTO_ALREADY_USED', 'EPHOTO_EXPIRED'],
      },
      {
        params,
        body: ephotoCodeRequestSchema,
      },
    ),
    async (request) => {
      const school = await requireProCaller(db, request);
      const code = await setEphoto(db, school, request.params.number, request.body.code);
      return { ephoto: { code } };
    },
  );

  app.delete(
    '/api/pro/v1/applications/:number/ephoto',
    proOperation(
      {
        id: 'deleteEphoto',
        summary: 'Retirer le code ePhoto',
        tag: 'ePhoto',
        answers: [{ description: 'Le code est rendu à son titulaire.', schema: deletedSchema }],
        errors: ['NOT_FOUND', 'TRANSITION_REFUSED', 'EPHOTO_MISSING'],
      },
      { params },
    ),
    async (request) => {
      const school = await requireProCaller(db, request);
      await removeEphoto(db, school, request.params.number);
      return { ok: true as const };
    },
  );
}

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
