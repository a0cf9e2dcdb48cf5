import { ANTS_ERRORS } from '@permis/ants-api';
import { errorBuilder } from '@permis/platform';

/**
 * An error of the national service, on any door, by its contract code (ANTS_ERRORS): the status and
 * the title come from the contract's table, the detail (what happened this time) defaults to the title.
 */
export const antsError = errorBuilder(ANTS_ERRORS);
