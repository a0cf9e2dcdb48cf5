import { MAX_PIECE_COMMENT_LENGTH } from '@permis/referentiel';
import { z } from 'zod';
import { applicationSchema, heldApplicationSchema, pieceKindSchema, prefectureSchema } from './applications.ts';

/**
 * What the professional API answers, operation by operation: the service serialises every answer
 * through these schemas (an extra field is never sent, a missing one fails), and the OpenAPI
 * document describes them, so the two cannot drift apart.
 */

/** The school's comment on a file it sends (seed 002: 80 characters). */
export const pieceCommentSchema = z
  .string()
  .trim()
  .max(MAX_PIECE_COMMENT_LENGTH, `Le commentaire est limité à ${MAX_PIECE_COMMENT_LENGTH} caractères.`)
  .default('');

/** The documents the national service provides for an application (seed 002, "Liste des documents disponibles"). */
export const DOCUMENT_KINDS = [
  'medical_opinion',
  'photo_signature_form',
  'receipt',
  'driving_rights',
  'registration_certificate',
  'registration_facsimile',
  'cancellation_statement',
  'invalidation_statement',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const documentKindSchema = z.enum(DOCUMENT_KINDS);

export const tokenResponseSchema = z
  .object({ token: z.string(), expiresAt: z.iso.datetime() })
  .meta({ id: 'Token', description: 'Un jeton porteur (Authorization: Bearer), valable une heure.' });
export const revokedTokensSchema = z.object({ revoked: z.number().int() });

export const prefecturesResponseSchema = z.object({
  prefectures: z.array(prefectureSchema.meta({ id: 'Prefecture' })),
});

export const applicationEnvelopeSchema = z
  .object({ application: heldApplicationSchema })
  .meta({ id: 'ApplicationEnvelope' });

export const pieceFileSchema = z
  .object({
    id: z.uuid(),
    kind: pieceKindSchema,
    fileName: z.string(),
    mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
    size: z.number().int(),
    pages: z.number().int(),
    comment: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'PieceFile' });
export type PieceFile = z.infer<typeof pieceFileSchema>;

/** A pièce of the catalogue with what was sent for it ("Envoyé", "Nb pages / max"). */
export const pieceStatusSchema = z
  .object({
    kind: pieceKindSchema,
    label: z.string(),
    help: z.string(),
    maxPages: z.number().int(),
    required: z.boolean(),
    pages: z.number().int(),
    sent: z.boolean(),
    files: z.array(pieceFileSchema),
  })
  .meta({ id: 'PieceStatus' });
export type PieceStatus = z.infer<typeof pieceStatusSchema>;
export const piecesResponseSchema = z.object({ pieces: z.array(pieceStatusSchema) });
export const uploadedPieceSchema = z.object({ file: pieceFileSchema });

/** The two images of an ePhoto, each streamed on its own address (the school's, the candidate's, the agent's). */
export const EPHOTO_IMAGES = ['photo', 'signature'] as const;
export type EphotoImage = (typeof EPHOTO_IMAGES)[number];

export const ephotoResponseSchema = z.object({
  ephoto: z.object({ code: z.string(), issuedAt: z.iso.datetime(), booth: z.string() }).nullable(),
});
export const ephotoSetSchema = z.object({ ephoto: z.object({ code: z.string() }) });

/** ePhoto codes are 22 letters and digits, typed in any case. */
export const EPHOTO_CODE = /^[A-Z0-9]{22}$/;
export const ephotoCodeRequestSchema = z.object({
  code: z.string().trim().toUpperCase().regex(EPHOTO_CODE, 'Le code ePhoto comporte 22 lettres et chiffres.'),
});

export const documentStatusSchema = z
  .object({
    kind: documentKindSchema,
    label: z.string(),
    help: z.string(),
    available: z.boolean(),
    /** Why it is not available yet, in French. */
    reason: z.string().optional(),
  })
  .meta({ id: 'DocumentStatus' });
export const documentsResponseSchema = z.object({ documents: z.array(documentStatusSchema) });

export const webhookRegisteredSchema = z.object({
  url: z.string(),
  /** The signing secret (`whsec_…`, Standard Webhooks): keep it to verify each notification. */
  secret: z.string(),
});
export const webhookResponseSchema = z.object({
  webhook: z.object({ url: z.string(), updatedAt: z.iso.datetime() }).nullable(),
});

/** What a school's webhook receives (POST, JSON, signed with the Standard Webhooks scheme). */
export const webhookEventSchema = z
  .object({
    /** The event's id: the same on every retry (it is also the `webhook-id` header). */
    id: z.string(),
    type: z.literal('application.updated'),
    occurredAt: z.iso.datetime(),
    application: applicationSchema,
  })
  .meta({ id: 'ApplicationUpdatedEvent' });
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

export const deletedSchema = z.object({ ok: z.literal(true) });
export const webhookDeletedSchema = z.object({ deleted: z.literal(true) });

/**
 * A line of the demand's history (its audit trail) as the school holding it sees it: what was done,
 * when and by whom. Another school appears only as "un autre établissement", never by name or number.
 */
export const HISTORY_ACTORS = ['school', 'otherSchool', 'candidate', 'agent', 'system'] as const;
export const historyEntrySchema = z
  .object({
    id: z.uuid(),
    at: z.string(),
    action: z.string(),
    label: z.string(),
    by: z.enum(HISTORY_ACTORS),
    byLabel: z.string(),
    /** Of your establishment's actions: which of its users did it, « Prénom NOM (identifiant) »; never another school's. */
    user: z.string().nullable(),
    /** What the action named: the pièce, the reason given to the school. */
    detail: z.string().nullable(),
  })
  .meta({ id: 'HistoryEntry' });
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export const historyResponseSchema = z.object({ history: z.array(historyEntrySchema) });
