import { and, eq, gt, lt } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from './db.ts';
import { platformError, unauthenticated } from './errors.ts';
import { randomToken, safeEqual, sha256 } from './tokens.ts';

/**
 * Browser sessions, the same mechanism in both services: a random token in an HttpOnly,
 * SameSite=Strict cookie; only its SHA-256 is stored. Each session carries a CSRF token that the
 * page sends back in the `x-csrf-token` header on every state-changing request, and requests from
 * another site (Origin / Sec-Fetch-Site) are refused before any handler runs.
 */
export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  subjectType: text('subject_type').notNull(),
  subjectId: uuid('subject_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

export type Session = { subjectType: string; subjectId: string; csrfToken: string; tokenHash: string };

declare module 'fastify' {
  interface FastifyRequest {
    session: Session | null;
  }
  interface FastifyContextConfig {
    /**
     * The route never uses a browser session (an API authenticated by a bearer token): its session
     * cookie is not read, and a request from another site is not refused (a forged cross-site
     * request rides on the browser's cookie, which this route ignores).
     */
    noSession?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type SessionOptions = {
  // biome-ignore lint/suspicious/noExplicitAny: any service schema that includes `sessions`.
  db: Db<any>;
  cookieName: string;
  secure: boolean;
  ttlHours?: number;
  /** The address users reach the service at (behind a TLS proxy the request itself says http). */
  publicUrl?: string;
};

export type SessionManager = {
  start(reply: FastifyReply, subjectType: string, subjectId: string): Promise<{ csrfToken: string }>;
  end(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** Ends every session of a subject (password change, account disabled). */
  endAll(subjectType: string, subjectId: string): Promise<void>;
  require(request: FastifyRequest, ...subjectTypes: string[]): Session;
};

export function registerSessions(app: FastifyInstance, options: SessionOptions): SessionManager {
  const { db, cookieName } = options;
  const publicOrigin = options.publicUrl ? new URL(options.publicUrl).origin : undefined;
  const ttlMs = (options.ttlHours ?? 10) * 3600 * 1000;
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: options.secure,
  };

  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.noSession) return;
    if (UNSAFE.has(request.method)) assertSameOrigin(request, publicOrigin);
    const token = request.cookies[cookieName];
    if (!token) return;
    const [row] = await db
      .select()
      .from(sessions)
      .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, new Date())))
      .limit(1);
    if (!row) return;
    request.session = {
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      csrfToken: row.csrfToken,
      tokenHash: row.tokenHash,
    };
    if (UNSAFE.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, row.csrfToken)) {
        throw platformError('CSRF', 'Votre session a expiré ou la page est périmée : rechargez la page et réessayez.');
      }
    }
  });

  return {
    async start(reply, subjectType, subjectId) {
      const token = randomToken();
      const csrfToken = randomToken(24);
      // Expired sessions are swept on each login: the table stays small without a job.
      await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
      await db.insert(sessions).values({
        tokenHash: sha256(token),
        subjectType,
        subjectId,
        csrfToken,
        expiresAt: new Date(Date.now() + ttlMs),
      });
      reply.setCookie(cookieName, token, { ...cookieOptions, maxAge: ttlMs / 1000 });
      return { csrfToken };
    },
    async end(request, reply) {
      if (request.session) await db.delete(sessions).where(eq(sessions.tokenHash, request.session.tokenHash));
      reply.clearCookie(cookieName, cookieOptions);
    },
    async endAll(subjectType, subjectId) {
      await db.delete(sessions).where(and(eq(sessions.subjectType, subjectType), eq(sessions.subjectId, subjectId)));
    },
    require(request, ...subjectTypes) {
      const session = request.session;
      if (!session || (subjectTypes.length > 0 && !subjectTypes.includes(session.subjectType))) throw unauthenticated();
      return session;
    },
  };
}

/**
 * An unsafe request must come from this site: its Origin, scheme and host both, is the service's
 * public address or the address the request reached (http://host:port in development).
 */
function assertSameOrigin(request: FastifyRequest, publicOrigin: string | undefined) {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site') throw crossSite();
  const origin = request.headers.origin;
  if (origin === undefined) return;
  let sent: string;
  try {
    sent = new URL(origin).origin;
  } catch {
    throw crossSite();
  }
  const reached = `${request.protocol}://${request.headers.host}`;
  if (origin === 'null' || (sent !== publicOrigin && sent !== reached)) throw crossSite();
}

const crossSite = () => platformError('CROSS_SITE', 'Requête refusée : elle ne provient pas de ce site.');
