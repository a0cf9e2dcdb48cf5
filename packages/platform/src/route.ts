import type { z } from 'zod';

/**
 * A route of a web space's contract: its method, path, what it takes and what it answers, as zod
 * schemas. The server mounts it (`mount`, which validates the request and the answer against it)
 * and the page calls it (`call` in @permis/web-client): both take their types from this one
 * declaration, so a field added to an answer is seen by the compiler on both sides.
 *
 * Browser-safe: this file imports only zod's types.
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RouteContract = {
  method: Method;
  /** Fastify's syntax: `/api/candidate/messages/:id/read`. */
  path: string;
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The answer on success (`status`, 200 unless said): answers are plain JSON, no transforms. */
  response: z.ZodType;
  status?: 200 | 201 | 202 | 204;
};

/** Declares a route, keeping its literal types (the method, the path, each schema). */
export const route = <const C extends RouteContract>(contract: C): C => contract;

type Schema<C, K extends keyof RouteContract> = C extends { [key in K]: infer S extends z.ZodType } ? S : undefined;
type InputOf<S> = S extends z.ZodType ? z.input<S> : undefined;
type OutputOf<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What the page sends: path parameters, query and body, each only when the route takes it. */
export type CallInput<C extends RouteContract> = {
  [K in 'params' | 'query' | 'body' as Schema<C, K> extends undefined ? never : K]: InputOf<Schema<C, K>>;
};
/** What the handler reads, once validated. */
export type Parsed<C extends RouteContract> = {
  params: OutputOf<Schema<C, 'params'>>;
  query: OutputOf<Schema<C, 'query'>>;
  body: OutputOf<Schema<C, 'body'>>;
};
/** The answer: what the handler returns and what the page receives (JSON, no transforms). */
export type Answer<C extends RouteContract> = z.output<C['response']>;

/** The address of a route, its parameters encoded in place of `:name`. */
export function pathOf(path: string, params: Record<string, string | number> | undefined): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`Paramètre manquant : ${name}`);
    return encodeURIComponent(String(value));
  });
}

/** A query object as a search string (`?a=1&b=2`, empty values and undefined left out). */
export function searchOf(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
