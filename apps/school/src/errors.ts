import { errorBuilder } from '@permis/platform';
import { SCHOOL_ERRORS } from '@permis/school-api';

/**
 * An error of the school's API by its contract code (SCHOOL_ERRORS): the status and the title come
 * from the contract's table, the detail (what happened this time) defaults to the title.
 */
export const schoolError = errorBuilder(SCHOOL_ERRORS);
