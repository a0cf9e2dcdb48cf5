import { and, count, gt, inArray, lt, min } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Db } from './db.ts';
import { type AppError, platformError } from './errors.ts';
import { sha256 } from './tokens.ts';

/**
 * Failed sign-ins, in the service's database: every instance behind the load balancer counts the
 * same failures (a throttle per process let two instances allow twice as many). Keys are hashed:
 * neither logins nor addresses are kept in clear.
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_key_at_idx').on(t.key, t.at), index('login_failures_at_idx').on(t.at)],
);

/**
 * Sign-in rate limiting, per identity first: after `maxPerIdentityAndIp` failures for one identity
 * from one address, or `maxPerIdentity` from anywhere (a distributed guess), that identity waits for
 * the window to pass; a success from the address clears its count. The per-address ceiling
 * (`maxPerIp`) stops spraying many identities, and is high enough for a school's server, whose
 * offices and users all share one address: one of them failing cannot lock out the others.
 */
export type LoginThrottle = {
  assertAllowed(ip: string, identifier: string): Promise<void>;
  recordFailure(ip: string, identifier: string): Promise<void>;
  recordSuccess(ip: string, identifier: string): Promise<void>;
};

export type LoginThrottleOptions = {
  /** What is signed into ("school-user", "pro", "agent"…): each has its own counts. */
  scope: string;
  maxPerIdentityAndIp?: number;
  maxPerIdentity?: number;
  maxPerIp?: number;
  windowMs?: number;
  /** The clock, for tests that move it rather than wait. */
  now?: () => Date;
  /** The refusal, given the minutes to wait, built by the service's table (default: failed sign-ins). */
  refusal?: (minutes: number) => AppError;
};

const minutesText = (minutes: number) => `${minutes} minute${minutes > 1 ? 's' : ''}`;

export function createLoginThrottle(
  // biome-ignore lint/suspicious/noExplicitAny: any service schema that includes `login_failures`.
  db: Db<any>,
  options: LoginThrottleOptions,
): LoginThrottle {
  const maxPerIdentityAndIp = options.maxPerIdentityAndIp ?? 5;
  const maxPerIdentity = options.maxPerIdentity ?? 20;
  const maxPerIp = options.maxPerIp ?? 500;
  const windowMs = options.windowMs ?? 15 * 60 * 1000;
  const now = options.now ?? (() => new Date());
  let prunedAt = 0;

  const keys = (ip: string, identifier: string) => {
    const id = identifier.trim().toLowerCase();
    return {
      identityAndIp: sha256(`${options.scope}|identity+ip|${ip}|${id}`),
      identity: sha256(`${options.scope}|identity|${id}`),
      ip: sha256(`${options.scope}|ip|${ip}`),
    };
  };
  const limits = (k: ReturnType<typeof keys>) =>
    new Map([
      [k.identityAndIp, maxPerIdentityAndIp],
      [k.identity, maxPerIdentity],
      [k.ip, maxPerIp],
    ]);

  return {
    async assertAllowed(ip, identifier) {
      const at = now();
      const limit = limits(keys(ip, identifier));
      const counts = await db
        .select({ key: loginFailures.key, n: count(), oldest: min(loginFailures.at) })
        .from(loginFailures)
        .where(
          and(inArray(loginFailures.key, [...limit.keys()]), gt(loginFailures.at, new Date(at.getTime() - windowMs))),
        )
        .groupBy(loginFailures.key);
      const over = counts.filter((c) => c.n >= (limit.get(c.key) ?? Number.POSITIVE_INFINITY));
      if (over.length === 0) return;
      const freedAt = Math.max(...over.map((c) => new Date(c.oldest ?? at).getTime() + windowMs));
      const minutes = Math.max(1, Math.ceil((freedAt - at.getTime()) / 60000));
      throw (
        options.refusal?.(minutes) ??
        platformError(
          'TOO_MANY_ATTEMPTS',
          `Trop de tentatives de connexion échouées. Réessayez dans ${minutesText(minutes)}.`,
        )
      );
    },
    async recordFailure(ip, identifier) {
      const at = now();
      const k = keys(ip, identifier);
      await db.insert(loginFailures).values([k.identityAndIp, k.identity, k.ip].map((key) => ({ key, at })));
      // Old failures go at most once a minute per process (housekeeping: the counts never need it).
      if (at.getTime() - prunedAt > 60000) {
        prunedAt = at.getTime();
        await db.delete(loginFailures).where(lt(loginFailures.at, new Date(at.getTime() - windowMs)));
      }
    },
    async recordSuccess(ip, identifier) {
      await db.delete(loginFailures).where(inArray(loginFailures.key, [keys(ip, identifier).identityAndIp]));
    },
  };
}
