import type {} from '@fastify/multipart';
import { readUploadedFile } from '@permis/platform';
import { MAX_PIECE_FILE_BYTES } from '@permis/referentiel';
import { findOwnApplication } from '../applications/find.ts';
import { schoolAudit } from '../domain/actor.ts';
import { listPieces, sendPieceFile } from '../pieces/files.ts';
import { deletePieceFile, piecesEditableApplication, storePieceFile } from '../pieces/schoolPieces.ts';
import { schoolOperation } from './schoolOperation.ts';

export const listPiecesOperation = schoolOperation('listPieces', {
  doc: {
    summary: 'Lister les pièces justificatives et leurs fichiers',
    tag: 'Pièces justificatives',
    answer: 'Le catalogue des pièces, avec les fichiers envoyés.',
    errors: ['NOT_FOUND'],
  },
  run: async ({ db }, school, request) => ({
    pieces: await listPieces(db, (await findOwnApplication(db, school.id, request.params.number)).id),
  }),
});

export const uploadPieceFile = schoolOperation('uploadPieceFile', {
  doc: {
    summary: 'Envoyer un fichier pour une pièce',
    description:
      'Un fichier par envoi (`multipart/form-data`, champ `file`) : PDF, JPEG ou PNG reconnu par son contenu, 11 Mo au plus, dans la limite de pages de la pièce ; commentaire de 80 caractères au plus. Tant que la demande est un brouillon ou « À compléter ». Le même fichier renvoyé pour la même pièce (une nouvelle tentative après une réponse perdue) répond le fichier déjà enregistré, sans copie.',
    tag: 'Pièces justificatives',
    upload: true,
    answer: 'Fichier enregistré.',
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
  // The demand is checked before the upload is read: a refused demand costs no file.
  run: async ({ db, files }, school, request) => {
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
    return { file };
  },
});

export const downloadPieceFile = schoolOperation('downloadPieceFile', {
  doc: {
    summary: "Télécharger le fichier d'une pièce",
    tag: 'Pièces justificatives',
    answer: 'Le fichier, tel que reconnu.',
    errors: ['NOT_FOUND'],
  },
  run: async ({ db, files }, school, request, reply) =>
    sendPieceFile(
      db,
      reply,
      files,
      (await findOwnApplication(db, school.id, request.params.number)).id,
      request.params.fileId,
    ),
});

export const deletePieceFileOperation = schoolOperation('deletePieceFile', {
  doc: {
    summary: "Supprimer le fichier d'une pièce",
    tag: 'Pièces justificatives',
    answer: 'Fichier supprimé.',
    errors: ['NOT_FOUND', 'TRANSITION_REFUSED'],
  },
  run: async ({ db, files }, school, request) => {
    await deletePieceFile(db, files, school, request.params.number, request.params.fileId);
    return { ok: true as const };
  },
});

/**
 * Pièces justificatives: several files per pièce, recognised by content, 11 MB per file enforced
 * while the upload streams, a page limit per pièce, an 80-character comment. A refused file leaves
 * nothing behind.
 */
export const PIECE_OPERATIONS = [listPiecesOperation, uploadPieceFile, downloadPieceFile, deletePieceFileOperation];
