import type { FastifyReply } from 'fastify';
import type { FieldError, ProblemExtensions } from './errors.ts';

/**
 * Errors as RFC 9457 problem details (`application/problem+json`), the standard shape of HTTP API
 * errors: `type` and `title` name the kind of error (the same for every occurrence), `detail` says
 * what happened this time, in French, to show as is; `code` (stable, for software) and `fields`
 * (the wrong fields) are the project's extension members. Both services, every route.
 */
export type ProblemCatalogue = {
  type(code: string): string;
  /** The title of a known code; other codes take their HTTP status's title. */
  title(code: string): string | undefined;
};

export type ProblemWriter = (
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  fields?: FieldError[],
  extensions?: ProblemExtensions,
) => FastifyReply;

const STATUS_TITLES: Record<number, string> = {
  400: 'Requête invalide.',
  401: 'Authentification requise.',
  403: 'Action refusée.',
  404: 'Introuvable.',
  405: 'Méthode refusée.',
  406: 'Format de réponse non disponible.',
  408: 'Requête incomplète.',
  409: "Conflit avec l'état actuel.",
  410: "Ce lien n'est plus valable.",
  413: 'Contenu trop volumineux.',
  414: 'Adresse trop longue.',
  415: 'Type de contenu refusé.',
  422: 'Données refusées.',
  429: 'Trop de requêtes.',
  431: 'En-têtes trop volumineux.',
  503: 'Service momentanément indisponible.',
};

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
/** The `Content-Type` of every error answer. */
export const PROBLEM_CONTENT_TYPE = `${PROBLEM_MEDIA_TYPE}; charset=utf-8`;

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  fields?: FieldError[];
};

/** The problem details of an error: what problemWriter sends, and what the HTTP parser's refusals write on the socket. */
export function problemBody(
  catalogue: ProblemCatalogue,
  status: number,
  code: string,
  detail: string,
  fields?: FieldError[],
  extensions?: ProblemExtensions,
): ProblemBody {
  return {
    // Extension members first: the standard members and the project's own always win.
    ...extensions,
    type: catalogue.type(code),
    title:
      catalogue.title(code) ?? STATUS_TITLES[status] ?? (status >= 500 ? 'Erreur du service.' : 'Requête refusée.'),
    status,
    detail,
    code,
    ...(fields && fields.length > 0 ? { fields } : {}),
  };
}

export function problemWriter(catalogue: ProblemCatalogue): ProblemWriter {
  return (reply, status, code, detail, fields, extensions) =>
    reply
      .status(status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(problemBody(catalogue, status, code, detail, fields, extensions));
}
