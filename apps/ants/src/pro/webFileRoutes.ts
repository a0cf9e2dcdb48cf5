import type { HttpServer } from '@permis/platform';
import { DOCUMENT_OPERATIONS } from '../documents/schoolOperations.ts';
import { mountSchoolOperations, sessionDoor } from '../doors/doors.ts';
import { EPHOTO_OPERATIONS } from '../ephoto/schoolOperations.ts';
import { PIECE_OPERATIONS } from '../pieces/schoolOperations.ts';
import type { AntsServices } from '../services.ts';

/**
 * The files of a demand on the professional space: pièces, ePhoto and documents, the professional
 * API's operations behind the session (same checks, same errors, same audit).
 */
export function proWebFileRoutes(app: HttpServer, ctx: AntsServices) {
  mountSchoolOperations(app, ctx, sessionDoor(ctx), [
    ...PIECE_OPERATIONS,
    ...EPHOTO_OPERATIONS,
    ...DOCUMENT_OPERATIONS,
  ]);
}
