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
  const claim = await claimDueEvents(db, now, options.limit ?? 50);
  if (claim.ids.length === 0) return { delivered: 0, failed: 0 };
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
    .where(inArray(webhookEvents.id, claim.ids))
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
        // Renewed just before it leaves: an event whose claim ran out (another instance may
        // have taken it again) is theirs now, and skipped here.
        const renewed = await renewClaim(db, item.event.id, claim.until);
        if (!renewed) continue;
        if (await deliverOne(db, box, deliver, now, item, renewed)) delivered++;
        else failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_DESTINATIONS, queues.length) }, worker));
  return { delivered, failed };
}

/**
 * How long a claim holds an event: the receiver's 5 s plus the address's lookup and the database's
 * writes. Each event's claim is renewed just before its delivery, so a queue of any length keeps
 * its events, and those of an instance that died are due again within this time.
 */
const CLAIM_MS = DELIVERY_TIMEOUT_MS + 10000;

/**
 * Takes the due events for this round, so no other instance takes them meanwhile: rows another
 * round holds are skipped (`FOR UPDATE SKIP LOCKED`), and each claimed event is due again only
 * after its claim (`next_attempt_at` pushed to the claim's end): delivered, it leaves; failed, its
 * retry time replaces the claim; if the instance dies, it is tried again when the claim ends.
 * Answers the events claimed and their claims' one end (millisecond precision, as JavaScript dates:
 * the fence below compares it exactly).
 */
async function claimDueEvents(db: AntsDb, now: Date, limit: number): Promise<{ ids: string[]; until: Date }> {
  const until = new Date(now.getTime() + CLAIM_MS);
  const result = (await db.execute(sql`
    WITH locked AS (
      SELECT e.id FROM ${webhookEvents} e
      WHERE e.status = 'pending' AND e.next_attempt_at <= ${now.toISOString()}::timestamptz
        AND EXISTS (SELECT 1 FROM ${proWebhooks} h WHERE h.pro_account_id = e.pro_account_id)
      ORDER BY e.created_at
      LIMIT ${limit}
      FOR UPDATE OF e SKIP LOCKED
    )
    UPDATE ${webhookEvents} w SET next_attempt_at = ${until.toISOString()}::timestamptz
    FROM locked WHERE w.id = locked.id
    RETURNING w.id`)) as unknown as { rows: { id: string }[] };
  return { ids: result.rows.map((row) => row.id), until };
}

/** The claim extended for one delivery, if this round still holds it (else null). */
async function renewClaim(db: AntsDb, id: string, held: Date): Promise<Date | null> {
  const until = new Date(Date.now() + CLAIM_MS);
  const [renewed] = await db
    .update(webhookEvents)
    .set({ nextAttemptAt: until })
    .where(and(eq(webhookEvents.id, id), eq(webhookEvents.status, 'pending'), eq(webhookEvents.nextAttemptAt, held)))
    .returning({ id: webhookEvents.id });
  return renewed ? until : null;
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
async function deliverOne(db: AntsDb, box: SecretBox, deliver: Deliver, now: Date, due: Due, claim: Date) {
  // Every outcome is written only while this round holds the claim: an instance too slow to
  // finish never overwrites what the one that took the event again wrote.
  const held = and(eq(webhookEvents.id, due.event.id), eq(webhookEvents.nextAttemptAt, claim));
  const { event, hook } = due;
  const application = viewFor(due);
  if (!application) {
    await db.update(webhookEvents).set({ status: 'failed', lastError: 'NOT_VISIBLE' }).where(held);
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
      .where(held);
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
    .where(held);
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
