import { webhookSigner } from '@permis/ants-api/webhooks';
import { AppError, repeatEvery, type SecretBox } from '@permis/platform';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { toTransferredView, toView } from '../applications/view.ts';
import type { AntsDb } from '../db/index.ts';
import { applications, formerHolders, proWebhooks, webhookEvents } from '../db/schema.ts';
import { DELIVERY_TIMEOUT_MS, type DestinationPolicy, postToDestination } from './destination.ts';

/** After this many failed attempts an event is kept as failed (visible), not retried any more. */
export const MAX_ATTEMPTS = 10;

/** 5 s, 10 s, 20 s… capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5000 * 2 ** (attempts - 1), 3600 * 1000);
}

/** How a delivery reaches a receiver; tests give their own. */
export type Deliver = (
  url: string,
  headers: Record<string, string>,
  body: string,
) => Promise<{ ok: boolean; status: number }>;

/** Receivers served at once: one that never answers holds one slot, not the others' pushes. */
const PARALLEL_DESTINATIONS = 8;

/**
 * Delivers the due webhook events, oldest first: POST of the application as the school sees it
 * now (the receiver keeps the newest by `updatedAt`, so order and repeats do not matter), signed,
 * 5 s timeout, only to a public https address (`postToDestination`). Each school's events go one
 * after the other, different schools side by side. A 2xx marks the event delivered; anything else
 * (a redirect included) schedules a retry with backoff.
 */
export async function dispatchWebhooks(
  db: AntsDb,
  box: SecretBox,
  options: { now?: Date; deliver?: Deliver; policy?: DestinationPolicy; limit?: number } = {},
): Promise<{ delivered: number; failed: number }> {
  const now = options.now ?? new Date();
  const policy = options.policy ?? { allowPrivate: false };
  const deliver: Deliver = options.deliver ?? ((url, headers, body) => postToDestination(url, headers, body, policy));
  const claims = await claimDueEvents(db, now, options.limit ?? 50);
  if (claims.size === 0) return { delivered: 0, failed: 0 };
  const due = await db
    .select({ event: webhookEvents, hook: proWebhooks, application: applications, leftAt: formerHolders.leftAt })
    .from(webhookEvents)
    .innerJoin(proWebhooks, eq(proWebhooks.proAccountId, webhookEvents.proAccountId))
    .innerJoin(applications, eq(applications.id, webhookEvents.applicationId))
    .leftJoin(
      formerHolders,
      and(
        eq(formerHolders.applicationId, webhookEvents.applicationId),
        eq(formerHolders.proAccountId, webhookEvents.proAccountId),
      ),
    )
    .where(inArray(webhookEvents.id, [...claims.keys()]))
    .orderBy(asc(webhookEvents.createdAt));
  const bySchool = new Map<string, typeof due>();
  for (const item of due)
    bySchool.set(item.event.proAccountId, [...(bySchool.get(item.event.proAccountId) ?? []), item]);
  const queues = [...bySchool.values()];
  let delivered = 0;
  let failed = 0;
  const worker = async () => {
    for (let queue = queues.shift(); queue; queue = queues.shift()) {
      for (const item of queue) {
        // Past its claim, another instance may have taken it again: it is theirs now.
        if (Date.now() + DELIVERY_TIMEOUT_MS > claims.get(item.event.id)!.getTime()) continue;
        if (await deliverOne(db, box, deliver, now, item)) delivered++;
        else failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_DESTINATIONS, queues.length) }, worker));
  return { delivered, failed };
}

/**
 * How long one delivery may hold an event: the receiver's 5 s plus the address's lookup and the
 * database's writes. An event's claim lasts this much per event before it in its school's queue
 * (they go one after the other), so one killed instance's events are due again within seconds.
 */
const CLAIM_PER_DELIVERY_MS = DELIVERY_TIMEOUT_MS + 5000;

/**
 * Takes the due events for this round, so no other instance takes them meanwhile: rows another
 * round holds are skipped (`FOR UPDATE SKIP LOCKED`), and each claimed event is due again only
 * after its claim (pushed `next_attempt_at`): delivered, it leaves; failed, its retry time replaces
 * the claim; if the instance dies, it is tried again when the claim ends. Answers each event's
 * claim end.
 */
async function claimDueEvents(db: AntsDb, now: Date, limit: number): Promise<Map<string, Date>> {
  const result = (await db.execute(sql`
    WITH locked AS (
      SELECT e.id, e.pro_account_id, e.created_at FROM ${webhookEvents} e
      WHERE e.status = 'pending' AND e.next_attempt_at <= ${now.toISOString()}::timestamptz
        AND EXISTS (SELECT 1 FROM ${proWebhooks} h WHERE h.pro_account_id = e.pro_account_id)
      ORDER BY e.created_at
      LIMIT ${limit}
      FOR UPDATE OF e SKIP LOCKED
    ), placed AS (
      SELECT id, row_number() OVER (PARTITION BY pro_account_id ORDER BY created_at) AS place FROM locked
    )
    UPDATE ${webhookEvents} w
    SET next_attempt_at = ${now.toISOString()}::timestamptz + placed.place * ${CLAIM_PER_DELIVERY_MS} * interval '1 millisecond'
    FROM placed WHERE w.id = placed.id
    RETURNING w.id, w.next_attempt_at AS claimed_until`)) as unknown as {
    rows: { id: string; claimed_until: string | Date }[];
  };
  // Both drivers answer `rows`; PGlite gives dates, node-postgres too (timestamptz parsed).
  return new Map(result.rows.map((row) => [row.id, new Date(row.claimed_until)]));
}

type Due = {
  event: typeof webhookEvents.$inferSelect;
  hook: typeof proWebhooks.$inferSelect;
  application: typeof applications.$inferSelect;
  /** When the application left this school, if it did. */
  leftAt: Date | null;
};

/**
 * The application as the event's school sees it when the push leaves: in full if it holds it,
 * "Transféré" if it handed it over, nothing if neither (the event is dropped).
 */
function viewFor({ event, application, leftAt }: Due) {
  if (application.proAccountId === event.proAccountId) return toView(application);
  return leftAt ? toTransferredView(application, leftAt) : null;
}

/** One delivery and its outcome in the database; answers whether it was delivered. */
async function deliverOne(db: AntsDb, box: SecretBox, deliver: Deliver, now: Date, due: Due) {
  const { event, hook } = due;
  const application = viewFor(due);
  if (!application) {
    await db
      .update(webhookEvents)
      .set({ status: 'failed', lastError: 'NOT_VISIBLE' })
      .where(eq(webhookEvents.id, event.id));
    return false;
  }
  const body = JSON.stringify({
    id: event.id,
    type: 'application.updated',
    occurredAt: event.createdAt.toISOString(),
    application,
  });
  // Standard Webhooks: the event id stays the same across retries, so a receiver drops repeats.
  const sentAt = new Date();
  let error: string | null = null;
  try {
    const response = await deliver(
      hook.url,
      {
        'content-type': 'application/json',
        'webhook-id': event.id,
        'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
        'webhook-signature': webhookSigner(box.open(hook.secretSealed)).sign(event.id, sentAt, body),
      },
      body,
    );
    if (!response.ok) error = `HTTP ${response.status}`;
  } catch (caught) {
    error = caught instanceof AppError ? caught.code : caught instanceof Error ? caught.message : String(caught);
  }
  const attempts = event.attempts + 1;
  if (error === null) {
    await db
      .update(webhookEvents)
      .set({ status: 'delivered', attempts, deliveredAt: new Date(), lastError: null })
      .where(eq(webhookEvents.id, event.id));
    return true;
  }
  await db
    .update(webhookEvents)
    .set({
      status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
      attempts,
      lastError: error.slice(0, 300),
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
    })
    .where(eq(webhookEvents.id, event.id));
  return false;
}

/** Runs the dispatcher every `intervalMs` until stopped; one round at a time. */
export function startWebhookDispatcher(
  db: AntsDb,
  box: SecretBox,
  log: { error(obj: object, msg: string): void },
  policy: DestinationPolicy,
  intervalMs = 1000,
) {
  return repeatEvery(intervalMs, () => dispatchWebhooks(db, box, { policy }), log, 'envoi des webhooks');
}
