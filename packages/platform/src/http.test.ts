import { afterAll, describe, expect, it } from 'vitest';
import { errorBuilder, PLATFORM_ERRORS } from './errors.ts';
import { createHttpServer } from './http.ts';

const app = await createHttpServer({
  service: 'test',
  logLevel: 'silent',
  problems: { type: (code) => `urn:test:${code}`, title: () => undefined },
});
app.get('/page', async () => 'ok');
const testError = errorBuilder({ ...PLATFORM_ERRORS, CONFLICT: { status: 409, title: 'Conflit.' } });
app.get('/refused', async () => {
  throw testError('CONFLICT', 'Refusé.');
});
await app.ready();
afterAll(() => app.close());

describe('security headers', () => {
  // Every answer (a page, an API error, an unknown address) carries the same policy: a page the
  // services serve cannot be framed, run a script from elsewhere, or be sniffed as another type.
  it.each(['/page', '/nowhere', '/refused'])('%s carries the policy', async (url) => {
    const answer = await app.inject({ method: 'GET', url });
    const policy = String(answer.headers['content-security-policy']).split(';');
    expect(policy).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "object-src 'none'",
      ]),
    );
    expect(policy.join(';')).not.toContain('upgrade-insecure-requests');
    expect(answer.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'cross-origin-opener-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
    });
  });
});
