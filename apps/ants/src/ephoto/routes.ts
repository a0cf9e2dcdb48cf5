import { randomInt } from 'node:crypto';
import type {} from '@fastify/multipart';
import {
  applicationNumberSchema,
  deletedSchema,
  ephotoResponseSchema,
  ephotoSetSchema,
  inStateSet,
} from '@permis/ants-api';
import { AppError, type HttpServer, malformedMultipart, sha256 } from '@permis/platform';
import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { findOwnApplication } from '../applications/find.ts';
import type { ApplicationRow } from '../applications/machine.ts';
import type { AntsDb } from '../db/index.ts';
import { applications, auditEvents, ephotoCodes, photoBooths } from '../db/schema.ts';
import { inspectFile } from '../pieces/inspect.ts';
import { proError } from '../pro/errors.ts';
import { proOperation } from '../pro/operation.ts';
import { requireProCaller } from '../pro/token.ts';
import type { AntsServices } from '../services.ts';
import { EPHOTO_IMAGES, sendEphotoImage } from './attached.ts';

/** ePhoto codes are 22 characters, without the letters and digits people confuse (0/O, 1/I). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const EPHOTO_CODE = /^[A-Z0-9]{22}$/;
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
      throw proError('FILE_MISSING', 'Envoyez la photo et la signature en multipart/form-data.');
    const images: Record<string, Buffer> = {};
    try {
      for await (const part of request.files({ limits: { fileSize: MAX_IMAGE_BYTES, files: 2 } })) {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        if (part.file.truncated) throw proError('FILE_TOO_LARGE', 'Image trop volumineuse (2 Mo au maximum).');
        images[part.fieldname] = Buffer.concat(chunks);
      }
    } catch (error) {
      throw malformedMultipart(error);
    }
    for (const field of ['photo', 'signature']) {
      const bytes = images[field];
      if (!bytes) throw proError('FILE_MISSING', `Image « ${field} » manquante.`);
      const { mediaType } = await inspectFile(bytes);
      if (mediaType === 'application/pdf')
        throw proError('FILE_TYPE', 'La photo et la signature sont des images JPEG ou PNG.');
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
      const [bound] = await db
        .select({ code: ephotoCodes.code, issuedAt: ephotoCodes.issuedAt, booth: photoBooths.name })
        .from(ephotoCodes)
        .innerJoin(photoBooths, eq(photoBooths.id, ephotoCodes.boothId))
        .where(eq(ephotoCodes.applicationId, row.id))
        .limit(1);
      return {
        ephoto: bound ? { code: bound.code, issuedAt: bound.issuedAt.toISOString(), booth: bound.booth } : null,
      };
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
        body: z.object({
          code: z.string().trim().toUpperCase().regex(EPHOTO_CODE, 'Le code ePhoto comporte 22 lettres et chiffres.'),
        }),
      },
    ),
    async (request) => {
      const school = await requireProCaller(db, request);
      const row = await findOwnApplication(db, school.id, request.params.number);
      assertDraft(row);
      const { code } = request.body;
      await db.transaction(async (tx) => {
        const [found] = await tx.select().from(ephotoCodes).where(eq(ephotoCodes.code, code)).limit(1);
        if (!found) throw proError('EPHOTO_UNKNOWN', "Ce code ePhoto n'existe pas : vérifiez sa saisie.");
        if (found.applicationId === row.id) return;
        // A released code is still its candidate's photo: it never goes onto someone else.
        const otherCandidate = found.candidateId !== null && found.candidateId !== row.candidateId;
        if (found.applicationId || found.usedAt || otherCandidate) {
          throw proError('EPHOTO_ALREADY_USED', "Ce code ePhoto a déjà été utilisé : un code ne sert qu'une fois.");
        }
        if (found.expiresAt < new Date()) throw proError('EPHOTO_EXPIRED', 'Ce code ePhoto a expiré.');
        // Replacing: the previous code of this draft goes back to its holder, unused.
        await tx
          .update(ephotoCodes)
          .set({ applicationId: null, usedAt: null })
          .where(eq(ephotoCodes.applicationId, row.id));
        const [claimed] = await tx
          .update(ephotoCodes)
          .set({ applicationId: row.id, candidateId: row.candidateId, usedAt: new Date() })
          .where(and(eq(ephotoCodes.code, code), isNull(ephotoCodes.applicationId)))
          .returning({ code: ephotoCodes.code });
        if (!claimed) {
          throw proError('EPHOTO_ALREADY_USED', "Ce code ePhoto a déjà été utilisé : un code ne sert qu'une fois.");
        }
        // On the application too: its school's copy learns it (and a sync sees it changed).
        await tx
          .update(applications)
          .set({ ephotoCode: code, updatedAt: new Date() })
          .where(eq(applications.id, row.id));
        await tx.insert(auditEvents).values({
          actorType: 'school',
          actorId: school.id,
          action: 'ephoto.set',
          targetType: 'application',
          targetId: row.id,
        });
      });
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
      const row = await findOwnApplication(db, school.id, request.params.number);
      assertDraft(row);
      await db.transaction(async (tx) => {
        const released = await tx
          .update(ephotoCodes)
          .set({ applicationId: null, usedAt: null })
          .where(eq(ephotoCodes.applicationId, row.id))
          .returning({ code: ephotoCodes.code });
        await tx
          .update(applications)
          .set({ ephotoCode: null, updatedAt: new Date() })
          .where(eq(applications.id, row.id));
        if (released.length === 0) throw proError('EPHOTO_MISSING', "Aucune ePhoto n'est associée à cette demande.");
        await tx.insert(auditEvents).values({
          actorType: 'school',
          actorId: school.id,
          action: 'ephoto.delete',
          targetType: 'application',
          targetId: row.id,
        });
      });
      return { ok: true as const };
    },
  );
}

function assertDraft(row: ApplicationRow) {
  if (!inStateSet('ephotoEditable', row.state)) {
    throw proError('TRANSITION_REFUSED', "L'ePhoto ne peut plus être modifiée : la demande a été validée.");
  }
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
  throw new AppError(401, 'BOOTH_UNKNOWN', 'Cabine photo non agréée.');
}
