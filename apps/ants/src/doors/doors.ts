import { createHash } from 'node:crypto';
import { PRO_SPACE_PREFIX } from '@permis/ants-api';
import type { HttpServer } from '@permis/platform';
import type { FastifyContextConfig, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { requirePro } from '../auth/context.ts';
import { requireProCaller } from '../auth/proToken.ts';
import type { SchoolActor } from '../domain/actor.ts';
import type { AntsServices } from '../services.ts';
import { proOperation } from './operation.ts';
import { operationInput, type SchoolOperation } from './schoolOperation.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The shared operation (its id) a door mounted here: both doors' routes of it name the same one. */
    schoolOperation?: string;
  }
}

/**
 * A way in for a school: resolves who acts (one `SchoolActor`, whatever the credentials) and adds
 * the door's own concerns around the operation, which stays the same behind both.
 */
type SchoolDoor = {
  prefix: '/api/pro/v1' | typeof PRO_SPACE_PREFIX;
  actor(request: FastifyRequest): Promise<SchoolActor>;
  options(operation: SchoolOperation): { schema: FastifySchema; config: FastifyContextConfig };
  answer(operation: SchoolOperation, request: FastifyRequest, reply: FastifyReply, body: unknown): unknown;
};

/**
 * The professional API: a bearer token. Its documented contract (OpenAPI, answers serialised through
 * their schemas, checked statuses and codes) also brings the rate limit (rateLimit.ts) and leaves
 * the session's cookie and CSRF aside; a conditional read answers 304 to a matching If-None-Match.
 */
export function apiDoor(ctx: AntsServices): SchoolDoor {
  return {
    prefix: '/api/pro/v1',
    actor: (request) => requireProCaller(ctx.db, request),
    options: (operation) => proOperation(operation.doc, operationInput(operation.contract)),
    answer: (operation, request, reply, body) =>
      operation.doc.conditional ? conditionalAnswer(request, reply, body) : body,
  };
}

/**
 * The professional space: the signed-in user's session (its CSRF token on every change). Its
 * answers are checked against the contract the pages read (an answer off it is a 500).
 */
export function sessionDoor(ctx: AntsServices): SchoolDoor {
  return {
    prefix: PRO_SPACE_PREFIX,
    actor: (request) => requirePro(ctx, request),
    options: ({ contract }) => ({
      schema: {
        ...operationInput(contract),
        ...('response' in contract ? { response: { [contract.status ?? 200]: contract.response } } : {}),
      },
      config: { access: 'proSession' },
    }),
    answer: (_operation, _request, _reply, body) => body,
  };
}

/** Mounts each operation behind the door, at the door's prefix. */
export function mountSchoolOperations(
  app: HttpServer,
  ctx: AntsServices,
  door: SchoolDoor,
  operations: readonly SchoolOperation[],
) {
  for (const operation of operations) {
    const { schema, config } = door.options(operation);
    const { contract } = operation;
    app.route({
      method: contract.method,
      url: `${door.prefix}${contract.path}`,
      schema,
      config: { ...config, schoolOperation: operation.doc.id },
      handler: async (request, reply) => {
        const school = await door.actor(request);
        if ('status' in contract && contract.status) reply.code(contract.status);
        const body = await operation.run(ctx, school, request as never, reply);
        return door.answer(operation, request, reply, body);
      },
    });
  }
}

// For software that polls one demand: the ETag is the answer's hash, so it changes exactly when
// what the school would read changes; If-None-Match → 304, no body.
function conditionalAnswer(request: FastifyRequest, reply: FastifyReply, body: unknown) {
  const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag);
  const asked = request.headers['if-none-match'];
  if (typeof asked === 'string' && asked.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    return reply.status(304).send();
  }
  return body;
}
