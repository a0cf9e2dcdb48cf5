import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG, pdf, startAntsHttp } from '../../../apps/ants/test/api.ts';
import { until } from '../../platform/src/testing/until.ts';
import { vendorClient } from '../src/client.ts';
import { typesOf } from '../src/document.ts';

/**
 * A vendor's software, built only from the published document: its types are generated from it,
 * every answer it receives is checked against it, and the webhook is verified with the Standard
 * Webhooks library, as a vendor would.
 */
let ants: Awaited<ReturnType<typeof startAntsHttp>>;
let document: { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
let checkAgainst: (pointer: string, body: unknown) => string[];
const answers: string[] = [];
const pdfBytes = await pdf(1);
const stateOf = (body: unknown) => (body as { application: { state: string } }).application.state;

/**
 * Where the document describes an answer: the schema pointer of its body, `bodiless` for an answer
 * documented without one (304), null when the document does not have it.
 */
function answerSchema(method: string, path: string, status: number, mediaType: string): string | null {
  const answer = document.paths[path]?.[method]?.responses[String(status)] as
    | { content?: Record<string, unknown> }
    | undefined;
  if (!answer) return null;
  if (!answer.content) return mediaType === '' ? 'bodiless' : null;
  if (!answer.content[mediaType]) return null;
  const pointerPart = (part: string) => part.replaceAll('~', '~0').replaceAll('/', '~1');
  return `openapi.json#/paths/${pointerPart(path)}/${method}/responses/${status}/content/${pointerPart(mediaType)}/schema`;
}

const inspect = async ({ method, path, response }: { method: string; path: string; response: Response }) => {
  const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  const pointer = answerSchema(method, path, response.status, mediaType);
  if (!pointer) {
    answers.push(`${method} ${path} ${response.status} ${mediaType}: absent du document`);
    return;
  }
  if (pointer === 'bodiless' || !/json/.test(mediaType)) return;
  const problems = checkAgainst(pointer, await response.json());
  answers.push(...problems.map((problem) => `${method} ${path} ${response.status}: ${problem}`));
};

beforeAll(async () => {
  ants = await startAntsHttp({ notify: true });
  document = await (await fetch(`${ants.baseUrl}/api/pro/v1/openapi.json`)).json();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(document, 'openapi.json');
  checkAgainst = (pointer, body) => {
    const validate = ajv.getSchema(pointer) ?? ajv.compile({ $ref: pointer });
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
});
afterAll(async () => {
  await ants.close();
});

describe('a second client, written only from the OpenAPI document', () => {
  it('uses types generated from the document as it is published', async () => {
    const committed = readFileSync(new URL('../src/openapi.d.ts', import.meta.url), 'utf8');
    // When this fails, the document changed: `npm run generate --workspace packages/vendor-client`.
    expect(await typesOf(document)).toBe(committed);
  });

  it('runs token → draft → pièces → validate → signed webhook, every answer as documented', async () => {
    const school = vendorClient(
      ants.baseUrl,
      { agrementNumber: 'E1706900030', login: 'claboret662', password: '3cfBelfort!' },
      inspect,
    );
    const events: { id: string; body: unknown }[] = [];
    let secret = '';
    const receiver: Server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const payload = Buffer.concat(chunks).toString('utf8');
        try {
          // The off-the-shelf Standard Webhooks verifier: signature, and a timestamp within 5 minutes.
          const body = new Webhook(secret).verify(payload, request.headers as Record<string, string>);
          events.push({ id: String(request.headers['webhook-id']), body });
          response.writeHead(204).end();
        } catch {
          response.writeHead(400).end();
        }
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const port = (receiver.address() as AddressInfo).port;
      const hook = await school.PUT('/api/pro/v1/webhook', { body: { url: `http://127.0.0.1:${port}/ants` } });
      secret = hook.data!.secret;

      const created = await school.POST('/api/pro/v1/applications', {
        params: { header: { 'idempotency-key': crypto.randomUUID() } },
        body: {
          type: '02',
          candidate: {
            sex: 'M',
            birthName: 'EDITEUR',
            firstName: 'Paul',
            birthDate: '2004-06-01',
            birthCity: 'RENNES',
            birthDepartment: '35',
            birthCountry: 'FRANCE',
            addressLine1: '3 place Bellecour',
            postalCode: '69800',
            city: 'SAINT-PRIEST',
            email: `paul.editeur.${Date.now()}@example.fr`,
          },
          dossier: { requestedCategories: ['B'], prefectureCode: '69123', declarations: { jdcInOrder: true } },
        },
      });
      expect([created.response.status, created.error]).toEqual([201, undefined]);
      const number = created.data!.application.number;
      const path = { number };

      // Refused as documented: validating before the required pièces are there.
      const early = await school.POST('/api/pro/v1/applications/{number}/validate', { params: { path } });
      expect(early.error?.code).toBe('REQUIRED_PIECES_MISSING');

      const pieces = await school.GET('/api/pro/v1/applications/{number}/pieces', { params: { path } });
      const required = pieces.data!.pieces.filter((piece) => piece.required).map((piece) => piece.kind);
      for (const [kind, bytes] of required.map((kind, i) => [kind, i === 0 ? pdfBytes : PNG] as const)) {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(bytes)]), kind === 'identity' ? 'cni.pdf' : 'facture.png');
        const sent = await school.POST('/api/pro/v1/applications/{number}/pieces/{kind}', {
          params: { path: { number, kind }, query: { comment: 'scan' } },
          body: form as never,
          bodySerializer: (body) => body as unknown as FormData,
        });
        expect(sent.response.status).toBe(201);
      }

      const read = await school.GET('/api/pro/v1/applications/{number}', { params: { path } });
      const etag = read.response.headers.get('etag')!;
      const again = await school.GET('/api/pro/v1/applications/{number}', {
        params: { path, header: { 'if-none-match': etag } as never },
      });
      expect(again.response.status).toBe(304);

      const validated = await school.POST('/api/pro/v1/applications/{number}/validate', { params: { path } });
      expect(validated.data!.application.state).toBe('awaiting_candidate');

      const listed = await school.GET('/api/pro/v1/applications', { params: { query: { number } } });
      expect(listed.data!.applications.map((a) => a.number)).toEqual([number]);
      const missing = await school.GET('/api/pro/v1/applications/{number}', { params: { path: { number: '1' } } });
      expect(missing.error?.code).toBe('NOT_FOUND');

      // The pushes of this journey arrive signed, each event as the document describes it.
      await until(
        () => (events.some((e) => stateOf(e.body) === 'awaiting_candidate') ? true : undefined),
        'the push of awaiting_candidate',
      );
      for (const event of events) {
        expect(checkAgainst('openapi.json#/components/schemas/ApplicationUpdatedEvent', event.body)).toEqual([]);
      }
      expect(answers).toEqual([]);
      // The check itself can fail: a body the document does not describe is caught.
      const created201 = answerSchema('post', '/api/pro/v1/applications', 201, 'application/json')!;
      expect(checkAgainst(created201, { application: { number: 1 } })).not.toEqual([]);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
