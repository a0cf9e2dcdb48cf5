/**
 * One error shape for every API of both services: a stable machine code, an HTTP status and a
 * French message a user can read. Each service lists its codes once, in a table (code → status and
 * French title) that includes the platform's own codes; errors are built only through a table
 * (`errorBuilder`), so a code that is in no table does not compile. The error handler in http.ts
 * turns an AppError (and validation errors) into problem details (problems.ts).
 */
/** A value to offer for a wrong field (a town of the official list for a misspelt one). */
export type FieldSuggestion = { label: string; value: string; postalCode?: string; department?: string };
export type FieldError = { path: string; message: string; suggestions?: FieldSuggestion[] };

/** A code's HTTP status, and its French title (the problem's `title`; the detail when none is given). */
export type ErrorEntry = { readonly status: number; readonly title: string };

/** Problem details' extension members of one error, besides `code` and `fields` (RFC 9457 §3.2). */
export type ProblemExtensions = Readonly<Record<string, string>>;

/**
 * The codes the platform answers by itself (the HTTP layer's refusals, sessions, uploads, the
 * sign-in throttle), whatever the service. Their titles are their status's (problems.ts).
 */
export const PLATFORM_ERRORS = {
  BAD_REQUEST: { status: 400, title: 'Requête invalide.' },
  VALIDATION: { status: 400, title: 'Requête invalide.' },
  INVALID_CHARACTER: { status: 400, title: 'Requête invalide.' },
  FILE_MISSING: { status: 400, title: 'Requête invalide.' },
  MULTIPART_MALFORMED: { status: 400, title: 'Requête invalide.' },
  UNAUTHENTICATED: { status: 401, title: 'Authentification requise.' },
  FORBIDDEN: { status: 403, title: 'Action refusée.' },
  CSRF: { status: 403, title: 'Action refusée.' },
  CROSS_SITE: { status: 403, title: 'Action refusée.' },
  NOT_FOUND: { status: 404, title: 'Introuvable.' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Méthode refusée.' },
  NOT_ACCEPTABLE: { status: 406, title: 'Format de réponse non disponible.' },
  REQUEST_TIMEOUT: { status: 408, title: 'Requête incomplète.' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Contenu trop volumineux.' },
  FILE_TOO_LARGE: { status: 413, title: 'Contenu trop volumineux.' },
  URI_TOO_LONG: { status: 414, title: 'Adresse trop longue.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Type de contenu refusé.' },
  RATE_LIMITED: { status: 429, title: 'Trop de requêtes.' },
  TOO_MANY_ATTEMPTS: { status: 429, title: 'Trop de requêtes.' },
  HEADERS_TOO_LARGE: { status: 431, title: 'En-têtes trop volumineux.' },
  INTERNAL: { status: 500, title: 'Erreur du service.' },
  WEB_PAGE_NOT_BUILT: { status: 503, title: 'Service momentanément indisponible.' },
} as const satisfies Record<string, ErrorEntry>;
export type PlatformErrorCode = keyof typeof PLATFORM_ERRORS;

/**
 * A service's table of codes: every platform code, with the platform's status (the platform throws
 * them with it), and the service's own codes. Checked with `satisfies ErrorTable`.
 */
export type ErrorTable = {
  readonly [Code in PlatformErrorCode]: {
    readonly status: (typeof PLATFORM_ERRORS)[Code]['status'];
    readonly title: string;
  };
} & Readonly<Record<string, ErrorEntry>>;

export class AppError<Code extends string = string> extends Error {
  /** Private: an error is built through a table (`errorBuilder`, `AppError.of`), never from a free string. */
  private constructor(
    readonly status: number,
    readonly code: Code,
    message: string,
    readonly fields?: FieldError[],
    readonly extensions?: ProblemExtensions,
  ) {
    super(message);
    this.name = 'AppError';
  }

  /**
   * An error by a code of a table: its status and, without a detail, its title. `status` is for a
   * relay that keeps another service's status (the school relaying the national service's refusals).
   */
  static of<const Table extends Readonly<Record<string, ErrorEntry>>, Code extends keyof Table & string>(
    table: Table,
    code: Code,
    detail?: string,
    more: { fields?: FieldError[]; extensions?: ProblemExtensions; status?: number } = {},
  ): AppError<Code> {
    const entry = table[code] as ErrorEntry;
    return new AppError(more.status ?? entry.status, code, detail ?? entry.title, more.fields, more.extensions);
  }
}

/** The error builder of a table: `build(code, detail?, fields?)`. */
export function errorBuilder<const Table extends Readonly<Record<string, ErrorEntry>>>(table: Table) {
  return <Code extends keyof Table & string>(code: Code, detail?: string, fields?: FieldError[]): AppError<Code> =>
    AppError.of(table, code, detail, { fields });
}

/** The platform's own errors (a service builds its own through its table). */
export const platformError = errorBuilder(PLATFORM_ERRORS);

export const unauthenticated = (message = 'Vous devez être connecté pour accéder à cette page.') =>
  platformError('UNAUTHENTICATED', message);

export const forbidden = (message = "Vous n'avez pas les droits nécessaires pour cette action.") =>
  platformError('FORBIDDEN', message);

export const notFound = (message = "L'élément demandé n'existe pas.") => platformError('NOT_FOUND', message);
