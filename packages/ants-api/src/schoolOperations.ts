import { type RouteContract, route } from '@permis/platform/route';
import { z } from 'zod';
import {
  applicationNumberSchema,
  createApplicationSchema,
  pieceKindSchema,
  transferRequestSchema,
} from './applications.ts';
import {
  applicationEnvelopeSchema,
  deletedSchema,
  documentKindSchema,
  documentsResponseSchema,
  ephotoCodeRequestSchema,
  ephotoResponseSchema,
  ephotoSetSchema,
  historyResponseSchema,
  pieceCommentSchema,
  piecesResponseSchema,
  uploadedPieceSchema,
} from './responses.ts';

/**
 * What a school does to its demands, through either of its doors: the professional API (bearer
 * token, `/api/pro/v1`) and the professional space (session, `/api/pro/web`). Each operation is
 * declared once here, its path after the door's prefix: the service adds what it runs and its
 * page of the API's document (apps/ants/src/doors/schoolOperation.ts), the pages call it through
 * the space's contract (web/proSpace.ts).
 */

/** An operation that answers a file (a PDF, an image): no JSON answer, a page links to it. */
export type FileRouteContract = {
  method: 'GET';
  path: string;
  params: z.ZodObject;
  mediaTypes: readonly string[];
};
/** A shared operation: a JSON answer (a route of a contract) or a file. */
export type SchoolOperationContract = RouteContract | FileRouteContract;

const fileRoute = <const C extends FileRouteContract>(contract: C): C => contract;

const number = applicationNumberSchema;
const numberParams = z.object({ number });
const fileParams = z.object({ number, fileId: z.uuid() });

const ephotoImage = <const I extends 'photo' | 'signature'>(image: I) =>
  fileRoute({
    method: 'GET',
    path: `/applications/:number/ephoto/${image}`,
    params: numberParams,
    mediaTypes: ['image/jpeg', 'image/png'],
  });

export const schoolOperations = {
  getApplication: route({
    method: 'GET',
    path: '/applications/:number',
    params: numberParams,
    response: applicationEnvelopeSchema,
  }),
  getApplicationHistory: route({
    method: 'GET',
    path: '/applications/:number/history',
    params: numberParams,
    response: historyResponseSchema,
  }),
  updateApplication: route({
    method: 'PUT',
    path: '/applications/:number',
    params: numberParams,
    body: createApplicationSchema,
    response: applicationEnvelopeSchema,
  }),
  deleteApplication: route({
    method: 'DELETE',
    path: '/applications/:number',
    params: numberParams,
    response: applicationEnvelopeSchema,
  }),
  validateApplication: route({
    method: 'POST',
    path: '/applications/:number/validate',
    params: numberParams,
    response: applicationEnvelopeSchema,
  }),
  completeApplication: route({
    method: 'POST',
    path: '/applications/:number/complete',
    params: numberParams,
    response: applicationEnvelopeSchema,
  }),
  transferApplication: route({
    method: 'POST',
    path: '/transfers',
    body: transferRequestSchema,
    response: applicationEnvelopeSchema,
  }),
  listPieces: route({
    method: 'GET',
    path: '/applications/:number/pieces',
    params: numberParams,
    response: piecesResponseSchema,
  }),
  /** One file as `multipart/form-data` (field `file`), read by the operation: no JSON body. */
  uploadPieceFile: route({
    method: 'POST',
    path: '/applications/:number/pieces/:kind',
    params: z.object({ number, kind: pieceKindSchema }),
    query: z.object({ comment: pieceCommentSchema }),
    response: uploadedPieceSchema,
    status: 201,
  }),
  downloadPieceFile: fileRoute({
    method: 'GET',
    path: '/applications/:number/pieces/files/:fileId',
    params: fileParams,
    mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'],
  }),
  deletePieceFile: route({
    method: 'DELETE',
    path: '/applications/:number/pieces/files/:fileId',
    params: fileParams,
    response: deletedSchema,
  }),
  getEphoto: route({
    method: 'GET',
    path: '/applications/:number/ephoto',
    params: numberParams,
    response: ephotoResponseSchema,
  }),
  getEphotoPhoto: ephotoImage('photo'),
  getEphotoSignature: ephotoImage('signature'),
  setEphoto: route({
    method: 'PUT',
    path: '/applications/:number/ephoto',
    params: numberParams,
    body: ephotoCodeRequestSchema,
    response: ephotoSetSchema,
  }),
  deleteEphoto: route({
    method: 'DELETE',
    path: '/applications/:number/ephoto',
    params: numberParams,
    response: deletedSchema,
  }),
  listDocuments: route({
    method: 'GET',
    path: '/applications/:number/documents',
    params: numberParams,
    response: documentsResponseSchema,
  }),
  downloadDocument: fileRoute({
    method: 'GET',
    path: '/applications/:number/documents/:kind',
    params: z.object({ number, kind: documentKindSchema }),
    mediaTypes: ['application/pdf'],
  }),
} as const satisfies Record<string, SchoolOperationContract>;

/** An operation's id (its `operationId` in the professional API's document). */
export type SchoolOperationId = keyof typeof schoolOperations;

/** An operation as a door serves it: its path after the door's prefix. */
export type AtDoor<P extends string, C extends { path: string }> = Omit<C, 'path'> & { path: `${P}${C['path']}` };

export function atDoor<const P extends string, const C extends { path: string }>(prefix: P, contract: C): AtDoor<P, C> {
  return { ...contract, path: `${prefix}${contract.path}` as `${P}${C['path']}` };
}
