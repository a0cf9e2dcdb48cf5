import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { Db } from './db.ts';
import { sha256 } from './tokens.ts';

/**
 * Requests counted per caller and fixed window, in the service's database: every instance behind
 * the load balancer counts the same requests. One row per caller and window; a caller's first
 * request of a window drops its older rows, so the table holds about one row per active caller.
 */
export const rateWindows = pgTable(
  'rate_windows',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

export type RatePolicy = {
  /** The name the `RateLimit-Policy` and `RateLimit` headers give it. */
  name: string;
  quota: number;
  windowSeconds: number;
};

export type RateTaken = { allowed: boolean; remaining: number; resetSeconds: number };

/**
 * A per-caller request quota (IETF "RateLimit header fields for HTTP"): `take(caller)` counts one
 * request and says whether it is within the quota, how many remain and when the window ends.
 * Callers are hashed: no account id nor address is kept in clear.
 */
export function createRateLimiter(
  // biome-ignore lint/suspicious/noExplicitAny: any service schema that includes `rate_windows`.
  db: Db<any>,
  policy: RatePolicy,
  now: () => Date = () => new Date(),
) {
  const windowMs = policy.windowSeconds * 1000;
  // Every request of the quota'd routes runs it: built once, parsed once per connection.
  const counted = db
    .insert(rateWindows)
    .values({ key: sql.placeholder('key'), windowStart: sql.placeholder('windowStart'), count: 1 })
    .onConflictDoUpdate({
      target: [rateWindows.key, rateWindows.windowStart],
      set: { count: sql`${rateWindows.count} + 1` },
    })
    .returning({ count: rateWindows.count })
    .prepare(`rate_window_${policy.name.replace(/\W/g, '_')}`);
  return {
    policy,
    async take(caller: string): Promise<RateTaken> {
      const at = now().getTime();
      const windowStart = new Date(Math.floor(at / windowMs) * windowMs);
      const key = sha256(`${policy.name}:${caller}`);
      const [row] = (await counted.execute({ key, windowStart })) as { count: number }[];
      const count = row?.count ?? 1;
      if (count === 1) {
        await db.delete(rateWindows).where(and(eq(rateWindows.key, key), lt(rateWindows.windowStart, windowStart)));
      }
      return {
        allowed: count <= policy.quota,
        remaining: Math.max(0, policy.quota - count),
        resetSeconds: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - at) / 1000)),
      };
    },
  };
}

/** One caller's standing in an instance of the shared limiter. */
type Standing = {
  /** The caller's hashed key in `rate_windows`. */
  key: string;
  windowStart: number;
  /** The first read of the window's count in the database, once per caller and window. */
  ready: Promise<void>;
  /** The window's count in the database as of the last read or merge (every instance's requests). */
  known: number;
  /** This instance's requests being merged now. */
  merging: number;
  /** This instance's requests not merged yet. */
  pending: number;
  /** This instance's requests in the window, each numbered as it comes (its place in the count). */
  seq: number;
  /** How many of them `known` includes. */
  merged: number;
  /** Whether the caller's older windows were dropped. */
  cleaned: boolean;
};

/**
 * The same quota for a busy API, without a database write per request: each instance counts its
 * callers' requests in memory and merges them into `rate_windows` every `mergeMs` (one statement for
 * every active caller), reading back every instance's total. A request costs no query (the first of
 * a caller in a window reads its count once), and an account's concurrent requests share no row
 * lock. The bound (docs/decisions/0019-quota-merged-per-second.md): within one merge interval each
 * instance admits at most what the caller's count allowed at the last merge, so over a window a
 * caller gets at most its quota plus what it sends to the other instances within one interval.
 */
export function createSharedRateLimiter(
  // biome-ignore lint/suspicious/noExplicitAny: any service schema that includes `rate_windows`.
  db: Db<any>,
  policy: RatePolicy,
  {
    now = () => new Date(),
    mergeMs = 1000,
    log,
  }: { now?: () => Date; mergeMs?: number; log?: { error(obj: object, msg: string): void } } = {},
) {
  const windowMs = policy.windowSeconds * 1000;
  const standings = new Map<string, Standing>();
  const read = async (key: string, windowStart: number) => {
    const [row] = await db
      .select({ count: rateWindows.count })
      .from(rateWindows)
      .where(and(eq(rateWindows.key, key), eq(rateWindows.windowStart, new Date(windowStart))));
    return row?.count ?? 0;
  };

  /**
   * Adds this instance's new requests to the database and reads back each caller's total: a write
   * only for the callers with new requests here, a read for the other callers of the window (what
   * the other instances counted), so an idle caller costs no row version.
   */
  async function merge(): Promise<void> {
    const current = Math.floor(now().getTime() / windowMs) * windowMs;
    for (const [key, standing] of standings) {
      // A caller of an ended window with nothing left to add is forgotten.
      if (standing.windowStart < current && standing.pending === 0 && standing.merging === 0) standings.delete(key);
    }
    const all = [...standings.values()];
    const writes = all
      .filter((standing) => standing.pending > 0)
      .map((standing) => ({ standing, count: standing.pending }));
    const reads = all.filter((standing) => standing.pending === 0 && standing.windowStart === current);
    for (const { standing, count } of writes) {
      standing.pending -= count;
      standing.merging += count;
    }
    const settle = (rows: { key: string; windowStart: Date; count: number }[]) => {
      const totals = new Map(rows.map((row) => [`${row.key}@${row.windowStart.getTime()}`, row.count]));
      return (standing: Standing) => {
        const total = totals.get(`${standing.key}@${standing.windowStart}`);
        if (total !== undefined) standing.known = Math.max(standing.known, total);
      };
    };
    for (let i = 0; i < writes.length; i += 5000) {
      const chunk = writes.slice(i, i + 5000);
      let merged: { key: string; windowStart: Date; count: number }[];
      try {
        merged = await db
          .insert(rateWindows)
          .values(
            chunk.map(({ standing, count }) => ({
              key: standing.key,
              windowStart: new Date(standing.windowStart),
              count,
            })),
          )
          .onConflictDoUpdate({
            target: [rateWindows.key, rateWindows.windowStart],
            set: { count: sql`${rateWindows.count} + excluded.count` },
          })
          .returning({ key: rateWindows.key, windowStart: rateWindows.windowStart, count: rateWindows.count });
      } catch (error) {
        // Counted again at the next merge: a request is never forgotten for a failed write.
        for (const { standing, count } of writes.slice(i)) {
          standing.merging -= count;
          standing.pending += count;
        }
        throw error;
      }
      const known = settle(merged);
      for (const { standing, count } of chunk) {
        standing.merging -= count;
        standing.merged += count;
        known(standing);
      }
      // A caller's older windows are dropped at its window's first merge: about one row per caller.
      const fresh = chunk.filter(({ standing }) => !standing.cleaned);
      if (fresh.length > 0) {
        await db.delete(rateWindows).where(
          and(
            inArray(
              rateWindows.key,
              fresh.map(({ standing }) => standing.key),
            ),
            lt(rateWindows.windowStart, new Date(current)),
          ),
        );
        for (const { standing } of fresh) standing.cleaned = true;
      }
    }
    for (let i = 0; i < reads.length; i += 5000) {
      const chunk = reads.slice(i, i + 5000);
      const rows = await db
        .select({ key: rateWindows.key, windowStart: rateWindows.windowStart, count: rateWindows.count })
        .from(rateWindows)
        .where(
          and(
            inArray(
              rateWindows.key,
              chunk.map((standing) => standing.key),
            ),
            eq(rateWindows.windowStart, new Date(current)),
          ),
        );
      const known = settle(rows);
      for (const standing of chunk) known(standing);
    }
  }

  const timer = setInterval(() => {
    merge().catch((error) => log?.error({ err: error }, 'fusion des compteurs de quota impossible'));
  }, mergeMs);
  timer.unref();

  return {
    policy,
    async take(caller: string): Promise<RateTaken> {
      const at = now().getTime();
      const windowStart = Math.floor(at / windowMs) * windowMs;
      const key = sha256(`${policy.name}:${caller}`);
      let standing = standings.get(key);
      if (!standing || standing.windowStart !== windowStart) {
        const fresh: Standing = {
          key,
          windowStart,
          ready: Promise.resolve(),
          known: 0,
          merging: 0,
          pending: 0,
          seq: 0,
          merged: 0,
          cleaned: false,
        };
        // Counts only grow within a window: a read that ends after a merge keeps the larger.
        fresh.ready = read(key, windowStart).then(
          (count) => {
            fresh.known = Math.max(fresh.known, count);
          },
          (error: unknown) => {
            // The database did not answer: this request fails with it, the caller's next one reads again.
            if (standings.get(key) === fresh) standings.delete(key);
            throw error;
          },
        );
        // The ended window's pending requests are merged by the next merge (they stay listed).
        if (standing && (standing.pending > 0 || standing.merging > 0))
          standings.set(`${key}@${standing.windowStart}`, standing);
        standing = fresh;
        standings.set(key, standing);
      }
      standing.pending += 1;
      const place = ++standing.seq;
      await standing.ready;
      // Every instance's count as last known, plus this instance's requests up to this one.
      const count = standing.known + Math.max(0, place - standing.merged);
      return {
        allowed: count <= policy.quota,
        remaining: Math.max(0, policy.quota - count),
        resetSeconds: Math.max(1, Math.ceil((windowStart + windowMs - at) / 1000)),
      };
    },
    /** Merges now (a test, and the service's stop, so that no request goes uncounted). */
    merge,
    async stop() {
      clearInterval(timer);
      await merge();
    },
  };
}

/** The two headers of the IETF draft (structured fields): the policy, and where the caller stands. */
export function rateLimitHeaders(policy: RatePolicy, taken: RateTaken): Record<string, string> {
  return {
    'ratelimit-policy': `"${policy.name}";q=${policy.quota};w=${policy.windowSeconds}`,
    ratelimit: `"${policy.name}";r=${taken.remaining};t=${taken.resetSeconds}`,
  };
}
