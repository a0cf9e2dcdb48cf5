import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSecretBox } from '@permis/platform';
import { until } from '@permis/platform/testing';
import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { webhookEvents } from '../src/db/schema.ts';
import { DESTINATION_REFUSED, postToDestination } from '../src/webhooks/destination.ts';
import { type Deliver, dispatchWebhooks, MAX_ATTEMPTS } from '../src/webhooks/dispatch.ts';
import { draftRequest, failure, startAntsHttp } from './api.ts';
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

  it('tells the school an application left that it is "Transféré", with no personal data, and nothing after', async () => {
    await ants.brequigny.registerWebhook('http://ecole.example/api/ants/webhook/b');
    const app = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    await ants.saintPriest.transfer({
      number: app.number,
      holderAgrementNumber: 'E1703500010',
      candidate: {
        birthName: app.candidate.birthName,
        firstName: app.candidate.firstName,
        birthDate: app.candidate.birthDate,
      },
    });
    // The new school goes on with it: the school it left is not told.
    await ants.saintPriest.deleteApplication(app.number);
    const bodies: string[] = [];
    const deliver: Deliver = async (_url, _headers, body) => {
      bodies.push(body);
      return { ok: true, status: 204 };
    };
    await dispatchWebhooks(ants.db, createSecretBox(TEST_KEY), { deliver });
    const seen = bodies.map((b) => JSON.parse(b).application as { number: string; state: string });
    expect(seen.map((a) => [a.number, a.state])).toEqual([[app.number, 'transferred']]);
    expect(Object.keys(seen[0]!).sort()).toEqual(
      ['createdAt', 'id', 'number', 'state', 'stateLabel', 'transferred', 'type', 'updatedAt'].sort(),
    );
    expect(bodies.join()).not.toContain(app.candidate.email);
  });

  it('delivers each event once when several instances dispatch at the same time', async () => {
    await ants.brequigny.registerWebhook('http://ecole.example/api/ants/webhook/once');
    await ants.saintPriest.registerWebhook('http://autre-ecole.example/api/ants/webhook/once');
    for (const school of [ants.brequigny, ants.saintPriest]) {
      for (let i = 0; i < 6; i++) {
        const app = await school.createApplication(draftRequest(), crypto.randomUUID());
        await school.deleteApplication(app.number);
      }
    }
    const box = createSecretBox(TEST_KEY);
    const received: string[] = [];
    // A receiver that takes its time: the other instances' rounds run meanwhile.
    const deliver: Deliver = async (_url, headers) => {
      received.push(headers['webhook-id']!);
      await new Promise((resolve) => setImmediate(resolve));
      return { ok: true, status: 204 };
    };
    const rounds = await Promise.all([1, 2, 3].map(() => dispatchWebhooks(ants.db, box, { deliver })));
    expect(rounds.reduce((sum, r) => sum + r.delivered, 0)).toBe(12);
    expect(received).toHaveLength(12);
    expect(new Set(received).size).toBe(12);
    const events = await ants.db.select().from(webhookEvents);
    expect(events.map((e) => [e.status, e.attempts])).toEqual(Array(12).fill(['delivered', 1]));
  });

  it('signs each push, retries with backoff, and keeps it failed after the last attempt', async () => {
    const { secret } = await ants.brequigny.registerWebhook('http://ecole.example/api/ants/webhook/x');
    const app = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    await ants.brequigny.deleteApplication(app.number);
    const [event] = await ants.db.select().from(webhookEvents);
    expect(event).toMatchObject({ status: 'pending', attempts: 0 });

    const box = createSecretBox(TEST_KEY);
    const received: { headers: Headers; body: string }[] = [];
    let answer = 503;
    const fakeDeliver: Deliver = async (_url, headers, body) => {
      received.push({ headers: new Headers(headers), body });
      return { ok: answer < 300, status: answer };
    };

    const now = new Date();
    expect(await dispatchWebhooks(ants.db, box, { deliver: fakeDeliver, now })).toEqual({ delivered: 0, failed: 1 });
    const [retry] = await ants.db.select().from(webhookEvents).where(eq(webhookEvents.id, event!.id));
    expect(retry).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 503' });
    expect(retry!.nextAttemptAt.getTime() - now.getTime()).toBe(5000);
    // Not due yet: nothing sent.
    expect(await dispatchWebhooks(ants.db, box, { deliver: fakeDeliver, now })).toEqual({ delivered: 0, failed: 0 });

    // Standard Webhooks: a vendor verifies the push with the scheme's own library and the secret.
    const { headers, body } = received[0]!;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const standard = Object.fromEntries(
      ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => [name, headers.get(name) ?? '']),
    );
    expect(standard['webhook-id']).toBe(event!.id);
    expect(() => new Webhook(secret).verify(body, standard)).not.toThrow();
    expect(() => new Webhook(secret).verify(`${body} `, standard)).toThrow();
    // A retry carries the same webhook-id: the receiver recognises a repeat.
    expect(received[1]?.headers.get('webhook-id') ?? event!.id).toBe(event!.id);
    expect(JSON.parse(body)).toMatchObject({
      type: 'application.updated',
      application: { number: app.number, state: 'deleted' },
    });

    answer = 204;
    const later = new Date(now.getTime() + 6000);
    expect(await dispatchWebhooks(ants.db, box, { deliver: fakeDeliver, now: later })).toEqual({
      delivered: 1,
      failed: 0,
    });

    // A school that never answers: failed after the last attempt, kept for the record.
    const other = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    await ants.brequigny.deleteApplication(other.number);
    answer = 500;
    let at = later;
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      at = new Date(at.getTime() + 3600 * 1000);
      await dispatchWebhooks(ants.db, box, { deliver: fakeDeliver, now: at });
    }
    const events = await ants.db.select().from(webhookEvents);
    expect(events.find((e) => e.id !== event!.id)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
  });

  it('registers only an https address on the Internet: loopback, private and metadata addresses are refused', async () => {
    const strict = await startAntsHttp({ webhooksAllowPrivate: false });
    try {
      for (const url of [
        'http://ecole.example/hook',
        'https://127.0.0.1/hook',
        'https://[::1]/hook',
        'https://2130706433/hook',
        'https://[::ffff:127.0.0.1]/hook',
        'https://169.254.169.254/latest/meta-data',
        'https://10.0.0.1/hook',
        'https://192.168.1.20/hook',
      ]) {
        const error = await failure(strict.brequigny.registerWebhook(url));
        expect([url, error.code, error.message]).toEqual([url, 'WEBHOOK_URL_REFUSED', DESTINATION_REFUSED]);
      }
      expect((await strict.brequigny.registerWebhook('https://93.184.215.14/api/ants/webhook/x')).secret).toBeTruthy();
      // Checked again at each delivery (a name may resolve elsewhere later): nothing reaches a loopback.
      await expect(postToDestination('https://127.0.0.1:1/x', {}, '{}', { allowPrivate: false })).rejects.toMatchObject(
        {
          code: 'WEBHOOK_URL_REFUSED',
        },
      );
    } finally {
      await strict.close();
    }
  });

  it('never follows a redirect, and one school that never answers does not delay another', async () => {
    const box = createSecretBox(TEST_KEY);
    const hits: string[] = [];
    const elsewhere = await listen((_req, res) => {
      hits.push('ailleurs');
      res.end();
    });
    const redirecting = await listen((_req, res) => {
      res.writeHead(307, { location: `${elsewhere.url}/vole` }).end();
    });
    // Saint-Priest's receiver accepts the connection and never answers; its event is the older.
    // At each hanging connection's end: had Brequigny been served meanwhile?
    const servedWhileHanging: boolean[] = [];
    const hanging = await listen((req) => {
      req.socket.on('close', () => servedWhileHanging.push(hits.includes('brequigny')));
    });
    const fine = await listen((_req, res) => {
      hits.push('brequigny');
      res.writeHead(204).end();
    });
    try {
      await ants.saintPriest.registerWebhook(`${hanging.url}/hook`);
      await ants.brequigny.registerWebhook(`${redirecting.url}/hook`);
      for (const school of [ants.saintPriest, ants.brequigny]) {
        const app = await school.createApplication(draftRequest(), crypto.randomUUID());
        await school.deleteApplication(app.number);
      }
      const policy = { allowPrivate: true };
      expect(await dispatchWebhooks(ants.db, box, { policy })).toEqual({ delivered: 0, failed: 2 });
      const events = await ants.db.select().from(webhookEvents);
      expect(events.map((e) => e.lastError).sort()).toEqual(['HTTP 307', 'délai de 5 s dépassé']);
      expect(hits).toEqual([]);

      await ants.brequigny.registerWebhook(`${fine.url}/hook`);
      const later = new Date(Date.now() + 60000);
      expect(await dispatchWebhooks(ants.db, box, { policy, now: later })).toEqual({ delivered: 1, failed: 1 });
      // The server sees the aborted connection close a moment after the dispatcher gave up on it.
      await until(async () => (servedWhileHanging.length === 2 ? true : undefined));
      expect(servedWhileHanging).toEqual([false, true]);
    } finally {
      for (const server of [elsewhere, redirecting, hanging, fine]) server.close();
    }
  });
});

/** A local HTTP server for one test, and its base URL. */
async function listen(handler: http.RequestListener) {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
