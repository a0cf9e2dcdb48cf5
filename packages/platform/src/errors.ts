/**
 * One error shape for every API of both services: a stable machine code, an HTTP status and a
 * French message a user can read. Routes throw AppError; the error handler in http.ts turns it
 * (and validation errors) into problem details (problems.ts).
 */
/** A value to offer for a wrong field (a town of the official list for a misspelt one). */
export type FieldSuggestion = { label: string; value: string; postalCode?: string; department?: string };
export type FieldError = { path: string; message: string; suggestions?: FieldSuggestion[] };

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const unauthenticated = (message = 'Vous devez être connecté pour accéder à cette page.') =>
  new AppError(401, 'UNAUTHENTICATED', message);

export const forbidden = (message = "Vous n'avez pas les droits nécessaires pour cette action.") =>
  new AppError(403, 'FORBIDDEN', message);

export const notFound = (message = "L'élément demandé n'existe pas.") => new AppError(404, 'NOT_FOUND', message);

export const conflict = (code: string, message: string) => new AppError(409, code, message);
