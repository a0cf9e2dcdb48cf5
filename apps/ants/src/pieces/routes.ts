import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type {} from '@fastify/multipart';
import {
  applicationNumberSchema,
  deletedSchema,
  inStateSet,
  pieceCommentSchema,
  pieceKindSchema,
  piecesResponseSchema,
  uploadedPieceSchema,
} from '@permis/ants-api';
import { type HttpServer, readUploadedFile } from '@permis/platform';
import { MAX_PIECE_FILE_BYTES, PIECES } from '@permis/referentiel';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { findOwnApplication } from '../applications/find.ts';
import type { ApplicationRow } from '../applications/machine.ts';
import { auditEvents, pieceFiles } from '../db/schema.ts';
import { proError } from '../pro/errors.ts';
import { proOperation } from '../pro/operation.ts';
import { requireProCaller } from '../pro/token.ts';
import type { AntsServices } from '../services.ts';
import { fileView, findPieceFile, listPieces, sendPieceFile } from './files.ts';
import { inspectFile } from './inspect.ts';

const number = applicationNumberSchema;

/** While the school may still change the application: a draft, or "à compléter" to add what is missing. */

/**
 * Pièces justificatives: several files per pièce, recognised by content, 11 MB per file enforced
 * while the upload streams, a page limit per pièce, an 80-character comment. A refused file leaves
 * nothing behind.
 */
export function pieceRoutes(app: HttpServer, { db, filesDir }: AntsServices) {
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
          'Un fichier par envoi (`multipart/form-data`, champ `file`) : PDF, JPEG ou PNG reconnu par son contenu, 11 Mo au plus, dans la limite de pages de la pièce ; commentaire de 80 caractères au plus. Tant que la demande est un brouillon ou « À compléter ».',
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
      const row = await findOwnApplication(db, school.id, request.params.number);
      assertPiecesEditable(row);
      const piece = PIECES.find((p) => p.kind === request.params.kind)!;
      const { bytes, fileName } = await readUploadedFile(request, MAX_PIECE_FILE_BYTES);
      const inspected = await inspectFile(bytes);

      const storageName = randomUUID();
      const target = path.join(filesDir, storageName);
      await mkdir(filesDir, { recursive: true });
      await writeFile(target, bytes, { mode: 0o600 });
      try {
        const saved = await db.transaction(async (tx) => {
          // Serialise uploads to one application so two files cannot both pass the page limit.
          await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${row.id}))`);
          const [used] = await tx
            .select({ pages: sql<number>`coalesce(sum(${pieceFiles.pages}), 0)::int` })
            .from(pieceFiles)
            .where(and(eq(pieceFiles.applicationId, row.id), eq(pieceFiles.kind, piece.kind)));
          const total = (used?.pages ?? 0) + inspected.pages;
          if (total > piece.maxPages) {
            throw proError('TOO_MANY_PAGES', `${piece.label} : ${total} pages pour ${piece.maxPages} au maximum.`);
          }
          const [file] = await tx
            .insert(pieceFiles)
            .values({
              applicationId: row.id,
              kind: piece.kind,
              fileName: safeFileName(fileName, inspected.mediaType),
              storageName,
              mediaType: inspected.mediaType,
              size: bytes.length,
              pages: inspected.pages,
              comment: request.query.comment,
            })
            .returning();
          await tx.insert(auditEvents).values({
            actorType: 'school',
            actorId: school.id,
            action: 'piece.upload',
            targetType: 'application',
            targetId: row.id,
            reason: piece.kind,
          });
          return file!;
        });
        return reply.status(201).send({ file: fileView(saved) });
      } catch (error) {
        await rm(target, { force: true });
        throw error;
      }
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
      return sendPieceFile(db, reply, filesDir, row.id, request.params.fileId);
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
      const row = await findOwnApplication(db, school.id, request.params.number);
      assertPiecesEditable(row);
      const file = await findPieceFile(db, row.id, request.params.fileId);
      await db.transaction(async (tx) => {
        await tx.delete(pieceFiles).where(eq(pieceFiles.id, file.id));
        await tx.insert(auditEvents).values({
          actorType: 'school',
          actorId: school.id,
          action: 'piece.delete',
          targetType: 'application',
          targetId: row.id,
          reason: file.kind,
        });
      });
      await rm(path.join(filesDir, file.storageName), { force: true });
      return { ok: true as const };
    },
  );
}

function assertPiecesEditable(row: ApplicationRow) {
  if (!inStateSet('piecesEditable', row.state)) {
    throw proError(
      'TRANSITION_REFUSED',
      'Les pièces justificatives ne peuvent plus être modifiées : la demande a été validée.',
    );
  }
}

/** The name shown back to users: the uploaded one without path or odd characters, with the real extension. */
function safeFileName(name: string, mediaType: string): string {
  const extension = mediaType === 'application/pdf' ? 'pdf' : mediaType === 'image/png' ? 'png' : 'jpg';
  const base = path
    .basename(name || 'document')
    .replace(/\.[^.]*$/, '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._-]/gu, '_')
    .slice(0, 80);
  return `${base || 'document'}.${extension}`;
}
