import type { FastifyReply } from 'fastify';
import type { FieldError } from './errors.ts';

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
) => FastifyReply;

const STATUS_TITLES: Record<number, string> = {
  400: 'Requête invalide.',
  401: 'Authentification requise.',
  403: 'Action refusée.',
  404: 'Introuvable.',
  409: "Conflit avec l'état actuel.",
  410: "Ce lien n'est plus valable.",
  413: 'Contenu trop volumineux.',
  415: 'Type de contenu refusé.',
  422: 'Données refusées.',
  429: 'Trop de requêtes.',
  503: 'Service momentanément indisponible.',
};

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

export function problemWriter(catalogue: ProblemCatalogue): ProblemWriter {
  return (reply, status, code, detail, fields) =>
    reply
      .status(status)
      .type(`${PROBLEM_MEDIA_TYPE}; charset=utf-8`)
      .send({
        type: catalogue.type(code),
        title:
          catalogue.title(code) ?? STATUS_TITLES[status] ?? (status >= 500 ? 'Erreur du service.' : 'Requête refusée.'),
        status,
        detail,
        code,
        ...(fields && fields.length > 0 ? { fields } : {}),
      });
}
