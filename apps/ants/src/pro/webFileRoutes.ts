import type {} from '@fastify/multipart';
import {
  applicationNumberSchema,
  documentKindSchema,
  ephotoCodeRequestSchema,
  pieceCommentSchema,
  pieceKindSchema,
} from '@permis/ants-api';
import { type HttpServer, readUploadedFile } from '@permis/platform';
import { MAX_PIECE_FILE_BYTES } from '@permis/referentiel';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { findOwnApplication } from '../applications/find.ts';
import { requirePro } from '../auth/context.ts';
import { documentList, sendDocument } from '../documents/documentPdf.ts';
import { schoolAudit } from '../domain/actor.ts';
import { EPHOTO_IMAGES, sendEphotoImage } from '../ephoto/attached.ts';
import { attachedEphoto, removeEphoto, setEphoto } from '../ephoto/schoolEphoto.ts';
import { listPieces, sendPieceFile } from '../pieces/files.ts';
import { deletePieceFile, piecesEditableApplication, storePieceFile } from '../pieces/schoolPieces.ts';
import type { AntsServices } from '../services.ts';

const base = '/api/pro/web/applications/:number';
const number = applicationNumberSchema;

/**
 * The files of a demand on the professional space: pièces, ePhoto and documents, through the same
 * domain functions as the professional API's routes (same checks, same errors, same audit).
 */
export function proWebFileRoutes(app: HttpServer, ctx: AntsServices) {
  const { db, files } = ctx;
  const proSession = { config: { access: 'proSession' } } as const;
  const own = async (request: FastifyRequest, params: { number: string }) =>
    findOwnApplication(db, (await requirePro(ctx, request)).id, params.number);

  app.get(`${base}/pieces`, { ...proSession, schema: { params: z.object({ number }) } }, async (request) => ({
    pieces: await listPieces(db, (await own(request, request.params)).id),
  }));

  app.post(
    `${base}/pieces/:kind`,
    {
      ...proSession,
      schema: {
        params: z.object({ number, kind: pieceKindSchema }),
        querystring: z.object({ comment: pieceCommentSchema }),
      },
    },
    async (request, reply) => {
      const school = await requirePro(ctx, request);
      const row = await piecesEditableApplication(db, school.id, request.params.number);
      const upload = await readUploadedFile(request, MAX_PIECE_FILE_BYTES);
      const file = await storePieceFile(
        files,
        schoolAudit(school),
        row,
        request.params.kind,
        upload,
        request.query.comment,
      );
      return reply.status(201).send({ file });
    },
  );

  const fileParams = z.object({ number, fileId: z.uuid() });
  app.get(`${base}/pieces/files/:fileId`, { ...proSession, schema: { params: fileParams } }, async (request, reply) =>
    sendPieceFile(db, reply, files, (await own(request, request.params)).id, request.params.fileId),
  );
  app.delete(`${base}/pieces/files/:fileId`, { ...proSession, schema: { params: fileParams } }, async (request) => {
    await deletePieceFile(db, files, await requirePro(ctx, request), request.params.number, request.params.fileId);
    return { ok: true as const };
  });

  app.get(`${base}/ephoto`, { ...proSession, schema: { params: z.object({ number }) } }, async (request) => ({
    ephoto: await attachedEphoto(db, (await own(request, request.params)).id),
  }));
  for (const image of EPHOTO_IMAGES) {
    app.get(
      `${base}/ephoto/${image}`,
      { ...proSession, schema: { params: z.object({ number }) } },
      async (request, reply) => sendEphotoImage(db, reply, (await own(request, request.params)).id, image),
    );
  }
  app.put(
    `${base}/ephoto`,
    { ...proSession, schema: { params: z.object({ number }), body: ephotoCodeRequestSchema } },
    async (request) => ({
      ephoto: { code: await setEphoto(db, await requirePro(ctx, request), request.params.number, request.body.code) },
    }),
  );
  app.delete(`${base}/ephoto`, { ...proSession, schema: { params: z.object({ number }) } }, async (request) => {
    await removeEphoto(db, await requirePro(ctx, request), request.params.number);
    return { ok: true as const };
  });

  app.get(`${base}/documents`, { ...proSession, schema: { params: z.object({ number }) } }, async (request) => ({
    documents: await documentList(db, await own(request, request.params)),
  }));
  app.get(
    `${base}/documents/:kind`,
    { ...proSession, schema: { params: z.object({ number, kind: documentKindSchema }) } },
    async (request, reply) => sendDocument(db, reply, await own(request, request.params), request.params.kind),
  );
}
