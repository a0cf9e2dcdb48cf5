import { refusalCases, refusalsNotAsDocumented } from '@permis/platform/testing';
import { MAX_PIECE_FILE_BYTES } from '@permis/referentiel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftRequest, startAntsHttp } from './api.ts';
import { PRO } from './harness.ts';

/**
 * The national service answers what Fastify and Node's HTTP parser refuse (bad URL encoding, URL
 * and headers too long, bodies too large or unreadable, refused types, broken framing) as problem
 * details in French with a documented code, never repeating the request: on the professional API
 * (a bearer token, so each request reaches the operation's own checks, and the contract check
 * turns an undocumented status into a failure) and on the agents' pages.
 */
let ants: Awaited<ReturnType<typeof startAntsHttp>>;
let authorization: string;
let number: string;
beforeAll(async () => {
  ants = await startAntsHttp();
  const token = await ants.app.inject({ method: 'POST', url: '/api/pro/v1/token', payload: PRO });
  authorization = `Bearer ${token.json().token as string}`;
  number = (await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID())).number;
});
afterAll(async () => {
  await ants.close();
});

describe("the national service's refusals before an operation runs", () => {
  it('answers them on the professional API as documented problem details', async () => {
    const cases = refusalCases({
      paramRoute: '/api/pro/v1/applications/{}',
      jsonRoute: { method: 'POST', url: '/api/pro/v1/applications' },
      headers: { authorization, 'idempotency-key': crypto.randomUUID() },
      bodyLimit: 1024 * 1024,
      upload: { url: `/api/pro/v1/applications/${number}/pieces/identity`, maxBytes: MAX_PIECE_FILE_BYTES },
    });
    expect(await refusalsNotAsDocumented(ants.baseUrl, cases)).toEqual([]);
  });

  it('answers them on the web pages’ routes too', async () => {
    const cases = refusalCases({
      paramRoute: '/api/candidate/activation/{}',
      jsonRoute: { method: 'POST', url: '/api/agent/login' },
      bodyLimit: 1024 * 1024,
    });
    expect(await refusalsNotAsDocumented(ants.baseUrl, cases)).toEqual([]);
  });
});
