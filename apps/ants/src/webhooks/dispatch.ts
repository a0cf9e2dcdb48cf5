import { createHmac } from 'node:crypto';
import type { SecretBox } from '@permis/platform';
import { and, asc, eq, lte } from 'drizzle-orm';
import { toView } from '../applications/view.ts';
import type { AntsDb } from '../db/index.ts';
import { applications, proWebhooks, webhookEvents } from '../db/schema.ts';

/** After this many failed attempts an event is kept as failed (visible), not retried any more. */
export const MAX_ATTEMPTS = 10;

/** 5 s, 10 s, 20 s… capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5000 * 2 ** (attempts - 1), 3600 * 1000);
}

/** The signature header of a delivery: HMAC-SHA256 of "timestamp.body" with the school's secret. */
export function signature(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Delivers the due webhook events, oldest first: POST of the application as the school sees it
 * now (the receiver keeps the newest by `updatedAt`, so order and repeats do not matter), signed,
 * 5 s timeout. A 2xx marks the event delivered; anything else schedules a retry with backoff.
 */
export async function dispatchWebhooks(
  db: AntsDb,
  box: SecretBox,
  options: { now?: Date; fetch?: typeof fetch; limit?: number } = {},
): Promise<{ delivered: number; failed: number }> {
  const now = options.now ?? new Date();
  const doFetch = options.fetch ?? fetch;
  const due = await db
    .select({ event: webhookEvents, hook: proWebhooks, application: applications })
    .from(webhookEvents)
    .innerJoin(proWebhooks, eq(proWebhooks.proAccountId, webhookEvents.proAccountId))
    .innerJoin(applications, eq(applications.id, webhookEvents.applicationId))
    .where(and(eq(webhookEvents.status, 'pending'), lte(webhookEvents.nextAttemptAt, now)))
    .orderBy(asc(webhookEvents.createdAt))
    .limit(options.limit ?? 50);
  let delivered = 0;
  let failed = 0;
  for (const { event, hook, application } of due) {
    const body = JSON.stringify({
      id: event.id,
      type: 'application.updated',
      occurredAt: event.createdAt.toISOString(),
      application: toView(application, event.proAccountId),
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    let error: string | null = null;
    try {
      const response = await doFetch(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-ants-event-id': event.id,
          'x-ants-timestamp': timestamp,
          'x-ants-signature': signature(box.open(hook.secretSealed), timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(5000),
      });
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
    }
    const attempts = event.attempts + 1;
    if (error === null) {
      delivered++;
      await db
        .update(webhookEvents)
        .set({ status: 'delivered', attempts, deliveredAt: new Date(), lastError: null })
        .where(eq(webhookEvents.id, event.id));
    } else {
      failed++;
      await db
        .update(webhookEvents)
        .set({
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          attempts,
          lastError: error.slice(0, 300),
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
        })
        .where(eq(webhookEvents.id, event.id));
    }
  }
  return { delivered, failed };
}

/** Runs the dispatcher every `intervalMs` until stopped; one round at a time. */
export function startWebhookDispatcher(
  db: AntsDb,
  box: SecretBox,
  log: { error(obj: object, msg: string): void },
  intervalMs = 1000,
) {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    dispatchWebhooks(db, box)
      .catch((error: unknown) => log.error({ err: error }, 'envoi des webhooks'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
