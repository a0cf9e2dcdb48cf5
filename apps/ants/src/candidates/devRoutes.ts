import type { HttpServer } from '@permis/platform';
import { z } from 'zod';
import type { AntsDb } from '../db/index.ts';
import { expireUnactivatedAccounts } from './expiry.ts';
import { markLegacyCredentials } from './legacyCredentials.ts';

/**
 * Development and browser tests only (DEV_TOOLS=1), never a page's: the expiry sweep run as if the
 * clock were `days` later (the 7 days crossed without waiting), and an account's password marked
 * as one whose proof was not kept (legacyCredentials.ts).
 */
export function candidateDevRoutes(app: HttpServer, db: AntsDb) {
  app.post(
    '/dev/clock/expiry',
    { config: { access: 'dev' }, schema: { body: z.object({ days: z.number().int().min(0).max(60) }) } },
    async (request) => ({
      expired: await expireUnactivatedAccounts(db, new Date(Date.now() + request.body.days * 24 * 3600 * 1000)),
    }),
  );
  app.post(
    '/dev/candidates/legacy-credentials',
    { config: { access: 'dev' }, schema: { body: z.object({ email: z.email().max(200) }) } },
    async (request) => ({ changed: await markLegacyCredentials(db, request.body.email) }),
  );
}
