import { API_ERRORS, type ApiErrorCode } from '@permis/ants-api';
import { AppError, type FieldError } from '@permis/platform';

/**
 * An error of the professional API, by its contract code: the status and the title come from the
 * contract's table, the detail (what happened this time) defaults to the title.
 */
export function proError(code: ApiErrorCode, detail?: string, fields?: FieldError[]): AppError {
  const { status, title } = API_ERRORS[code];
  return new AppError(status, code, detail ?? title, fields);
}
