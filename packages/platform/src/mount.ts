import type { FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { HttpServer } from './http.ts';
import type { Answer, Parsed, RouteContract } from './route.ts';

/** The request a contract's handler reads: params, query and body already validated against it. */
export type ContractRequest<C extends RouteContract> = Omit<FastifyRequest, 'params' | 'query' | 'body'> & Parsed<C>;

/** What a route adds to its contract on the server: who may call it, and hooks of its door. */
export type MountOptions = Pick<RouteShorthandOptions, 'preHandler' | 'preValidation' | 'onRequest' | 'bodyLimit'> & {
  access: string;
};

/**
 * Mounts a route of a contract: Fastify validates the request with the contract's schemas (French
 * messages, problem details on a refusal) and its answer with the contract's response schema
 * before it leaves (an answer that drifted from the contract is a 500 here, in the tests, never a
 * surprise in a page). The handler's return type is the contract's answer: the compiler checks it;
 * or the reply it answered itself (a problem, a 204), which Fastify still serialises through the
 * contract's answer when it is its status.
 */
export function mount<C extends RouteContract>(
  app: HttpServer,
  contract: C,
  options: MountOptions,
  handler: (request: ContractRequest<C>, reply: FastifyReply) => Promise<Answer<C> | FastifyReply>,
): void {
  const { access, ...hooks } = options;
  const status = contract.status ?? 200;
  app.route({
    ...hooks,
    method: contract.method,
    url: contract.path,
    config: { access },
    schema: {
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.query ? { querystring: contract.query } : {}),
      ...(contract.body ? { body: contract.body } : {}),
      // A handler may answer 200 where the contract says 202 (done at once rather than accepted):
      // that answer is checked against the same schema.
      response: { 200: contract.response, [status]: contract.response },
    },
    handler: async (request, reply) => {
      reply.code(status);
      return handler(request as unknown as ContractRequest<C>, reply);
    },
  });
}
