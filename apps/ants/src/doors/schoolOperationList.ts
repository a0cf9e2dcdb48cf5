import { SCHOOL_APPLICATION_OPERATIONS } from './applicationOperations.ts';
import { DOCUMENT_OPERATIONS } from './documentOperations.ts';
import { EPHOTO_OPERATIONS } from './ephotoOperations.ts';
import { PIECE_OPERATIONS } from './pieceOperations.ts';

/**
 * Every operation a school does on its demands, declared once and mounted on both doors: the
 * professional API (pro/applicationRoutes.ts) and the professional space (pro/webRoutes.ts). The
 * order is the OpenAPI document's.
 */
export const SCHOOL_OPERATIONS = [
  ...SCHOOL_APPLICATION_OPERATIONS,
  ...PIECE_OPERATIONS,
  ...EPHOTO_OPERATIONS,
  ...DOCUMENT_OPERATIONS,
];
