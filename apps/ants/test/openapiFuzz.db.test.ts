import { captureLogs, rawHttp } from '@permis/platform/testing';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BOOTH } from '../src/seed/demo.ts';
import { draftRequest, PNG, startAntsHttp } from './api.ts';
import { PRO } from './harness.ts';

/**
 * Every operation of the published OpenAPI document, fuzzed from its own schemas: valid values,
 * boundary ones (empty, at the limit and one past it, huge numbers, unicode, NUL, very long text)
 * and hostile ones (wrong types, `__proto__` and `constructor` keys, deep nesting, broken JSON,
 * refused content types, broken uploads), in path parameters, query, headers and bodies, signed in
 * as a real school. Whatever is sent: no 500, no status the document does not list for the
 * operation, a body that validates against the schema documented for that status (an error's code
 * among those listed for it), and no error repeating what was sent.
 *
 * Deterministic: one fast-check seed (FUZZ_SEED to try another), a fixed number of requests per
 * operation (FUZZ_RUNS); each fault is reported with the seed and the request that met it.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const MARKER = 'Zq7fuzz35';

type Schema = { [key: string]: unknown };
type Parameter = { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema: Schema };
type Media = { schema?: Schema; examples?: Record<string, unknown> };
type Operation = {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
};
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

/** What one request is made of, drawn by fast-check and turned into bytes when sent. */
type Draw = {
  path: Record<string, { how: 'fixture' | 'schema' | 'boundary' | 'hostile'; value: unknown; raw?: boolean }>;
  query: { name: string; value: unknown }[];
  headers: Record<string, string>;
  auth: 'valid' | 'none' | 'garbage';
  body: Body;
};
type Body =
  | { kind: 'none' }
  | { kind: 'json'; how: 'valid' | 'field' | 'drop' | 'extra' | 'whole'; path: number; value: unknown }
  | { kind: 'text'; contentType: string; text: string }
  | {
      kind: 'upload';
      how: 'png' | 'bytes' | 'pdf' | 'empty' | 'field' | 'two' | 'broken';
      bytes: Uint8Array;
      name: string;
    };

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
let document: Document;
let token: string;
const logs = captureLogs();
let validate: (pointer: string, body: unknown) => string[];

/** A code issued by the demo photo booth, as a booth gets one. */
async function boothCode(): Promise<string> {
  const boundary = 'cabine';
  const part = (name: string) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      PNG,
      Buffer.from('\r\n'),
    ]);
  const answer = await ants.app.inject({
    method: 'POST',
    url: '/api/booths/v1/codes',
    headers: { 'x-booth-key': DEMO_BOOTH.key, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([part('photo'), part('signature'), Buffer.from(`--${boundary}--\r\n`)]),
  });
  if (answer.statusCode !== 201) throw new Error(`code ePhoto refusé : ${answer.body}`);
  return answer.json().code as string;
}

async function newToken(): Promise<string> {
  const answer = await ants.app.inject({ method: 'POST', url: '/api/pro/v1/token', payload: PRO });
  if (answer.statusCode !== 200) throw new Error(`jeton refusé : ${answer.body}`);
  return answer.json().token as string;
}

beforeAll(async () => {
  ants = await startAntsHttp({ logStream: logs.stream });
  const published = await rawHttp(ants.baseUrl, 'GET /api/pro/v1/openapi.json HTTP/1.1\r\nHost: localhost\r\n\r\n');
  document = JSON.parse(published!.body);
  token = await newToken();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(document, 'openapi.json');
  validate = (pointer, body) => {
    const check = ajv.getSchema(pointer) ?? ajv.compile({ $ref: pointer });
    return check(body) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
});
afterAll(async () => {
  await ants.close();
});

// --- Values, from the document's schemas ---------------------------------------------------------

function resolved(schema: Schema): Schema {
  const ref = schema.$ref as string | undefined;
  if (!ref) return schema;
  return resolved(document.components.schemas[ref.replace('#/components/schemas/', '')] ?? {});
}

const typesOf = (schema: Schema): string[] => [schema.type ?? []].flat() as string[];

/** A value the schema accepts (as far as a generator can tell: patterns and formats included). */
function valid(input: Schema, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolved(input);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const union = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (union) return fc.oneof(...union.map((s) => valid(s, depth)));
  const types = typesOf(schema);
  if (types.includes('null') && types.length > 1) {
    return fc.oneof(fc.constant(null), valid({ ...schema, type: types.filter((t) => t !== 'null')[0] }, depth));
  }
  const min = schema.minLength as number | undefined;
  const max = schema.maxLength as number | undefined;
  switch (types[0]) {
    case 'string': {
      if (schema.format === 'date') {
        return fc
          .date({ min: new Date('1900-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10));
      }
      if (schema.format === 'date-time') {
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString());
      }
      if (schema.format === 'uuid') return fc.uuid();
      if (schema.format === 'email') return fc.emailAddress().filter((e) => e.length <= (max ?? 254));
      if (schema.format === 'uri') return fc.constantFrom('http://127.0.0.1:9/hook', 'https://8.8.8.8/ecole');
      if (typeof schema.pattern === 'string') {
        return fc
          .stringMatching(new RegExp(schema.pattern))
          .filter((s) => s.length >= (min ?? 0) && s.length <= (max ?? Number.POSITIVE_INFINITY));
      }
      return fc.string({ minLength: min ?? 0, maxLength: Math.min(max ?? 40, 60), unit: 'grapheme' });
    }
    case 'integer':
      return fc.integer({
        min: (schema.minimum as number) ?? -1_000_000,
        max: (schema.maximum as number) ?? 1_000_000,
      });
    case 'number':
      return fc.double({
        min: (schema.minimum as number) ?? -1e6,
        max: (schema.maximum as number) ?? 1e6,
        noNaN: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(valid((schema.items as Schema) ?? {}, depth + 1), {
        minLength: (schema.minItems as number) ?? 0,
        maxLength: Math.min((schema.maxItems as number) ?? 3, 4),
      });
    case 'object': {
      if (depth > 4) return fc.constant({});
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      return fc.record(Object.fromEntries(Object.entries(properties).map(([key, s]) => [key, valid(s, depth + 1)])), {
        requiredKeys: ((schema.required as string[]) ?? []).filter((key) => key in properties),
      });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** JSON with keys a naive merge would turn into prototype pollution. */
const PROTO_KEYS = [
  JSON.parse(`{"__proto__": {"polluted": "${MARKER}"}}`),
  JSON.parse(`{"constructor": {"prototype": {"polluted": "${MARKER}"}}}`),
  JSON.parse('{"__proto__": null}'),
];

function nested(depth: number): unknown {
  let value: unknown = MARKER;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Values of any type no schema wants, or wants nowhere near this shape. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    1e308,
    -1e308,
    2 ** 53 + 1,
    '',
    [],
    {},
    [[[]]],
    MARKER,
    `${MARKER}\u0000`,
    ...PROTO_KEYS,
    nested(200),
    nested(2000),
    Array(5000).fill(MARKER),
  ),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 30 }).map((s) => `${MARKER}${s}`),
);

/** Values at and past the schema's edges. */
function boundary(input: Schema): fc.Arbitrary<unknown> {
  const schema = resolved(input);
  const types = typesOf(schema);
  const max = (schema.maxLength as number | undefined) ?? 200;
  const min = (schema.minLength as number | undefined) ?? 0;
  if (types.includes('string') || schema.enum) {
    return fc.constantFrom<unknown>(
      '',
      ' ',
      'a'.repeat(max),
      'a'.repeat(max + 1),
      ...(min > 0 ? ['a'.repeat(min - 1)] : []),
      'é'.repeat(max),
      '🚗'.repeat(max),
      'e\u0301'.repeat(Math.ceil(max / 2)),
      '\u202e\u200b\ufeff',
      '\ud800',
      `${MARKER}\u0000`,
      '\u0000',
      'x'.repeat(100_000),
      `${MARKER}<script>alert(1)</script>`,
      `${MARKER}'; drop table applications; --`,
      '../../etc/passwd',
      '%ZZ',
      '0',
      '-1',
      '1e999',
      'true',
      'null',
      '2026-02-30',
      '0000-00-00',
      '99999-12-31',
      `${MARKER}@example.fr`,
    );
  }
  if (types.includes('integer') || types.includes('number')) {
    const low = (schema.minimum as number | undefined) ?? 0;
    const high = (schema.maximum as number | undefined) ?? 1000;
    return fc.constantFrom<unknown>(
      low - 1,
      high + 1,
      low,
      high,
      0,
      -0,
      -1,
      1.5,
      2 ** 53 + 1,
      1e308,
      -1e308,
      '1',
      '1e3',
    );
  }
  if (types.includes('array')) {
    const items = (schema.maxItems as number | undefined) ?? 100;
    return fc.constantFrom<unknown>([], Array(items + 1).fill('B'), Array(10_000).fill(0), [null]);
  }
  if (types.includes('object')) return fc.constantFrom<unknown>({}, { [MARKER]: 1 }, ...PROTO_KEYS);
  return hostile;
}

const anyValue = (schema: Schema) =>
  fc.oneof(
    { weight: 3, arbitrary: valid(schema) },
    { weight: 3, arbitrary: boundary(schema) },
    { weight: 2, arbitrary: hostile },
  );

/** The schema of the value at `path` inside a value of `schema` ({} where the document says nothing). */
function schemaAt(schema: Schema, path: string[]): Schema {
  let at = resolved(schema);
  for (const key of path) {
    const union = (at.anyOf ?? at.oneOf) as Schema[] | undefined;
    if (union) at = resolved(union.find((s) => key in ((resolved(s).properties as object) ?? {})) ?? union[0] ?? {});
    if (typesOf(at).includes('array')) at = resolved((at.items as Schema) ?? {});
    else {
      const properties = (at.properties ?? {}) as Record<string, Schema>;
      const extra = typeof at.additionalProperties === 'object' ? (at.additionalProperties as Schema) : {};
      at = resolved(properties[key] ?? extra);
    }
  }
  return at;
}

// --- Requests --------------------------------------------------------------------------------------

/** Real values to start from: the operation's own application, a file of it, its ETag, a sync cursor. */
type Fixture = {
  number?: string;
  fileId?: string;
  etag?: string;
  /** An ePhoto code a booth issued, not yet used. */
  ephotoCode?: string;
  /** Another school's application, and what a transfer to this school must say of it. */
  transfer?: { number: string; holderAgrementNumber: string; candidate: Record<string, string> };
  query: Record<string, string>;
};

/** A valid body for each operation that takes one (what `valid` cannot guess: a real town, a free email). */
function template(op: Operation, fixture: Fixture): unknown {
  switch (op.operationId) {
    case 'createApplication':
    case 'updateApplication':
      return draftRequest();
    case 'transferApplication':
      return fixture.transfer ?? {};
    case 'registerWebhook':
      return { url: 'http://127.0.0.1:9/hook' };
    case 'setEphoto':
      return { code: fixture.ephotoCode ?? 'ABCDEFGHJKLMNPQRSTUVWX' };
    case 'createToken':
      return { ...PRO };
    default: {
      const schema = op.requestBody?.content['application/json']?.schema;
      return schema ? fc.sample(valid(schema), { seed: SEED, numRuns: 1 })[0] : {};
    }
  }
}

/** Every path to a value inside a body, its root included. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  const paths = [prefix];
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) paths.push(...pathsOf(inner, [...prefix, key]));
  }
  return paths;
}

function bodyText(op: Operation, fixture: Fixture, body: Extract<Body, { kind: 'json' }>): string {
  const base = structuredClone(template(op, fixture)) as Record<string, unknown>;
  if (body.how === 'valid') return JSON.stringify(base);
  if (body.how === 'whole') return JSON.stringify(body.value) ?? 'null';
  const paths = pathsOf(base);
  const path = paths[body.path % paths.length]!;
  if (path.length === 0)
    return JSON.stringify(body.how === 'extra' ? { ...base, ...(body.value as object) } : body.value) ?? 'null';
  const parent = path
    .slice(0, -1)
    .reduce<Record<string, unknown>>((at, key) => at[key] as Record<string, unknown>, base);
  const key = path.at(-1)!;
  if (body.how === 'drop') delete parent[key];
  else if (body.how === 'extra' && parent[key] && typeof parent[key] === 'object') {
    Object.assign(
      parent[key] as object,
      body.value && typeof body.value === 'object' ? body.value : { [MARKER]: body.value },
    );
  } else parent[key] = body.value;
  return JSON.stringify(base);
}

const BROKEN_TEXTS: { contentType: string; text: string }[] = [
  { contentType: 'application/json', text: `{"${MARKER}": ` },
  { contentType: 'application/json', text: '' },
  { contentType: 'application/json', text: '\ufeff{}' },
  { contentType: 'application/json', text: `{"a": 1, "a": "${MARKER}"}` },
  { contentType: 'application/json', text: `${'['.repeat(100_000)}${']'.repeat(100_000)}` },
  { contentType: 'application/json', text: `"${MARKER}${'x'.repeat(1024 * 1024)}"` },
  { contentType: 'application/json', text: 'NaN' },
  { contentType: 'application/json; charset=utf-16', text: '{}' },
  { contentType: 'application/json; charset=latin1', text: '{"a":"\u00e9"}' },
  { contentType: 'text/plain', text: MARKER },
  { contentType: 'application/x-www-form-urlencoded', text: `${MARKER}=1&__proto__[polluted]=1` },
  { contentType: 'application/xml', text: `<a>${MARKER}</a>` },
  { contentType: 'multipart/form-data', text: MARKER },
  { contentType: `;;${MARKER}`, text: '{}' },
];

/**
 * A request as a well-behaved client sends it: the operation's own fixtures, valid query values, no
 * stray header, the valid body (a quarter of the requests, so that success answers are checked too).
 */
function cleanArbitrary(op: Operation, fixture: Fixture): fc.Arbitrary<Draw> {
  const params = op.parameters ?? [];
  const path = Object.fromEntries(
    params
      .filter((p) => p.in === 'path')
      .map((p) => {
        const value =
          p.name === 'number'
            ? fixture.number
            : p.name === 'fileId'
              ? fixture.fileId
              : (resolved(p.schema).enum as unknown[])?.[0];
        return [p.name, { how: 'fixture' as const, value }];
      }),
  );
  const queryParams = params.filter((p) => p.in === 'query');
  const query = fc
    .tuple(
      ...queryParams.map((p) =>
        fc.oneof(
          { weight: p.required ? 0 : 3, arbitrary: fc.constant(undefined) },
          {
            weight: 2,
            arbitrary: fixture.query[p.name] ? fc.constant<unknown>(fixture.query[p.name]) : valid(p.schema),
          },
        ),
      ),
    )
    .map((drawn) =>
      queryParams.map((p, i) => ({ name: p.name, value: drawn[i] })).filter((q) => q.value !== undefined),
    );
  const headers = fc
    .tuple(...params.filter((p) => p.in === 'header').map((p) => fc.uuid().map((value) => [p.name, value] as const)))
    .map((pairs) => Object.fromEntries(pairs));
  const content = op.requestBody?.content ?? {};
  const body: Body = content['multipart/form-data']
    ? { kind: 'upload', how: 'png', bytes: new Uint8Array(), name: 'scan.png' }
    : content['application/json']
      ? { kind: 'json', how: 'valid', path: 0, value: null }
      : { kind: 'none' };
  return fc.record({
    path: fc.constant(path),
    query,
    headers,
    auth: fc.constant(op.operationId === 'createToken' ? ('none' as const) : ('valid' as const)),
    body: fc.constant(body),
  });
}

function drawArbitrary(op: Operation, fixture: Fixture): fc.Arbitrary<Draw> {
  return fc.oneof(
    { weight: 1, arbitrary: cleanArbitrary(op, fixture) },
    { weight: 3, arbitrary: hostileArbitrary(op, fixture) },
  );
}

/** A request with at least a chance of something wrong in each part: path, query, headers, token, body. */
function hostileArbitrary(op: Operation, fixture: Fixture): fc.Arbitrary<Draw> {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const fixtureOf = (name: string, schema: Schema): unknown =>
    name === 'number' ? fixture.number : name === 'fileId' ? fixture.fileId : (resolved(schema).enum as unknown[])?.[0];
  const path = fc.record(
    Object.fromEntries(
      pathParams.map((p) => [
        p.name,
        fc.oneof(
          { weight: 6, arbitrary: fc.constant({ how: 'fixture' as const, value: fixtureOf(p.name, p.schema) }) },
          { weight: 2, arbitrary: valid(p.schema).map((value) => ({ how: 'schema' as const, value })) },
          { weight: 2, arbitrary: boundary(p.schema).map((value) => ({ how: 'boundary' as const, value })) },
          {
            weight: 1,
            arbitrary: fc
              .constantFrom(
                '%ZZ',
                '..',
                '%2e%2e',
                '%2F',
                '%00',
                `${MARKER}%`,
                `a${'9'.repeat(150)}`,
                '%F0%9F%9A%97',
                '~',
              )
              .map((value) => ({ how: 'hostile' as const, value, raw: true })),
          },
        ),
      ]),
    ),
  );
  const queryParams = params.filter((p) => p.in === 'query');
  const query = fc
    .tuple(
      ...queryParams.map((p) =>
        fc.oneof(
          { weight: p.required ? 1 : 4, arbitrary: fc.constant(undefined) },
          { weight: 4, arbitrary: anyValue(p.schema) },
          ...(fixture.query[p.name] ? [{ weight: 2, arbitrary: fc.constant<unknown>(fixture.query[p.name]) }] : []),
        ),
      ),
      fc.subarray([
        { name: '__proto__[polluted]', value: MARKER },
        { name: 'constructor[prototype][polluted]', value: MARKER },
        { name: MARKER, value: MARKER },
        ...queryParams.map((p) => ({ name: p.name, value: 'second' })),
      ]),
    )
    .map((drawn) => {
      const extra = drawn.at(-1) as { name: string; value: unknown }[];
      const named = queryParams.map((p, i) => ({ name: p.name, value: drawn[i] })).filter((q) => q.value !== undefined);
      return [...named, ...extra];
    });
  const headerParams = params.filter((p) => p.in === 'header');
  const headers = fc
    .tuple(
      ...headerParams.map((p) =>
        fc.oneof(
          { weight: 6, arbitrary: fc.uuid() },
          { weight: 1, arbitrary: fc.constant(undefined) },
          { weight: 2, arbitrary: boundary(p.schema) },
        ),
      ),
      fc.subarray([
        ['accept', 'application/xml'],
        ['accept', 'text/html'],
        ['if-none-match', fixture.etag ?? '"x"'],
        ['if-none-match', `"${MARKER}"`],
        ['if-none-match', '*'],
        ['range', 'bytes=0-1'],
        ['range', `bytes=${MARKER}`],
        ['content-encoding', 'gzip'],
        ['x-forwarded-for', `${MARKER}, 1.2.3.4`],
        ['accept-language', `${MARKER};q=2`],
        ['origin', `https://${MARKER}.example`],
      ] as [string, string][]),
    )
    .map((drawn) => {
      const result: Record<string, string> = {};
      headerParams.forEach((p, i) => {
        const value = drawn[i];
        if (value !== undefined) result[p.name] = typeof value === 'string' ? value : JSON.stringify(value);
      });
      for (const [name, value] of drawn.at(-1) as [string, string][]) result[name] = value;
      return result;
    });
  const auth =
    op.operationId === 'createToken'
      ? fc.constant('none' as const)
      : fc.oneof(
          { weight: 12, arbitrary: fc.constant('valid' as const) },
          { weight: 1, arbitrary: fc.constantFrom('none' as const, 'garbage' as const) },
        );
  return fc.record({ path, query, headers, auth, body: bodyArbitrary(op, fixture) });
}

function bodyArbitrary(op: Operation, fixture: Fixture): fc.Arbitrary<Body> {
  const content = op.requestBody?.content ?? {};
  const text = fc.constantFrom(...BROKEN_TEXTS).map((b) => ({ kind: 'text' as const, ...b }));
  if (content['multipart/form-data']) {
    return fc.oneof(
      {
        weight: 8,
        arbitrary: fc
          .record({
            how: fc.constantFrom('png', 'bytes', 'pdf', 'empty', 'field', 'two', 'broken'),
            bytes: fc.uint8Array({ maxLength: 2000 }),
            name: fc.oneof(
              fc.constantFrom('scan.png', `${MARKER}\u0000.pdf`, '../../etc/passwd', 'é'.repeat(300), '', 'a"b.pdf'),
              fc.string({ maxLength: 40, unit: 'grapheme' }),
            ),
          })
          .map((upload) => ({ kind: 'upload' as const, ...upload })),
      },
      { weight: 2, arbitrary: text },
    );
  }
  const schema = content['application/json']?.schema;
  if (schema) {
    // One field of a valid body replaced by a value drawn from that field's own schema (valid,
    // boundary, hostile), removed, or given keys it does not expect.
    const paths = pathsOf(template(op, fixture));
    const field = fc.nat(paths.length - 1).chain((index) =>
      fc.record({
        kind: fc.constant('json' as const),
        how: fc.constant('field' as const),
        path: fc.constant(index),
        value: anyValue(schemaAt(schema, paths[index]!)),
      }),
    );
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant({ kind: 'json' as const, how: 'valid' as const, path: 0, value: null }) },
      { weight: 6, arbitrary: field },
      {
        weight: 3,
        arbitrary: fc.record({
          kind: fc.constant('json' as const),
          how: fc.constantFrom('drop' as const, 'extra' as const),
          path: fc.nat(),
          value: hostile,
        }),
      },
      {
        weight: 2,
        arbitrary: hostile.map((value) => ({ kind: 'json' as const, how: 'whole' as const, path: 0, value })),
      },
      { weight: 3, arbitrary: text },
    );
  }
  // No body documented: mostly none, sometimes one all the same (it may be too large or of a refused type).
  return fc.oneof({ weight: 6, arbitrary: fc.constant({ kind: 'none' as const }) }, { weight: 2, arbitrary: text });
}

function encode(value: unknown, raw = false): string {
  if (raw) return String(value);
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
  // A lone surrogate has no UTF-8: sent as the bytes a careless encoder would write (invalid UTF-8).
  return [...text].map((char) => (/[\ud800-\udfff]/.test(char) ? '%ED%A0%80' : encodeURIComponent(char))).join('');
}

function multipart(body: Extract<Body, { kind: 'upload' }>): { contentType: string; bytes: Buffer } {
  const boundary = `fuzz${MARKER}`;
  const part = (field: string, name: string, bytes: Uint8Array) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name.replace(/["\r\n]/g, '')}"\r\n\r\n`,
      ),
      Buffer.from(bytes),
      Buffer.from('\r\n'),
    ]);
  const end = Buffer.from(`--${boundary}--\r\n`);
  const file = {
    png: PNG,
    bytes: body.bytes,
    pdf: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(body.bytes)]),
    empty: Buffer.alloc(0),
    field: body.bytes,
    two: PNG,
    broken: body.bytes,
  }[body.how];
  const contentType = `multipart/form-data; boundary=${boundary}`;
  if (body.how === 'field') return { contentType, bytes: Buffer.concat([part(MARKER, body.name, file), end]) };
  if (body.how === 'two') {
    return { contentType, bytes: Buffer.concat([part('file', body.name, file), part('file', body.name, file), end]) };
  }
  if (body.how === 'broken') return { contentType, bytes: part('file', body.name, file) };
  return { contentType, bytes: Buffer.concat([part('file', body.name, file), end]) };
}

/** The request's bytes, and a short description of it for a report. */
function requestOf(method: string, template: string, op: Operation, fixture: Fixture, draw: Draw, bearer: string) {
  let url = template;
  for (const [name, { value, raw }] of Object.entries(draw.path)) url = url.replace(`{${name}}`, encode(value, raw));
  const query = draw.query.map(({ name, value }) => `${encodeURIComponent(name)}=${encode(value)}`).join('&');
  if (query) url += `?${query}`;
  const headers: Record<string, string> = { host: 'localhost', ...draw.headers };
  if (draw.auth === 'valid') headers.authorization = `Bearer ${bearer}`;
  if (draw.auth === 'garbage') headers.authorization = `Bearer ${MARKER}`;
  let payload: Buffer = Buffer.alloc(0);
  const body = draw.body;
  if (body.kind === 'json') {
    payload = Buffer.from(bodyText(op, fixture, body));
    headers['content-type'] = 'application/json';
  } else if (body.kind === 'text') {
    payload = Buffer.from(body.text, body.contentType.includes('latin1') ? 'latin1' : 'utf8');
    headers['content-type'] = body.contentType;
  } else if (body.kind === 'upload') {
    const { contentType, bytes } = multipart(body);
    payload = bytes;
    headers['content-type'] = contentType;
  }
  if (body.kind !== 'none') headers['content-length'] = String(payload.length);
  const head = [`${method.toUpperCase()} ${url} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  const bytes = Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), payload]);
  const summary = `${method.toUpperCase()} ${url.slice(0, 160)}${url.length > 160 ? '…' : ''} [${Object.keys(draw.headers).join(',')}] ${
    body.kind === 'json'
      ? `json:${body.how}:${payload.toString('utf8').slice(0, 120)}`
      : body.kind === 'text'
        ? `text:${body.contentType}:${body.text.slice(0, 40)}`
        : body.kind === 'upload'
          ? `upload:${body.how}`
          : ''
  }`;
  return { bytes, summary };
}

const pointerPart = (part: string) => part.replaceAll('~', '~0').replaceAll('/', '~1');

/** What is wrong with one answer, against the document. */
function faultsOf(path: string, method: string, op: Operation, answer: Awaited<ReturnType<typeof rawHttp>>): string[] {
  if (!answer) return ['pas de réponse'];
  const { status } = answer;
  const documented = op.responses[String(status)];
  if (status >= 500 && !(status === 503 && documented)) return [`${status} ${answer.body.slice(0, 200)}`];
  if (!documented) return [`statut ${status} absent du document (${answer.body.slice(0, 120)})`];
  const mediaType = (answer.headers['content-type'] ?? '').split(';')[0]!.trim();
  if (!documented.content) return answer.body === '' ? [] : [`${status} : un corps, le document n'en prévoit pas`];
  const media = documented.content[mediaType];
  if (!media) return [`${status} en ${mediaType || 'sans type'}, absent du document`];
  if (!/json/.test(mediaType)) return [];
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return [`${status} : JSON illisible`];
  }
  const pointer = `openapi.json#/paths/${pointerPart(path)}/${method}/responses/${status}/content/${pointerPart(mediaType)}/schema`;
  const faults = validate(pointer, body).map((fault) => `${status} hors schéma : ${fault}`);
  if (status >= 400) {
    const code = (body as { code?: string }).code ?? '';
    if (!Object.keys(media.examples ?? {}).includes(code))
      faults.push(`${status} ${code} : code non listé pour ce statut`);
    if (answer.body.toLowerCase().includes(MARKER.toLowerCase())) faults.push(`${status} ${code} : répète la requête`);
  }
  return faults;
}

describe('the professional API fuzzed from its OpenAPI document', () => {
  it('answers every operation, whatever it is sent, only as the document says', async () => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ path, method, op })),
    );
    // The operations that end the session or lock the sign-in come last.
    const order = (id: string) => ({ revokeTokens: 1, createToken: 2 })[id] ?? 0;
    operations.sort((a, b) => order(a.op.operationId) - order(b.op.operationId));

    // A real sync cursor (each operation's draft adds to the list: the cursor points somewhere in it).
    await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    const { endCursor: cursor } = await ants.brequigny.listApplications({ limit: 1 });
    const faults = new Map<string, { count: number; example: string }>();
    const statuses = new Map<number, number>();
    const perOperation: Record<string, Record<number, number>> = {};
    let sent = 0;
    for (const [index, { path, method, op }] of operations.entries()) {
      // Each operation on an application of its own (a draft, one pièce file), so one deleting it leaves the others theirs.
      const fixture: Fixture = { query: cursor ? { cursor } : {} };
      if (path.includes('{number}')) {
        fixture.number = (await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID())).number;
        const read = await ants.app.inject({
          method: 'GET',
          url: `/api/pro/v1/applications/${fixture.number}`,
          headers: { authorization: `Bearer ${token}` },
        });
        fixture.etag = String(read.headers.etag ?? '"x"');
        if (path.includes('{fileId}')) {
          fixture.fileId = (
            await ants.brequigny.uploadPiece(fixture.number, 'identity', { name: 'cni.png', bytes: PNG })
          ).id;
        }
        if (path.includes('/ephoto')) {
          fixture.ephotoCode = await boothCode();
          // Reading or removing it needs one attached; setting it, a code still free.
          if (op.operationId !== 'setEphoto') await ants.brequigny.setEphoto(fixture.number, fixture.ephotoCode);
        }
      }
      if (op.operationId === 'transferApplication') {
        const request = draftRequest();
        const held = await ants.saintPriest.createApplication(request, crypto.randomUUID());
        const { birthName, firstName, birthDate } = request.candidate;
        fixture.transfer = {
          number: held.number,
          holderAgrementNumber: 'E1706900030',
          candidate: { birthName, firstName, birthDate },
        };
      }
      const draws = fc.sample(drawArbitrary(op, fixture), { seed: SEED + index, numRuns: RUNS });
      for (const draw of draws) {
        // Revoking tokens (all of them, with all=true) must not end the session of the rest of the run.
        const bearer = op.operationId === 'revokeTokens' ? await newToken() : token;
        const request = requestOf(method, path, op, fixture, draw, bearer);
        const answer = await rawHttp(ants.baseUrl, request.bytes);
        sent++;
        if (answer) {
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          const mine = perOperation[op.operationId] ?? {};
          mine[answer.status] = (mine[answer.status] ?? 0) + 1;
          perOperation[op.operationId] = mine;
        }
        for (const fault of faultsOf(path, method, op, answer)) {
          const key = `${op.operationId} : ${fault.replace(/\(.*\)$/, '')}`;
          const seen = faults.get(key);
          if (seen) seen.count++;
          else faults.set(key, { count: 1, example: `${request.summary} → ${fault}` });
        }
      }
      if (op.operationId === 'revokeTokens') token = await newToken();
    }
    const figures = {
      seed: SEED,
      operations: operations.length,
      requests: sent,
      statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
    };
    console.info('OpenAPI fuzz', JSON.stringify(figures));
    console.info('OpenAPI fuzz, statuses per operation', JSON.stringify(perOperation));
    const report = [...faults].map(([key, { count, example }]) => `${key} ×${count} — ${example}`);
    const internal = logs.lines
      .map(
        (line) =>
          JSON.parse(line) as {
            msg?: string;
            route?: string;
            status?: number;
            code?: string;
            error?: { type?: string; stack?: string };
          },
      )
      .filter((line) => line.msg === 'erreur interne' || line.msg === 'réponse hors du contrat publié')
      .map(
        (line) =>
          `${line.msg} ${line.route ?? ''} ${line.status ?? ''} ${line.code ?? ''} ${line.error?.type ?? ''} ${line.error?.stack?.split('\n')[0]?.trim() ?? ''}`,
      );
    expect({ seed: SEED, faults: report, logged: [...new Set(internal)] }).toEqual({
      seed: SEED,
      faults: [],
      logged: [],
    });
    // No request polluted the server's prototypes (this process runs it).
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(operations.length).toBeGreaterThanOrEqual(25);
  });

  // A cursor that decoded to a date PostgreSQL cannot hold, or to 36 characters that are not a UUID,
  // reached the query and answered 500 (applications/list.ts, decodeCursor).
  it('answers a forged sync cursor 400 VALIDATION, never 500', async () => {
    const forged = (text: string) => Buffer.from(text).toString('base64url');
    const uuid = '00000000-0000-4000-8000-000000000000';
    const answers: [string, number, string][] = [];
    for (const text of [
      `2026-01-01T00:00:00.000Z|${'f'.repeat(36)}`,
      `2026-01-01T00:00:00.000Z|${'-'.repeat(36)}`,
      `-271821-04-20T00:00:00.000Z|${uuid}`,
      `+275760-09-13T00:00:00.000Z|${uuid}`,
    ]) {
      const answer = await ants.app.inject({
        method: 'GET',
        url: `/api/pro/v1/applications?cursor=${forged(text)}`,
        headers: { authorization: `Bearer ${token}` },
      });
      answers.push([text, answer.statusCode, answer.json().code]);
    }
    expect(answers).toEqual(answers.map(([text]) => [text, 400, 'VALIDATION']));
  });
});
