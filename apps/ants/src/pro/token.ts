import { revokedTokensSchema, tokenRequestSchema, tokenResponseSchema } from '@permis/ants-api';
import { type HttpServer, prepared, randomToken, sha256 } from '@permis/platform';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AntsDb } from '../db/index.ts';
import { apiTokens, proAccounts, proUsers } from '../db/schema.ts';
import { schoolAudit } from '../domain/actor.ts';
import { recordAudit } from '../domain/audit.ts';
import { antsError } from '../domain/errors.ts';
import type { AntsServices } from '../services.ts';
import { proOperation } from './operation.ts';
import { createProSignIn } from './signIn.ts';

const TOKEN_TTL_MS = 60 * 60 * 1000;

/** The school calling the professional API, and the user whose credentials got the token. */
export type ProCaller = { id: string; userId: string; agrementNumber: string; schoolName: string };

/**
 * The professional API authenticates a driving-school office by its Cerfa agrément number, ANTS
 * login and password, and answers a bearer token valid one hour (only its hash is stored).
 */
export function tokenRoutes(app: HttpServer, { db }: AntsServices) {
  const proSignIn = createProSignIn(db);
  app.post(
    '/api/pro/v1/token',
    proOperation(
      {
        id: 'createToken',
        summary: 'Obtenir un jeton',
        description:
          "Avec le numéro d'agrément Cerfa de l'établissement, l'identifiant et le mot de passe ANTS : un jeton porteur valable une heure. Après cinq échecs, l'identifiant est bloqué un moment (`TOO_MANY_ATTEMPTS`).",
        tag: 'Authentification',
        public: true,
        body: true,
        answers: [{ description: 'Le jeton et son expiration.', schema: tokenResponseSchema }],
        errors: ['AUTHENTICATION_FAILED', 'TOO_MANY_ATTEMPTS'],
      },
      { body: tokenRequestSchema },
    ),
    async (request) => {
      const { accountId, userId } = await proSignIn.signIn(request.ip, request.body, 'api');
      const token = randomToken();
      const expiresAt = new Date(Date.now() + TOKEN_TTL_MS);
      await db.delete(apiTokens).where(lt(apiTokens.expiresAt, new Date()));
      await db
        .insert(apiTokens)
        .values({ tokenHash: sha256(token), proAccountId: accountId, proUserId: userId, expiresAt });
      return { token, expiresAt: expiresAt.toISOString() };
    },
  );

  // Revocation: the token presented, or with `all=true` every token of the establishment (one
  // leaked, a software replaced). A user's password change or disabling revokes theirs (revokeProTokens).
  app.delete(
    '/api/pro/v1/token',
    proOperation(
      {
        id: 'revokeTokens',
        summary: 'Révoquer le jeton (ou tous ceux du compte)',
        description:
          'Le jeton présenté ; avec `all=true`, tous les jetons du compte (un jeton divulgué, un logiciel remplacé).',
        tag: 'Authentification',
        answers: [{ description: 'Combien de jetons sont révoqués.', schema: revokedTokensSchema }],
        errors: [],
      },
      { querystring: z.object({ all: z.enum(['true', 'false']).default('false') }) },
    ),
    async (request) => {
      const caller = await requireProCaller(db, request);
      const revoked =
        request.query.all === 'true'
          ? await revokeProTokens(db, { proAccountId: caller.id })
          : (
              await db
                .delete(apiTokens)
                .where(eq(apiTokens.tokenHash, sha256(bearerToken(request))))
                .returning()
            ).length;
      await recordAudit(db, {
        by: schoolAudit(caller),
        action: request.query.all === 'true' ? 'api.token_revoke_all' : 'api.token_revoke',
        target: 'pro_account',
        targetId: caller.id,
      });
      return { revoked };
    },
  );
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
