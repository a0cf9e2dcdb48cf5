import { API_ERRORS, type ApiErrorCode, problemOf, problemSchema } from '@permis/ants-api';
import { PROBLEM_CONTENT_TYPE, PROBLEM_MEDIA_TYPE } from '@permis/platform';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { type ZodType, z } from 'zod';

/** The sections of the professional API's document, in the order a vendor meets them. */
export const PRO_TAGS = [
  { name: 'Authentification', description: "Jetons porteurs obtenus avec les identifiants Cerfa de l'école." },
  {
    name: 'Demandes',
    description: 'Créer, lire, lister, valider, compléter, supprimer et transférer les demandes en ligne.',
  },
  { name: 'Pièces justificatives', description: 'Les fichiers de chaque pièce du catalogue (11 Mo, pages limitées).' },
  { name: 'ePhoto', description: 'Le code ePhoto de la demande, sa photo et sa signature.' },
  { name: 'Documents', description: 'Les huit documents PDF de la demande, chacun quand il existe.' },
  { name: 'Notifications', description: "Le webhook de l'école : où le service pousse chaque changement." },
  { name: 'Référentiel', description: "Les préfectures de rattachement de l'établissement." },
] as const;
type Tag = (typeof PRO_TAGS)[number]['name'];

type JsonAnswer = { status?: 200 | 201; description: string; schema: ZodType };
type FileAnswer = { status?: 200; description: string; mediaTypes: readonly string[] };

export type Operation = {
  id: string;
  summary: string;
  description?: string;
  tag: Tag;
  answers: readonly (JsonAnswer | FileAnswer)[];
  /** The errors this operation answers besides those every operation may answer. */
  errors: readonly ApiErrorCode[];
  /** Answers without a bearer token (the token route itself). */
  public?: boolean;
  /** Takes a body (JSON or multipart). Any operation may be sent one, too large or of a refused type: 413 and 415 are listed on all. */
  body?: boolean;
  /** Answers 304 Not Modified to a matching If-None-Match. */
  conditional?: boolean;
  /** Takes one file as `multipart/form-data`, field `file` (read by the route, described here). */
  upload?: boolean;
};

/**
 * What every operation may answer: a malformed request, a throttled caller, the service failing;
 * and what the HTTP layer refuses before the operation runs (the platform's error handler and
 * Node's parser): a URL or headers too long, a body too large or of a refused type (a body is read
 * on every method but GET, whether the operation takes one or not), a request too slow.
 */
const EVERY_OPERATION: readonly ApiErrorCode[] = [
  'BAD_REQUEST',
  'VALIDATION',
  'INVALID_CHARACTER',
  'REQUEST_TIMEOUT',
  'PAYLOAD_TOO_LARGE',
  'URI_TOO_LONG',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'HEADERS_TOO_LARGE',
  'INTERNAL',
];

/** What a route promises, read by the contract check (checkContract below): its statuses, and its errors' codes. */
export type RouteContract = { statuses: number[]; codes: string[]; upload?: boolean };

declare module 'fastify' {
  interface FastifyContextConfig {
    contract?: RouteContract;
  }
}

const binary = z.string().meta({ format: 'binary' });

/**
 * The description of one operation of the professional API, merged into its route's schema: the
 * OpenAPI document is generated from it, the answers are serialised through its schemas, and the
 * contract check refuses (in tests) any status or error code it does not list.
 */
export function proOperation<S extends FastifySchema>(op: Operation, schema: S = {} as S) {
  const codes = [...new Set([...EVERY_OPERATION, ...(op.public ? [] : ['TOKEN_INVALID' as const]), ...op.errors])];
  const response: Record<number, unknown> = {};
  for (const answer of op.answers) {
    const content =
      'schema' in answer
        ? { 'application/json': { schema: answer.schema } }
        : Object.fromEntries(answer.mediaTypes.map((type) => [type, { schema: binary }]));
    response[answer.status ?? 200] = { description: answer.description, content };
  }
  if (op.conditional) {
    response[304] = z.null().meta({ description: "Non modifiée depuis l'ETag donné (If-None-Match) : pas de corps." });
  }
  for (const status of [...new Set(codes.map((code) => API_ERRORS[code].status))].sort()) {
    const here = codes.filter((code) => API_ERRORS[code].status === status);
    response[status] = {
      description: here.map((code) => `\`${code}\` : ${API_ERRORS[code].title}`).join('\n\n'),
      content: {
        [PROBLEM_MEDIA_TYPE]: {
          schema: problemSchema,
          examples: Object.fromEntries(here.map((code) => [code, { summary: code, value: problemOf(code) }])),
        },
      },
    };
  }
  return {
    schema: {
      ...schema,
      operationId: op.id,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [op.tag],
      ...(op.public ? { security: [] } : {}),
      response,
    },
    config: {
      access: op.public ? 'public' : 'pro',
      // A bearer token, never the browser's session: no cookie read, no cross-site refusal (403 CROSS_SITE, CSRF).
      noSession: true,
      contract: {
        statuses: Object.keys(response).map(Number),
        codes,
        ...(op.upload ? { upload: true } : {}),
      } satisfies RouteContract,
    },
  };
}

/**
 * The contract check: a documented route answering a status or an error code its description does
 * not list is logged (without the body: it may hold personal data) and, where `strict` (the tests,
 * `npm start`), turned into a 500 so the test that met it fails.
 */
export function checkContract(app: FastifyInstance, strict: boolean) {
  app.addHook('onSend', async (request, reply, payload) => {
    const contract = request.routeOptions.config.contract;
    if (!contract) return payload;
    const status = reply.statusCode;
    let code: string | undefined;
    if (status >= 400 && typeof payload === 'string') {
      // A body that is not JSON has no code: only its status is checked (never a 500 from here).
      try {
        code = (JSON.parse(payload) as { code?: string }).code;
      } catch {
        code = undefined;
      }
    }
    const listed = contract.statuses.includes(status) && (code === undefined || contract.codes.includes(code));
    if (listed) return payload;
    request.log.error({ route: request.routeOptions.url, status, code }, 'réponse hors du contrat publié');
    if (!strict || status === 500) return payload;
    // Strict: the answer becomes the documented 500, in the one error shape (a hook that threw
    // here would leave the status as it was and answer Fastify's own JSON).
    if (payload && typeof (payload as { destroy?: unknown }).destroy === 'function') {
      (payload as { destroy(): void }).destroy();
    }
    reply.removeHeader('content-length').removeHeader('content-disposition').removeHeader('etag');
    reply.code(500).type(PROBLEM_CONTENT_TYPE);
    return JSON.stringify(problemOf('INTERNAL'));
  });
}
