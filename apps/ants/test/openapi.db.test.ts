import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { API_ERRORS } from '@permis/ants-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAnts } from './harness.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

type Operation = {
  operationId?: string;
  summary?: string;
  tags?: string[];
  responses: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
};

let ants: Awaited<ReturnType<typeof startAnts>>;
let spec: {
  openapi: string;
  servers?: { url: string }[];
  tags: { name: string }[];
  paths: Record<string, Record<string, Operation>>;
  webhooks: Record<string, unknown>;
  components: { schemas: Record<string, unknown> };
};
beforeAll(async () => {
  ants = await startAnts();
  spec = (await ants.app.inject({ method: 'GET', url: '/api/pro/v1/openapi.json' })).json();
});
afterAll(async () => {
  await ants.close();
});

const operations = () =>
  Object.entries(spec.paths).flatMap(([url, item]) =>
    Object.entries(item).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${url}`, operation })),
  );

describe('OpenAPI description of the professional API', () => {
  it('describes every professional route, and only them, with its page', async () => {
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.servers?.[0]?.url).toBe('http://localhost:3100');
    const documented = operations().map((o) => o.route);
    const registered = ants.app.routeList
      .filter((r) => r.url.startsWith('/api/pro/v1/') && r.url !== '/api/pro/v1/openapi.json')
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(documented.sort()).toEqual([...new Set(registered)].sort());
    const page = await ants.app.inject({ method: 'GET', url: '/api/pro/docs/' });
    expect([page.statusCode, page.body.includes('swagger')]).toEqual([200, true]);
  });

  it('gives every operation an id, a summary, a known tag, and a schema for every status it answers', () => {
    const tags = new Set(spec.tags.map((t) => t.name));
    const ids = new Set<string>();
    const gaps: string[] = [];
    for (const { route, operation } of operations()) {
      if (!operation.operationId) gaps.push(`${route}: operationId`);
      else if (ids.has(operation.operationId)) gaps.push(`${route}: operationId en double`);
      else ids.add(operation.operationId);
      if (!operation.summary) gaps.push(`${route}: summary`);
      if (!operation.tags?.length || !operation.tags.every((t) => tags.has(t))) gaps.push(`${route}: tag`);
      if (!Object.keys(operation.responses).some((s) => s.startsWith('2'))) gaps.push(`${route}: succès`);
      for (const [status, answer] of Object.entries(operation.responses)) {
        if (!answer.description) gaps.push(`${route} ${status}: description`);
        if (status === '304') continue;
        const media = Object.values(answer.content ?? {});
        if (media.length === 0 || !media.every((m) => m.schema)) gaps.push(`${route} ${status}: schéma`);
        if (Number(status) >= 400 && !answer.content?.['application/problem+json']) {
          gaps.push(`${route} ${status}: problem+json`);
        }
      }
    }
    expect(gaps).toEqual([]);
  });

  it('lists, for each error status, the contract codes of that status, with an example each', () => {
    const met = new Set<string>();
    for (const { operation } of operations()) {
      for (const [status, answer] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue;
        const media = answer.content?.['application/problem+json'] as
          | { examples?: Record<string, { value: unknown }> }
          | undefined;
        const examples = media?.examples;
        for (const [code, example] of Object.entries(examples ?? {})) {
          met.add(code);
          const entry = API_ERRORS[code as keyof typeof API_ERRORS];
          expect(example.value).toMatchObject({ code, status: Number(status), title: entry.title });
        }
      }
    }
    // Every code of the contract is one some operation can answer (none is dead).
    expect(Object.keys(API_ERRORS).filter((code) => !met.has(code))).toEqual([]);
  });

  it('lists on every operation what the HTTP layer refuses before it runs', () => {
    // The platform's error handler and Node's parser answer these on any route, as problem details.
    const refusals: Record<string, string[]> = {
      400: ['BAD_REQUEST', 'VALIDATION', 'INVALID_CHARACTER'],
      408: ['REQUEST_TIMEOUT'],
      413: ['PAYLOAD_TOO_LARGE'],
      414: ['URI_TOO_LONG'],
      415: ['UNSUPPORTED_MEDIA_TYPE'],
      429: ['RATE_LIMITED'],
      431: ['HEADERS_TOO_LARGE'],
      500: ['INTERNAL'],
    };
    const gaps: string[] = [];
    for (const { route, operation } of operations()) {
      for (const [status, codes] of Object.entries(refusals)) {
        const media = operation.responses[status]?.content?.['application/problem+json'] as
          | { examples?: Record<string, unknown> }
          | undefined;
        const listed = Object.keys(media?.examples ?? {});
        for (const code of codes) if (!listed.includes(code)) gaps.push(`${route} ${status} ${code}`);
      }
    }
    expect(gaps).toEqual([]);
    const problem = spec.components.schemas.Problem as { properties: { code: { enum: string[] } } };
    expect(problem.properties.code.enum).toEqual(expect.arrayContaining(Object.values(refusals).flat()));
  });

  it('describes the webhook event and its signature headers', () => {
    const event = spec.webhooks['application.updated'] as { post: { parameters: { name: string }[] } };
    expect(event.post.parameters.map((p) => p.name)).toEqual(['webhook-id', 'webhook-timestamp', 'webhook-signature']);
    expect(Object.keys(spec.components.schemas)).toEqual(
      expect.arrayContaining(['ApplicationUpdatedEvent', 'Problem']),
    );
  });

  it("passes Redocly's recommended rules with no error", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'openapi-'));
    try {
      const file = path.join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(spec));
      const redocly = path.join(ROOT, 'node_modules/.bin/redocly');
      const { stdout } = await promisify(execFile)(redocly, ['lint', file, '--format=json'], {
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        maxBuffer: 10 * 1024 * 1024,
      }).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
      const report = JSON.parse(stdout) as {
        totals: { errors: number };
        problems: { ruleId: string; severity: string }[];
      };
      expect(report.totals.errors).toBe(0);
      // Not even a warning, but the one a test service earns: its server is on localhost.
      const warnings = report.problems.map((p) => p.ruleId).filter((rule) => rule !== 'no-server-example.com');
      expect(warnings).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the vendor guide (docs/api.md)', () => {
  const guide = readFileSync(path.join(ROOT, 'docs/api.md'), 'utf8');

  it('lists exactly the operations of the document, with their summaries', () => {
    const listed = [...guide.matchAll(/^\| `(\w+)` \| `([A-Z]+) ([^`]+)` \| (.+) \|$/gm)].map(
      ([, id, method, url, summary]) => `${id} ${method} ${url} ${summary}`,
    );
    const documented = operations().map(
      ({ route, operation }) => `${operation.operationId} ${route.replace(' /api/pro/v1', ' ')} ${operation.summary}`,
    );
    expect(listed).toEqual(documented);
  });

  it('explains every error code of the contract', () => {
    const explained = new Set(
      [...guide.matchAll(/^\| (`[A-Z0-9_]+`(?: \/ `[A-Z0-9_]+`)*) \|/gm)].flatMap(([, cell]) =>
        [...cell!.matchAll(/`([A-Z0-9_]+)`/g)].map(([, code]) => code ?? ''),
      ),
    );
    expect(Object.keys(API_ERRORS).filter((code) => !explained.has(code))).toEqual([]);
    expect([...explained].filter((code) => !(code in API_ERRORS))).toEqual([]);
  });
});
