import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType, z } from 'zod';
import type { SchoolActor } from '../domain/actor.ts';
import type { AntsServices } from '../services.ts';
import type { Operation } from './operation.ts';

/** What an operation reads from the request, validated by Fastify before it runs. */
export type OperationInput = { params?: ZodType; querystring?: ZodType; body?: ZodType };

type Parsed<T> = T extends ZodType ? z.output<T> : unknown;

/** The request as the operation's input schemas leave it. */
export type OperationRequest<I extends OperationInput> = FastifyRequest<{
  Params: Parsed<I['params']>;
  Querystring: Parsed<I['querystring']>;
  Body: Parsed<I['body']>;
}>;

/**
 * One thing a school does to its demands, declared once for both of its doors (the professional
 * API's bearer token, the professional space's session): where it is, what it reads, what it does
 * and answers. A door (doors.ts) only says who acts and adds its own concerns around it.
 */
export type SchoolOperation<I extends OperationInput = OperationInput> = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** After the door's prefix (`/api/pro/v1`, `/api/pro/web`). */
  path: `/${string}`;
  /** Its page in the professional API's OpenAPI document. */
  doc: Operation;
  input: I;
  run(ctx: AntsServices, school: SchoolActor, request: OperationRequest<I>, reply: FastifyReply): Promise<unknown>;
};

/** Declares an operation (the identity function: it infers the request's types from `input`). */
export function schoolOperation<I extends OperationInput>(operation: SchoolOperation<I>): SchoolOperation<I> {
  return operation;
}
