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

/** Marks the contract an address stands for: a type only, never a value. */
declare const contractOf: unique symbol;

/**
 * A route or link as a page needs it: where to send it (its method, path, and the status of a
 * success), its input and answer typed from the contract it stands for, whose zod schemas the page
 * does not carry (`@permis/ants-api/addresses`, written by scripts/generateAddresses.ts: a page's
 * bundle then holds no zod). The compiler checks each address against its contract.
 */
export type Address<R extends { path: string } = RouteContract> = {
  readonly [K in keyof R as K extends 'method' | 'path' | 'status' ? K : never]: R[K];
} & { readonly [contractOf]?: R };

/** The addresses of the links of a contract (files the browser opens itself), key for key. */
export type LinkAddresses<T extends Record<string, { path: string }>> = { readonly [K in keyof T]: Address<T[K]> };

/** The addresses of a contract's routes, key for key, groups of routes (one per step) as groups. */
export type Addresses<T> = {
  readonly [K in keyof T]: T[K] extends { path: string } ? Address<T[K]> : Addresses<T[K]>;
};

/** The contract a route or address stands for. */
export type ContractOf<R> = R extends RouteContract
  ? R
  : R extends { readonly [contractOf]?: infer C }
    ? C extends { path: string }
      ? C
      : never
    : never;

type Schema<C, K extends keyof RouteContract> = C extends { [key in K]: infer S extends z.ZodType } ? S : undefined;
type InputOf<S> = S extends z.ZodType ? z.input<S> : undefined;
type OutputOf<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What the page sends: path parameters, query and body, each only when the route takes it. */
export type CallInput<R> = {
  [K in 'params' | 'query' | 'body' as Schema<ContractOf<R>, K> extends undefined ? never : K]: InputOf<
    Schema<ContractOf<R>, K>
  >;
};
/** What the handler reads, once validated. */
export type Parsed<C extends RouteContract> = {
  params: OutputOf<Schema<C, 'params'>>;
  query: OutputOf<Schema<C, 'query'>>;
  body: OutputOf<Schema<C, 'body'>>;
};
/** The answer: what the handler returns and what the page receives (JSON, no transforms). */
export type Answer<R> = ContractOf<R> extends { response: infer S extends z.ZodType } ? z.output<S> : never;

/** The path parameters of a link the browser opens itself (a file, a download). */
export type LinkParams<R> = ContractOf<R> extends { params: infer S extends z.ZodType } ? z.input<S> : never;

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
