import { createSharedRateLimiter, type HttpServer, type RatePolicy, rateLimitHeaders } from '@permis/platform';
import { findProCaller } from '../auth/proToken.ts';
import type { AntsDb } from '../db/index.ts';
import { antsError } from '../domain/errors.ts';

/**
 * The professional API's quota, per school account (per address before a token is given): every
 * answer of a documented operation says where the caller stands (`RateLimit-Policy`, `RateLimit`),
 * and a caller over its quota waits for the window to end (429, `Retry-After`). Each instance counts
 * in memory and merges into the database every second (createSharedRateLimiter: no write per
 * request, no row lock shared by an account's concurrent requests), so every instance counts the
 * same requests within a second; one school over its quota slows no other.
 */
export function rateLimitProApi(app: HttpServer, db: AntsDb, perMinute: number, now?: () => Date) {
  const policy: RatePolicy = { name: 'pro', quota: perMinute, windowSeconds: 60 };
  const limiter = createSharedRateLimiter(db, policy, { now, log: app.log });
  // The last second's requests are merged as the instance stops (its quota's share is not lost).
  app.addHook('onClose', async () => {
    await limiter.stop().catch((error) => app.log.error({ err: error }, 'fusion des compteurs de quota impossible'));
  });
  // onRequest: before any body is read, so a caller over its quota costs one query.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.routeOptions.config.contract) return;
    const caller = await findProCaller(db, request);
    const taken = await limiter.take(caller ? `account:${caller.id}` : `address:${request.ip}`);
    reply.headers(rateLimitHeaders(policy, taken));
    if (!taken.allowed) {
      reply.header('retry-after', String(taken.resetSeconds));
      throw antsError('RATE_LIMITED', `Trop de requêtes pour ce compte : réessayez dans ${taken.resetSeconds} s.`);
    }
  });
}
