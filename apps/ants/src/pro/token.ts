import { API_ERRORS, revokedTokensSchema, tokenRequestSchema, tokenResponseSchema } from '@permis/ants-api';
import { createLoginThrottle, type HttpServer, randomToken, sha256, verifyPassword } from '@permis/platform';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AntsDb } from '../db/index.ts';
import { apiTokens, auditEvents, proAccounts } from '../db/schema.ts';
import type { AntsServices } from '../services.ts';
import { proError } from './errors.ts';
import { proOperation } from './operation.ts';

const TOKEN_TTL_MS = 60 * 60 * 1000;

export type ProCaller = { id: string; agrementNumber: string; schoolName: string };

/**
 * The professional API authenticates a driving-school office by its Cerfa agrément number, ANTS
 * login and password, and answers a bearer token valid one hour (only its hash is stored).
 */
export function tokenRoutes(app: HttpServer, { db }: AntsServices) {
  const throttle = createLoginThrottle(db, { scope: 'pro' });
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
    async (request, reply) => {
      const { agrementNumber, login, password } = request.body;
      const key = `${agrementNumber}/${login}`;
      await throttle.assertAllowed(request.ip, key);
      const [row] = await db
        .select()
        .from(proAccounts)
        .where(and(eq(proAccounts.agrementNumber, agrementNumber), eq(proAccounts.login, login)))
        .limit(1);
      // Verified even for an unknown account, so the answer takes as long either way.
      const ok = await verifyPassword(row?.passwordHash, password);
      if (!row?.active || !ok) {
        await throttle.recordFailure(request.ip, key);
        return app.problem(reply, 401, 'AUTHENTICATION_FAILED', API_ERRORS.AUTHENTICATION_FAILED.title);
      }
      await throttle.recordSuccess(request.ip, key);
      const token = randomToken();
      const expiresAt = new Date(Date.now() + TOKEN_TTL_MS);
      await db.delete(apiTokens).where(lt(apiTokens.expiresAt, new Date()));
      await db.insert(apiTokens).values({ tokenHash: sha256(token), proAccountId: row.id, expiresAt });
      await db.insert(auditEvents).values({
        actorType: 'school',
        actorId: row.id,
        action: 'api.token',
        targetType: 'pro_account',
        targetId: row.id,
      });
      return { token, expiresAt: expiresAt.toISOString() };
    },
  );

  // Revocation: the token presented, or with `all=true` every token of the account (one leaked,
  // a software replaced). A password change, once accounts have one, must call `revokeProTokens`.
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
          ? await revokeProTokens(db, caller.id)
          : (
              await db
                .delete(apiTokens)
                .where(eq(apiTokens.tokenHash, sha256(bearerToken(request))))
                .returning()
            ).length;
      await db.insert(auditEvents).values({
        actorType: 'school',
        actorId: caller.id,
        action: request.query.all === 'true' ? 'api.token_revoke_all' : 'api.token_revoke',
        targetType: 'pro_account',
        targetId: caller.id,
      });
      return { revoked };
    },
  );
}

/** Revokes every bearer token of a professional account: answers how many. */
export async function revokeProTokens(db: Pick<AntsDb, 'delete'>, proAccountId: string): Promise<number> {
  return (await db.delete(apiTokens).where(eq(apiTokens.proAccountId, proAccountId)).returning()).length;
}

function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
}

/** The school behind a professional API call, resolved once per request. */
const callers = new WeakMap<FastifyRequest, ProCaller | null>();

/** The school calling the professional API with a valid bearer token, or null. */
export async function findProCaller(db: AntsDb, request: FastifyRequest): Promise<ProCaller | null> {
  const known = callers.get(request);
  if (known !== undefined) return known;
  const token = bearerToken(request);
  let found: ProCaller | null = null;
  if (token) {
    const [row] = await db
      .select({ id: proAccounts.id, agrementNumber: proAccounts.agrementNumber, schoolName: proAccounts.schoolName })
      .from(apiTokens)
      .innerJoin(proAccounts, eq(proAccounts.id, apiTokens.proAccountId))
      .where(
        and(eq(apiTokens.tokenHash, sha256(token)), gt(apiTokens.expiresAt, new Date()), eq(proAccounts.active, true)),
      )
      .limit(1);
    found = row ?? null;
  }
  callers.set(request, found);
  return found;
}

/** The school calling the professional API with its bearer token, or 401. */
export async function requireProCaller(db: AntsDb, request: FastifyRequest): Promise<ProCaller> {
  const caller = await findProCaller(db, request);
  if (!caller) throw proError('TOKEN_INVALID');
  return caller;
}
