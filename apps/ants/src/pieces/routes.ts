import type {} from '@fastify/multipart';
import {
  applicationNumberSchema,
  deletedSchema,
  pieceCommentSchema,
  pieceKindSchema,
  piecesResponseSchema,
  uploadedPieceSchema,
} from '@permis/ants-api';
import { type HttpServer, readUploadedFile } from '@permis/platform';
import { MAX_PIECE_FILE_BYTES } from '@permis/referentiel';
import { z } from 'zod';
import { findOwnApplication } from '../applications/find.ts';
import { schoolAudit } from '../domain/actor.ts';
import { proOperation } from '../pro/operation.ts';
import { requireProCaller } from '../pro/token.ts';
import type { AntsServices } from '../services.ts';
import { listPieces, sendPieceFile } from './files.ts';
import { deletePieceFile, piecesEditableApplication, storePieceFile } from './schoolPieces.ts';

const number = applicationNumberSchema;

/**
 * Pièces justificatives: several files per pièce, recognised by content, 11 MB per file enforced
 * while the upload streams, a page limit per pièce, an 80-character comment. A refused file leaves
 * nothing behind.
 */
export function pieceRoutes(app: HttpServer, { db, files }: AntsServices) {
  app.get(
    '/api/pro/v1/applications/:number/pieces',
    proOperation(
      {
        id: 'listPieces',
        summary: 'Lister les pièces justificatives et leurs fichiers',
        tag: 'Pièces justificatives',
        answers: [{ description: 'Le catalogue des pièces, avec les fichiers envoyés.', schema: piecesResponseSchema }],
        errors: ['NOT_FOUND'],
      },
      { params: z.object({ number }) },
    ),
    async (request) => {
      const school = await requireProCaller(db, request);
      const row = await findOwnApplication(db, school.id, request.params.number);
      return { pieces: await listPieces(db, row.id) };
    },
  );

  app.post(
    '/api/pro/v1/applications/:number/pieces/:kind',
    proOperation(
      {
        id: 'uploadPieceFile',
        summary: 'Envoyer un fichier pour une pièce',
        description:
          'Un fichier par envoi (`multipart/form-data`, champ `file`) : PDF, JPEG ou PNG reconnu par son contenu, 11 Mo au plus, dans la limite de pages de la pièce ; commentaire de 80 caractères au plus. Tant que la demande est un brouillon ou « À compléter ». Le même fichier renvoyé pour la même pièce (une nouvelle tentative après une réponse perdue) répond le fichier déjà enregistré, sans copie.',
        tag: 'Pièces justificatives',
        upload: true,
        answers: [{ status: 201, description: 'Fichier enregistré.', schema: uploadedPieceSchema }],
        errors: [
          'NOT_FOUND',
          'TRANSITION_REFUSED',
          'FILE_MISSING',
          'MULTIPART_MALFORMED',
          'FILE_TOO_LARGE',
          'FILE_TYPE',
          'TOO_MANY_PAGES',
          'PDF_UNREADABLE',
          'PDF_ENCRYPTED',
          'PDF_TOO_COMPLEX',
          'PDF_TOO_MANY_PAGES',
          'PDF_ACTIVE_CONTENT',
          'SERVICE_BUSY',
        ],
      },
      {
        params: z.object({ number, kind: pieceKindSchema }),
        querystring: z.object({ comment: pieceCommentSchema }),
      },
    ),
    async (request, reply) => {
      const school = await requireProCaller(db, request);
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

  app.get(
    '/api/pro/v1/applications/:number/pieces/files/:fileId',
    proOperation(
      {
        id: 'downloadPieceFile',
        summary: "Télécharger le fichier d'une pièce",
        tag: 'Pièces justificatives',
        answers: [
          { description: 'Le fichier, tel que reconnu.', mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'] },
        ],
        errors: ['NOT_FOUND'],
      },
      { params: fileParams },
    ),
    async (request, reply) => {
      const school = await requireProCaller(db, request);
      const row = await findOwnApplication(db, school.id, request.params.number);
      return sendPieceFile(db, reply, files, row.id, request.params.fileId);
    },
  );

  app.delete(
    '/api/pro/v1/applications/:number/pieces/files/:fileId',
    proOperation(
      {
        id: 'deletePieceFile',
        summary: "Supprimer le fichier d'une pièce",
        tag: 'Pièces justificatives',
        answers: [{ description: 'Fichier supprimé.', schema: deletedSchema }],
        errors: ['NOT_FOUND', 'TRANSITION_REFUSED'],
      },
      { params: fileParams },
    ),
    async (request) => {
      const school = await requireProCaller(db, request);
      await deletePieceFile(db, files, school, request.params.number, request.params.fileId);
      return { ok: true as const };
    },
  );
}
