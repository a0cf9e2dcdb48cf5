import type { HttpServer } from '@permis/platform';
import { apiDoor, mountSchoolOperations } from '../doors/doors.ts';
import type { AntsServices } from '../services.ts';
import { PIECE_OPERATIONS } from './schoolOperations.ts';

/** The pièces justificatives of a demand on the professional API (the same operations as the professional space's). */
export function pieceRoutes(app: HttpServer, ctx: AntsServices) {
  mountSchoolOperations(app, ctx, apiDoor(ctx), PIECE_OPERATIONS);
}
