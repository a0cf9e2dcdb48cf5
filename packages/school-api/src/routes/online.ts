import {
  APPLICATION_STATES,
  APPLICATION_TYPES,
  applicationNumberSchema,
  documentStatusSchema,
  EPHOTO_IMAGES,
  ephotoResponseSchema,
  ephotoSetSchema,
  pieceCommentSchema,
  pieceKindSchema,
  pieceStatusSchema,
  prefectureSchema,
  TRANSFERRED,
  transferRequestSchema,
  uploadedPieceSchema,
} from '@permis/ants-api';
import { route } from '@permis/platform/route';
import { z } from 'zod';

/**
 * Formation › "Dossier 02 - 06" › the online application of a student: every action of seed 002,
 * through the national service with the responsible office's credentials.
 */

/** The buttons of "Informations concernant les demandes faites en ligne" (seed 002, "Actions disponibles"). */
export const ONLINE_ACTIONS = [
  'pieces',
  'ephoto',
  'validate',
  'complete',
  'documents',
  'viewEphoto',
  'deleteEphoto',
  'delete',
  'refresh',
] as const;
export type OnlineAction = (typeof ONLINE_ACTIONS)[number];

const availabilitySchema = z.object({ enabled: z.boolean(), reason: z.string().optional() });
export type ActionAvailability = z.infer<typeof availabilitySchema>;

/** A state as the school sees it: the national service's, or "Transféré" for one its office handed over. */
export const schoolViewStateSchema = z.enum([...APPLICATION_STATES, TRANSFERRED]);

/** An online application as the school knows it, with its buttons' state. */
export const onlineApplicationSchema = z.object({
  number: z.string(),
  type: z.enum(APPLICATION_TYPES),
  state: schoolViewStateSchema,
  stateLabel: z.string(),
  stateReason: z.string().nullable(),
  neph: z.string().nullable(),
  transferred: z.boolean(),
  paperMandate: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  syncedAt: z.iso.datetime(),
  ephotoCode: z.string().nullable(),
  actions: z.object(
    Object.fromEntries(ONLINE_ACTIONS.map((action) => [action, availabilitySchema])) as Record<
      OnlineAction,
      typeof availabilitySchema
    >,
  ),
  /** The fields of the fiche or dossier changed since the draft was entered (it keeps the old ones). */
  drift: z.array(z.string()),
});
export type OnlineApplication = z.infer<typeof onlineApplicationSchema>;

export const onlineOverviewSchema = z.object({
  office: z.object({ name: z.string(), ready: z.boolean(), prefectureName: z.string().nullable() }),
  applications: z.array(onlineApplicationSchema),
  canEnter: z.object({ '02': z.boolean(), '06': z.boolean() }),
});
export type OnlineOverview = z.infer<typeof onlineOverviewSchema>;

const applicationAnswer = z.object({ application: onlineApplicationSchema });
/** A draft entered: with why the dossier's ePhoto code was refused, if it was. */
const enteredSchema = applicationAnswer.extend({ ephotoError: z.string().nullable() });

const studentParams = z.object({ id: z.uuid() });
const applicationParams = studentParams.extend({ number: applicationNumberSchema });
const pieceParams = applicationParams.extend({ kind: pieceKindSchema });
const fileParams = applicationParams.extend({ fileId: z.uuid() });
const idempotencyKey = z.uuid();

export const onlineRoutes = {
  overview: route({
    method: 'GET',
    path: '/api/students/:id/online',
    params: studentParams,
    response: onlineOverviewSchema,
  }),
  /** The préfectures the student can be attached to (by their postal code). */
  prefectures: route({
    method: 'GET',
    path: '/api/students/:id/online/prefectures',
    params: studentParams,
    response: z.object({ prefectures: z.array(prefectureSchema) }),
  }),
  /** "Enregistrer la demande en ligne": the same key until an answer, so a retry never makes a second one. */
  enter: route({
    method: 'POST',
    path: '/api/students/:id/online',
    params: studentParams,
    body: z.object({ type: z.enum(APPLICATION_TYPES, { error: 'Cochez Cerfa 02 ou Cerfa 06.' }), idempotencyKey }),
    response: enteredSchema,
    status: 201,
  }),
  /** "Supprimer puis recréer la demande". */
  recreate: route({
    method: 'POST',
    path: '/api/students/:id/online/:number/recreate',
    params: applicationParams,
    body: z.object({ idempotencyKey }),
    response: enteredSchema,
    status: 201,
  }),
  refresh: route({
    method: 'POST',
    path: '/api/students/:id/online/:number/refresh',
    params: applicationParams,
    response: applicationAnswer,
  }),
  /** "Transférer une demande": number + agrément of the school that holds it. */
  transfer: route({
    method: 'POST',
    path: '/api/students/:id/online/transfer',
    params: studentParams,
    body: z.object({
      number: applicationNumberSchema,
      holderAgrementNumber: transferRequestSchema.shape.holderAgrementNumber,
    }),
    response: applicationAnswer,
  }),
  validate: route({
    method: 'POST',
    path: '/api/students/:id/online/:number/validate',
    params: applicationParams,
    response: applicationAnswer,
  }),
  complete: route({
    method: 'POST',
    path: '/api/students/:id/online/:number/complete',
    params: applicationParams,
    response: applicationAnswer,
  }),
  remove: route({
    method: 'DELETE',
    path: '/api/students/:id/online/:number',
    params: applicationParams,
    response: applicationAnswer,
  }),
  /** The pièces with their files, and the student's documents that can be picked instead of a file. */
  pieces: route({
    method: 'GET',
    path: '/api/students/:id/online/:number/pieces',
    params: applicationParams,
    response: z.object({
      pieces: z.array(pieceStatusSchema),
      documents: z.array(z.object({ id: z.string(), fileName: z.string(), createdAt: z.iso.datetime() })),
      application: onlineApplicationSchema,
    }),
  }),
  /** One file as `multipart/form-data` (field `file`): no JSON body. */
  uploadPiece: route({
    method: 'POST',
    path: '/api/students/:id/online/:number/pieces/:kind',
    params: pieceParams,
    query: z.object({ comment: pieceCommentSchema }),
    response: uploadedPieceSchema,
    status: 201,
  }),
  pieceFromDocument: route({
    method: 'POST',
    path: '/api/students/:id/online/:number/pieces/:kind/from-document',
    params: pieceParams,
    body: z.object({ documentId: z.uuid('Choisissez un document de l’élève.'), comment: pieceCommentSchema }),
    response: uploadedPieceSchema,
    status: 201,
  }),
  deletePieceFile: route({
    method: 'DELETE',
    path: '/api/students/:id/online/:number/pieces/files/:fileId',
    params: fileParams,
    response: z.object({ deleted: z.literal(true) }),
  }),
  setEphoto: route({
    method: 'PUT',
    path: '/api/students/:id/online/:number/ephoto',
    params: applicationParams,
    body: z.object({ code: z.string().trim().toUpperCase().min(1, 'Saisissez le code ePhoto.').max(30) }),
    response: ephotoSetSchema,
  }),
  ephoto: route({
    method: 'GET',
    path: '/api/students/:id/online/:number/ephoto',
    params: applicationParams,
    response: ephotoResponseSchema,
  }),
  deleteEphoto: route({
    method: 'DELETE',
    path: '/api/students/:id/online/:number/ephoto',
    params: applicationParams,
    response: z.object({ deleted: z.literal(true) }),
  }),
  /** "Editer les documents": the documents of the national service for this application. */
  documents: route({
    method: 'GET',
    path: '/api/students/:id/online/:number/documents',
    params: applicationParams,
    response: z.object({ documents: z.array(documentStatusSchema) }),
  }),
};

/** What the online tab streams (bytes, not JSON): addresses and parameters for the server and the links. */
export const onlineFiles = {
  /** "Impression Cerfa": the paper form filled from the fiche and the dossier, shown in the browser. */
  cerfa: {
    path: '/api/students/:id/cerfa/:type',
    params: studentParams.extend({ type: z.enum(APPLICATION_TYPES, { error: 'Cerfa 02 ou 06.' }) }),
  },
  pieceFile: { path: '/api/students/:id/online/:number/pieces/files/:fileId', params: fileParams },
  ephotoImage: {
    path: '/api/students/:id/online/:number/ephoto/:image',
    params: applicationParams.extend({ image: z.enum(EPHOTO_IMAGES) }),
  },
  document: {
    path: '/api/students/:id/online/:number/documents/:kind',
    params: applicationParams.extend({ kind: z.string().regex(/^[a-z_]{1,40}$/, 'Document inconnu.') }),
  },
} as const;

/**
 * Where the national service pushes each change of an office's demands (Standard Webhooks, signed
 * with the office's secret): no page calls it. Its body is not declared here: the signature covers
 * the exact bytes sent, so the receiver keeps them as text and reads them once the signature holds.
 */
export const webhookReceiverRoute = route({
  method: 'POST',
  path: '/api/ants/webhook/:officeId',
  params: z.object({ officeId: z.string() }),
  response: z.null(),
  status: 204,
});
