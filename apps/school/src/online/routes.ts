import { applicationNumberSchema, pieceCommentSchema, pieceKindSchema, transferRequestSchema } from '@permis/ants-api';
import { contentDisposition, type HttpServer, readUploadedFile } from '@permis/platform';
import { MAX_PIECE_FILE_BYTES } from '@permis/referentiel';
import { z } from 'zod';
import { requireRight, requireUser } from '../auth/context.ts';
import { sendFile } from '../http/sendFile.ts';
import type { SchoolServices } from '../services.ts';
import type { Right } from '../users/rights.ts';

const studentParams = z.object({ id: z.uuid() });
const applicationParams = studentParams.extend({
  number: applicationNumberSchema,
});
const fileParams = applicationParams.extend({ fileId: z.uuid() });
const comment = pieceCommentSchema;

/**
 * Formation › "Dossier 02 - 06" › the online application of a student, over HTTP: each route
 * parses, checks the user's right, calls one function of the domain module (service.ts) and shapes
 * the answer.
 */
export function onlineApplicationRoutes(app: HttpServer, ctx: SchoolServices) {
  const { online } = ctx;
  const user = { config: { access: 'user' } } as const;

  app.get('/api/students/:id/online', { ...user, schema: { params: studentParams } }, async (request) =>
    online.overview(await requireUser(ctx, request), request.params.id),
  );

  // The préfectures a student can be attached to (by their postal code), from the national service.
  app.get('/api/students/:id/online/prefectures', { ...user, schema: { params: studentParams } }, async (request) => ({
    prefectures: await online.prefectures(await requireUser(ctx, request), request.params.id),
  }));

  // "Impression Cerfa": the paper form filled from the fiche and the dossier, shown in the browser.
  app.get(
    '/api/students/:id/cerfa/:type',
    {
      ...user,
      schema: { params: studentParams.extend({ type: z.enum(['02', '06'], { error: 'Cerfa 02 ou 06.' }) }) },
    },
    async (request, reply) => {
      const pdf = await online.cerfa(await requireUser(ctx, request), request.params.id, request.params.type);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition(pdf.fileName).replace('attachment', 'inline'))
        .send(pdf.bytes);
    },
  );

  // "Enregistrer la demande en ligne": a draft on the national service. The page sends the same
  // idempotency key until it gets an answer, so a retry after a timeout never makes a second one.
  app.post(
    '/api/students/:id/online',
    {
      ...user,
      schema: {
        params: studentParams,
        body: z.object({
          type: z.enum(['02', '06'], { error: 'Cochez Cerfa 02 ou Cerfa 06.' }),
          idempotencyKey: z.uuid(),
        }),
      },
    },
    async (request, reply) => {
      const me = await requireUser(ctx, request);
      return reply
        .status(201)
        .send(await online.enterDraft(me, request.params.id, request.body.type, request.body.idempotencyKey));
    },
  );

  // "Supprimer puis recréer la demande".
  app.post(
    '/api/students/:id/online/:number/recreate',
    {
      ...user,
      schema: { params: applicationParams, body: z.object({ idempotencyKey: z.uuid() }) },
      // The right before the body: a user without it learns nothing from the validation.
      preValidation: async (request) => void (await requireRight(ctx, request, 'ants_delete_application')),
    },
    async (request, reply) => {
      const me = await requireRight(ctx, request, 'ants_delete_application');
      const { id, number } = request.params;
      return reply.status(201).send(await online.recreate(me, id, number, request.body.idempotencyKey));
    },
  );

  // "Mettre à jour": the application as the national service has it now.
  app.post(
    '/api/students/:id/online/:number/refresh',
    { ...user, schema: { params: applicationParams } },
    async (request) => online.refresh(await requireUser(ctx, request), request.params.id, request.params.number),
  );

  // "Transférer une demande": number + agrément of the school that holds it.
  app.post(
    '/api/students/:id/online/transfer',
    {
      ...user,
      schema: {
        params: studentParams,
        body: z.object({
          number: applicationParams.shape.number,
          holderAgrementNumber: transferRequestSchema.shape.holderAgrementNumber,
        }),
      },
    },
    async (request) => online.transfer(await requireUser(ctx, request), request.params.id, request.body),
  );

  /** The actions that move the application through its states, each guarded by its right. */
  const steps: ['validate' | 'complete', Right][] = [
    ['validate', 'ants_validate_application'],
    ['complete', 'ants_validate_application'],
  ];
  for (const [action, right] of steps) {
    app.post(
      `/api/students/:id/online/:number/${action}`,
      { ...user, schema: { params: applicationParams } },
      async (request) =>
        online.move(await requireRight(ctx, request, right), request.params.id, request.params.number, action),
    );
  }

  app.delete('/api/students/:id/online/:number', { ...user, schema: { params: applicationParams } }, async (request) =>
    online.remove(
      await requireRight(ctx, request, 'ants_delete_application'),
      request.params.id,
      request.params.number,
    ),
  );

  // "Envoyer / Consulter les pièces justificatives".
  app.get(
    '/api/students/:id/online/:number/pieces',
    { ...user, schema: { params: applicationParams } },
    async (request) => online.pieces(await requireUser(ctx, request), request.params.id, request.params.number),
  );

  app.post(
    '/api/students/:id/online/:number/pieces/:kind',
    {
      ...user,
      schema: { params: applicationParams.extend({ kind: pieceKindSchema }), querystring: z.object({ comment }) },
    },
    async (request, reply) => {
      const me = await requireUser(ctx, request);
      const { id, number, kind } = request.params;
      const read = async () => {
        const upload = await readUploadedFile(request, MAX_PIECE_FILE_BYTES);
        return { name: upload.fileName, bytes: upload.bytes };
      };
      return reply.status(201).send(await online.uploadFile(me, id, number, kind, read, request.query.comment));
    },
  );

  app.post(
    '/api/students/:id/online/:number/pieces/:kind/from-document',
    {
      ...user,
      schema: {
        params: applicationParams.extend({ kind: pieceKindSchema }),
        body: z.object({ documentId: z.uuid('Choisissez un document de l’élève.'), comment }),
      },
    },
    async (request, reply) => {
      const me = await requireUser(ctx, request);
      const { id, number, kind } = request.params;
      const { documentId, comment: note } = request.body;
      return reply.status(201).send(await online.uploadDocument(me, id, number, kind, documentId, note));
    },
  );

  app.get(
    '/api/students/:id/online/:number/pieces/files/:fileId',
    { ...user, schema: { params: fileParams } },
    async (request, reply) => {
      const { id, number, fileId } = request.params;
      const file = await online.pieceFile(await requireUser(ctx, request), id, number, fileId);
      return sendFile(reply, file.fileName, file.bytes);
    },
  );

  app.delete(
    '/api/students/:id/online/:number/pieces/files/:fileId',
    { ...user, schema: { params: fileParams } },
    async (request) => {
      const { id, number, fileId } = request.params;
      return online.deletePieceFile(await requireUser(ctx, request), id, number, fileId);
    },
  );

  // "Ajouter / Modifier la ePhoto", "Consulter la ePhoto", "Supprimer la ePhoto".
  app.put(
    '/api/students/:id/online/:number/ephoto',
    {
      ...user,
      schema: {
        params: applicationParams,
        body: z.object({ code: z.string().trim().toUpperCase().min(1, 'Saisissez le code ePhoto.').max(30) }),
      },
    },
    async (request) =>
      online.setEphoto(await requireUser(ctx, request), request.params.id, request.params.number, request.body.code),
  );

  app.get(
    '/api/students/:id/online/:number/ephoto',
    { ...user, schema: { params: applicationParams } },
    async (request) => online.ephoto(await requireUser(ctx, request), request.params.id, request.params.number),
  );

  app.get(
    '/api/students/:id/online/:number/ephoto/:image',
    { ...user, schema: { params: applicationParams.extend({ image: z.enum(['photo', 'signature']) }) } },
    async (request, reply) => {
      const { id, number, image } = request.params;
      const file = await online.ephotoImage(await requireUser(ctx, request), id, number, image);
      return sendFile(reply, file.fileName, file.bytes);
    },
  );

  app.delete(
    '/api/students/:id/online/:number/ephoto',
    { ...user, schema: { params: applicationParams } },
    async (request) =>
      online.deleteEphoto(
        await requireRight(ctx, request, 'ants_delete_ephoto'),
        request.params.id,
        request.params.number,
      ),
  );

  // "Editer les documents": the documents of the national service for this application.
  app.get(
    '/api/students/:id/online/:number/documents',
    { ...user, schema: { params: applicationParams } },
    async (request) => online.documents(await requireUser(ctx, request), request.params.id, request.params.number),
  );

  app.get(
    '/api/students/:id/online/:number/documents/:kind',
    {
      ...user,
      schema: { params: applicationParams.extend({ kind: z.string().regex(/^[a-z_]{1,40}$/, 'Document inconnu.') }) },
    },
    async (request, reply) => {
      const { id, number, kind } = request.params;
      const file = await online.document(await requireUser(ctx, request), id, number, kind);
      return sendFile(reply, file.fileName, file.bytes);
    },
  );
}
