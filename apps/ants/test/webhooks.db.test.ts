import { createSecretBox } from '@permis/platform';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { webhookEvents } from '../src/db/schema.ts';
import { dispatchWebhooks, MAX_ATTEMPTS, signature } from '../src/webhooks/dispatch.ts';
import { draftRequest, startAntsHttp } from './api.ts';
import { TEST_KEY } from './harness.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
beforeEach(async () => {
  ants = await startAntsHttp();
});
afterEach(async () => {
  await ants.close();
});

describe('webhooks of the professional API', () => {
  it('answers the same secret for the same address, even to registrations racing, and a new one for a new address', async () => {
    const url = 'http://ecole.example/api/ants/webhook/y';
    const racing = await Promise.all([1, 2, 3].map(() => ants.brequigny.registerWebhook(url)));
    expect(new Set(racing.map((r) => r.secret)).size).toBe(1);
    expect((await ants.brequigny.registerWebhook(url)).secret).toBe(racing[0]!.secret);
    const moved = await ants.brequigny.registerWebhook('http://ecole.example/api/ants/webhook/z');
    expect(moved.secret).not.toBe(racing[0]!.secret);
  });

  it('signs each push, retries with backoff, and keeps it failed after the last attempt', async () => {
    const { secret } = await ants.brequigny.registerWebhook('http://ecole.example/api/ants/webhook/x');
    expect(secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const app = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    await ants.brequigny.deleteApplication(app.number);
    const [event] = await ants.db.select().from(webhookEvents);
    expect(event).toMatchObject({ status: 'pending', attempts: 0 });

    const box = createSecretBox(TEST_KEY);
    const received: { headers: Headers; body: string }[] = [];
    let answer = 503;
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      received.push({ headers: new Headers(init.headers), body: String(init.body) });
      return new Response(null, { status: answer });
    }) as typeof fetch;

    const now = new Date();
    expect(await dispatchWebhooks(ants.db, box, { fetch: fakeFetch, now })).toEqual({ delivered: 0, failed: 1 });
    const [retry] = await ants.db.select().from(webhookEvents).where(eq(webhookEvents.id, event!.id));
    expect(retry).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 503' });
    expect(retry!.nextAttemptAt.getTime() - now.getTime()).toBe(5000);
    // Not due yet: nothing sent.
    expect(await dispatchWebhooks(ants.db, box, { fetch: fakeFetch, now })).toEqual({ delivered: 0, failed: 0 });

    const { headers, body } = received[0]!;
    expect(headers.get('x-ants-signature')).toBe(signature(secret, headers.get('x-ants-timestamp')!, body));
    expect(JSON.parse(body)).toMatchObject({
      type: 'application.updated',
      application: { number: app.number, state: 'deleted' },
    });

    answer = 204;
    const later = new Date(now.getTime() + 6000);
    expect(await dispatchWebhooks(ants.db, box, { fetch: fakeFetch, now: later })).toEqual({ delivered: 1, failed: 0 });

    // A school that never answers: failed after the last attempt, kept for the record.
    const other = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    await ants.brequigny.deleteApplication(other.number);
    answer = 500;
    let at = later;
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      at = new Date(at.getTime() + 3600 * 1000);
      await dispatchWebhooks(ants.db, box, { fetch: fakeFetch, now: at });
    }
    const events = await ants.db.select().from(webhookEvents);
    expect(events.find((e) => e.id !== event!.id)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
  });
});
