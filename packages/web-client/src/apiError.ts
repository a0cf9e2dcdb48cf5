export type FieldSuggestion = { label: string; value: string; postalCode?: string; department?: string };
export type FieldError = { path: string; message: string; suggestions?: FieldSuggestion[] };

/** What the page itself reports: no answer (`NETWORK`), or an answer that was no problem details (`ERROR`). */
export type ClientErrorCode = 'NETWORK' | 'ERROR';

/**
 * An error to show as is: the server's French `detail`, or the network's message. `Code` is the
 * service's union of error codes (its contract's table), so a page that tests a code the service
 * never answers does not compile.
 */
export class ApiError<Code extends string = string> extends Error {
  constructor(
    readonly status: number,
    readonly code: Code | ClientErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
    /** The problem's extension members (the school's `antsCode`): its contract says how to read them. */
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message of the field at `path`, if the server rejected it. */
  fieldMessage(path: string): string | undefined {
    return this.fields.find((field) => field.path === path)?.message;
  }
}

export const UNEXPECTED_MESSAGE = 'Une erreur inattendue est survenue. Veuillez réessayer.';

/** The members every problem has (RFC 9457 and the project's `code` and `fields`); the others are extensions. */
const PROBLEM_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'code', 'fields']);

/**
 * An error answer as an ApiError: problem details (RFC 9457) give `detail`, `code` and `fields`;
 * anything else (a proxy's page) is the network message when a gateway answered, unexpected otherwise.
 */
export function toApiError(status: number, payload: unknown, networkMessage: string): ApiError {
  const problem = payload as { code?: unknown; detail?: unknown; fields?: unknown } | null;
  if (problem && typeof problem.detail === 'string') {
    const fields = Array.isArray(problem.fields) ? (problem.fields as FieldError[]) : [];
    const extensions = Object.fromEntries(Object.entries(problem).filter(([member]) => !PROBLEM_MEMBERS.has(member)));
    return new ApiError(
      status,
      typeof problem.code === 'string' ? problem.code : 'ERROR',
      problem.detail,
      fields,
      extensions,
    );
  }
  if (status === 502 || status === 503 || status === 504) return new ApiError(status, 'NETWORK', networkMessage);
  return new ApiError(status, 'ERROR', UNEXPECTED_MESSAGE);
}

/** Any thrown value as an ApiError, so that every failure has a French message to show. */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'ERROR', UNEXPECTED_MESSAGE);
}
