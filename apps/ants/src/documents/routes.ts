import type { HttpServer } from '@permis/platform';
import { apiDoor, mountSchoolOperations } from '../doors/doors.ts';
import type { AntsServices } from '../services.ts';
import { DOCUMENT_OPERATIONS } from './schoolOperations.ts';

/** "Editer les documents" on the professional API (the same operations as the professional space's). */
export function documentRoutes(app: HttpServer, ctx: AntsServices) {
  mountSchoolOperations(app, ctx, apiDoor(ctx), DOCUMENT_OPERATIONS);
}
