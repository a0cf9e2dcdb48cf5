import type {} from '@fastify/multipart';
import {
  applicationNumberSchema,
  ephotoCodeRequestSchema,
  inStateSet,
  ownApplicationSchema,
  ownApplicationType,
  paymentFor,
  pieceCommentSchema,
  pieceKindSchema,
} from '@permis/ants-api';
import { type HttpServer, notFound, readUploadedFile } from '@permis/platform';
import { MAX_PIECE_FILE_BYTES } from '@permis/referentiel';
import { prefecturesForPostalCode } from '@permis/referentiel/data';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { createOwnApplication } from '../applications/create.ts';
import { type ApplicationRow, transition } from '../applications/machine.ts';
import { assertReadyToSend } from '../applications/validate.ts';
import { requireCandidate } from '../auth/context.ts';
import { applications } from '../db/schema.ts';
import { candidateAudit } from '../domain/actor.ts';
import { antsError } from '../domain/errors.ts';
import { EPHOTO_IMAGES, sendEphotoImage } from '../ephoto/attached.ts';
import { assertEphotoEditable, attachEphoto, attachedEphoto, detachEphoto } from '../ephoto/schoolEphoto.ts';
import { listPieces } from '../pieces/files.ts';
import { removePieceFile, storePieceFile } from '../pieces/schoolPieces.ts';
import type { AntsServices } from '../services.ts';
import { attestIdentity } from './attestation.ts';

const base = '/api/candidate/own-applications';
const number = applicationNumberSchema;

/**
 * « Ajouter une demande »: a candidat libre's own demand (decision 0013). They create the draft
 * (motif, address and contact, dossier; the identity is their account's), add the pièces, see what
 * is to pay, then send it to instruction with the sworn attestation, or give up the draft. Only
 * the candidate who holds it reaches it; a school's demand is never theirs to act on here.
 */
export function candidateOwnApplicationRoutes(app: HttpServer, ctx: AntsServices) {
  const { db, files } = ctx;
  const access = { config: { access: 'candidate' } } as const;

  const held = async (candidateId: string, applicationNumber: string): Promise<ApplicationRow> => {
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
  };
  const piecesEditable = (row: ApplicationRow) => {
    if (!inStateSet('piecesEditable', row.state)) {
      throw antsError(
        'TRANSITION_REFUSED',
        'Les pièces justificatives ne peuvent plus être modifiées : la demande a été envoyée.',
      );
    }
    return row;
  };

  // « Préfecture de rattachement »: those of the candidate's postal code, as for a school's.
  app.get(
    '/api/candidate/prefectures',
    {
      ...access,
      schema: { querystring: z.object({ postalCode: z.string().regex(/^\d{5}$/, 'Code postal invalide.') }) },
    },
    async (request) => {
      await requireCandidate(ctx, request);
      return { prefectures: prefecturesForPostalCode(request.query.postalCode) };
    },
  );

  app.post(base, { ...access, schema: { body: ownApplicationSchema } }, async (request, reply) => {
    const me = await requireCandidate(ctx, request);
    const { motif, candidate, legalRepresentative, dossier, birthCity } = request.body;
    const row = await createOwnApplication(db, me.id, {
      type: ownApplicationType(motif),
      candidate,
      legalRepresentative,
      dossier,
      birthCity,
    });
    return reply.status(201).send({ number: row.number });
  });

  app.get(`${base}/:number`, { ...access, schema: { params: z.object({ number }) } }, async (request) => {
    const me = await requireCandidate(ctx, request);
    const row = await held(me.id, request.params.number);
    const motif = row.type === '06' ? 'title' : row.dossier.heldCategories?.length ? 'extension' : 'first';
    return {
      number: row.number,
      type: row.type,
      state: row.state,
      pieces: await listPieces(db, row.id),
      payment: paymentFor(motif),
    };
  });

  app.post(
    `${base}/:number/pieces/:kind`,
    {
      ...access,
      schema: {
        params: z.object({ number, kind: pieceKindSchema }),
        querystring: z.object({ comment: pieceCommentSchema }),
      },
    },
    async (request, reply) => {
      const me = await requireCandidate(ctx, request);
      const row = piecesEditable(await held(me.id, request.params.number));
      const upload = await readUploadedFile(request, MAX_PIECE_FILE_BYTES);
      const file = await storePieceFile(
        files,
        candidateAudit(me.id),
        row,
        request.params.kind,
        upload,
        request.query.comment,
      );
      return reply.status(201).send({ file });
    },
  );

  app.delete(
    `${base}/:number/pieces/files/:fileId`,
    { ...access, schema: { params: z.object({ number, fileId: z.uuid() }) } },
    async (request, reply) => {
      const me = await requireCandidate(ctx, request);
      const row = piecesEditable(await held(me.id, request.params.number));
      await removePieceFile(db, files, candidateAudit(me.id), row, request.params.fileId);
      return reply.status(204).send();
    },
  );

  // « Photo / Signature »: the ePhoto code a booth or an approved photographer gave (seed 000, case 1).
  app.get(`${base}/:number/ephoto`, { ...access, schema: { params: z.object({ number }) } }, async (request) => {
    const me = await requireCandidate(ctx, request);
    return { ephoto: await attachedEphoto(db, (await held(me.id, request.params.number)).id) };
  });
  for (const image of EPHOTO_IMAGES) {
    app.get(
      `${base}/:number/ephoto/${image}`,
      { ...access, schema: { params: z.object({ number }) } },
      async (request, reply) => {
        const me = await requireCandidate(ctx, request);
        return sendEphotoImage(db, reply, (await held(me.id, request.params.number)).id, image);
      },
    );
  }
  app.put(
    `${base}/:number/ephoto`,
    { ...access, schema: { params: z.object({ number }), body: ephotoCodeRequestSchema } },
    async (request) => {
      const me = await requireCandidate(ctx, request);
      const row = assertEphotoEditable(await held(me.id, request.params.number));
      return { ephoto: { code: await attachEphoto(db, candidateAudit(me.id), row, request.body.code) } };
    },
  );
  app.delete(
    `${base}/:number/ephoto`,
    { ...access, schema: { params: z.object({ number }) } },
    async (request, reply) => {
      const me = await requireCandidate(ctx, request);
      const row = assertEphotoEditable(await held(me.id, request.params.number));
      await detachEphoto(db, candidateAudit(me.id), row);
      return reply.status(204).send();
    },
  );

  // « Confirmation »: the sworn attestation (checked here, not only by the page), the required pièces.
  app.post(
    `${base}/:number/submit`,
    { ...access, schema: { params: z.object({ number }), body: z.object({ attestation: z.boolean().optional() }) } },
    async (request) => {
      const me = await requireCandidate(ctx, request);
      if (request.body.attestation !== true) {
        throw antsError('ATTESTATION_REQUIRED', "Cochez l'attestation sur l'honneur pour envoyer la demande.");
      }
      const row = await held(me.id, request.params.number);
      const sent = await db.transaction(async (tx) => {
        await assertReadyToSend(tx, row);
        await attestIdentity(tx, me.id);
        return transition(
          tx,
          row,
          'submit',
          { type: 'candidate', id: me.id },
          { reason: 'Attestation sur l’honneur cochée' },
        );
      });
      return { number: sent.number, state: sent.state };
    },
  );

  // The complement the agent asked for, sent by the candidate who holds the demand.
  app.post(`${base}/:number/complete`, { ...access, schema: { params: z.object({ number }) } }, async (request) => {
    const me = await requireCandidate(ctx, request);
    const row = await held(me.id, request.params.number);
    const done = await db.transaction((tx) => transition(tx, row, 'complete', { type: 'candidate', id: me.id }));
    return { number: done.number, state: done.state };
  });

  app.post(`${base}/:number/withdraw`, { ...access, schema: { params: z.object({ number }) } }, async (request) => {
    const me = await requireCandidate(ctx, request);
    const row = await held(me.id, request.params.number);
    await db.transaction((tx) => transition(tx, row, 'withdraw', { type: 'candidate', id: me.id }));
    return { number: row.number };
  });
}
