import { type SchoolOperationContract, type SchoolOperationId, schoolOperations } from '@permis/ants-api';
import type { Answer, RouteContract } from '@permis/platform/route';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType, z } from 'zod';
import type { SchoolActor } from '../domain/actor.ts';
import type { AntsServices } from '../services.ts';
import type { Operation } from './operation.ts';

type Parsed<C, K extends string> = C extends { [key in K]: infer S extends ZodType } ? z.output<S> : unknown;

/** The request as the operation's contract leaves it, once Fastify validated it. */
export type OperationRequest<C extends SchoolOperationContract> = FastifyRequest<{
  Params: Parsed<C, 'params'>;
  Querystring: Parsed<C, 'query'>;
  Body: Parsed<C, 'body'>;
}>;

/** A JSON operation answers its contract's answer; a file operation sends the file itself. */
type RunAnswer<C extends SchoolOperationContract> = C extends RouteContract ? Answer<C> : unknown;

/**
 * Its page in the professional API's document: the contract gives its id, inputs and answer's
 * shape; `answer` says in French what that answer is.
 */
export type OperationDoc = Omit<Operation, 'id' | 'answers'> & { answer: string };

/**
 * One thing a school does to its demands, served by both of its doors (the professional API's
 * bearer token, the professional space's session): its contract (in @permis/ants-api, where the
 * pages read it too), its page of the API's document and what it runs. A door (doors.ts) only
 * says who acts and adds its own concerns around it.
 */
export type SchoolOperation<C extends SchoolOperationContract = SchoolOperationContract> = {
  contract: C;
  doc: Operation;
  run(ctx: AntsServices, school: SchoolActor, request: OperationRequest<C>, reply: FastifyReply): Promise<RunAnswer<C>>;
};

/** Declares the operation `id` of the contract: its document's page and what it runs. */
export function schoolOperation<K extends SchoolOperationId>(
  id: K,
  declaration: { doc: OperationDoc; run: SchoolOperation<(typeof schoolOperations)[K]>['run'] },
): SchoolOperation<(typeof schoolOperations)[K]> {
  const contract = schoolOperations[id];
  const { answer, ...doc } = declaration.doc;
  const answers: Operation['answers'] =
    'mediaTypes' in contract
      ? [{ description: answer, mediaTypes: contract.mediaTypes }]
      : [
          {
            ...('status' in contract ? { status: contract.status } : {}),
            description: answer,
            schema: contract.response,
          },
        ];
  return { contract, doc: { id, ...doc, answers }, run: declaration.run };
}

/** What Fastify validates before the operation runs, in its names (`querystring`). */
export function operationInput(contract: SchoolOperationContract) {
  return {
    ...(contract.params ? { params: contract.params } : {}),
    ...('query' in contract && contract.query ? { querystring: contract.query } : {}),
    ...('body' in contract && contract.body ? { body: contract.body } : {}),
  };
}
