import { and, eq, lt, sql } from 'drizzle-orm';
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

/** The two headers of the IETF draft (structured fields): the policy, and where the caller stands. */
export function rateLimitHeaders(policy: RatePolicy, taken: RateTaken): Record<string, string> {
  return {
    'ratelimit-policy': `"${policy.name}";q=${policy.quota};w=${policy.windowSeconds}`,
    ratelimit: `"${policy.name}";r=${taken.remaining};t=${taken.resetSeconds}`,
  };
}
