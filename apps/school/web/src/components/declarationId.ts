import type { DeclarationKey } from '../types.ts';

/** A declaration the candidate answers (the opposition to data reuse is a box, not a question). */
export type AnsweredKey = Exclude<DeclarationKey, 'dataReuseOpposition'>;

/**
 * The id of a declaration's question in the dossier form, for the links that bring the user to it
 * (the online panel's « à compléter » list).
 */
export const declarationId = (key: AnsweredKey) => `declaration-${key}`;
