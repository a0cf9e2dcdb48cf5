import { prepared, randomToken, sha256 } from '@permis/platform';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { AntsDb } from '../db/index.ts';
import { apiTokens, proAccounts, proUsers } from '../db/schema.ts';
import { schoolAudit } from '../domain/actor.ts';
import { recordAudit } from '../domain/audit.ts';
import { antsError } from '../domain/errors.ts';

const TOKEN_TTL_MS = 60 * 60 * 1000;

/** The school calling the professional API, and the user whose credentials got the token. */
export type ProCaller = { id: string; userId: string; agrementNumber: string; schoolName: string };

/**
 * A bearer token valid one hour for the school office whose credentials were checked (only its
 * hash is stored); the expired ones go at the same time.
 */
export async function issueApiToken(
  db: AntsDb,
  { accountId, userId }: { accountId: string; userId: string },
): Promise<{ token: string; expiresAt: string }> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + TOKEN_TTL_MS);
  await db.delete(apiTokens).where(lt(apiTokens.expiresAt, new Date()));
  await db
    .insert(apiTokens)
    .values({ tokenHash: sha256(token), proAccountId: accountId, proUserId: userId, expiresAt });
  return { token, expiresAt: expiresAt.toISOString() };
}

/**
 * Revocation: the token presented, or with `all` every token of the establishment (one leaked, a
 * software replaced), audited. A user's password change or disabling revokes theirs (revokeProTokens).
 */
export async function revokeApiTokens(
  db: AntsDb,
  caller: ProCaller,
  request: FastifyRequest,
  all: boolean,
): Promise<{ revoked: number }> {
  const revoked = all
    ? await revokeProTokens(db, { proAccountId: caller.id })
    : (
        await db
          .delete(apiTokens)
          .where(eq(apiTokens.tokenHash, sha256(bearerToken(request))))
          .returning()
      ).length;
  await recordAudit(db, {
    by: schoolAudit(caller),
    action: all ? 'api.token_revoke_all' : 'api.token_revoke',
    target: 'pro_account',
    targetId: caller.id,
  });
  return { revoked };
}

/** Revokes every bearer token of an establishment, or only its user's: answers how many. */
export async function revokeProTokens(
  db: Pick<AntsDb, 'delete'>,
  whose: { proAccountId: string } | { proUserId: string },
): Promise<number> {
  const where =
    'proUserId' in whose ? eq(apiTokens.proUserId, whose.proUserId) : eq(apiTokens.proAccountId, whose.proAccountId);
  return (await db.delete(apiTokens).where(where).returning()).length;
}

function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
}

/** The school behind a professional API call, resolved once per request. */
const callers = new WeakMap<FastifyRequest, ProCaller | null>();

/**
 * Every call of the professional API runs this lookup: built once (and PostgreSQL parses it once per
 * connection).
 */
const callerByToken = prepared((db: AntsDb) =>
  db
    .select({
      id: proAccounts.id,
      userId: proUsers.id,
      agrementNumber: proAccounts.agrementNumber,
      schoolName: proAccounts.schoolName,
    })
    .from(apiTokens)
    .innerJoin(proAccounts, eq(proAccounts.id, apiTokens.proAccountId))
    .innerJoin(proUsers, eq(proUsers.id, apiTokens.proUserId))
    .where(
      and(
        eq(apiTokens.tokenHash, sql.placeholder('hash')),
        gt(apiTokens.expiresAt, sql.placeholder('now')),
        eq(proAccounts.active, true),
        eq(proUsers.active, true),
      ),
    )
    .limit(1)
    .prepare('pro_caller_by_token'),
);

/** The school calling the professional API with a valid bearer token, or null. */
export async function findProCaller(db: AntsDb, request: FastifyRequest): Promise<ProCaller | null> {
  const known = callers.get(request);
  if (known !== undefined) return known;
  const token = bearerToken(request);
  let found: ProCaller | null = null;
  if (token) {
    const [row] = await callerByToken(db).execute({ hash: sha256(token), now: new Date() });
    found = row ?? null;
  }
  callers.set(request, found);
  return found;
}

/** The school calling the professional API with its bearer token, or 401. */
export async function requireProCaller(db: AntsDb, request: FastifyRequest): Promise<ProCaller> {
  const caller = await findProCaller(db, request);
  if (!caller) throw antsError('TOKEN_INVALID');
  return caller;
}
