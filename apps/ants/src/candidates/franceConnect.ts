import { candidateLinks, candidateSpace } from '@permis/ants-api';
import { AppError, type HttpServer, loggableError, mount, type SecretBox, type SessionManager } from '@permis/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import type { FranceConnectConfig } from '../config.ts';
import type { AntsDb } from '../db/index.ts';
import { fcError, franceConnectAccount } from './franceConnectAccount.ts';
import { pivotClaims, pivotOf } from './pivot.ts';
import { startCandidateSession } from './signIn.ts';

/** FranceConnect's scopes: the identity pivot and the email (each scope is its claim's name). */
const SCOPES = 'openid given_name family_name birthdate gender birthplace birthcountry email';
const CALLBACK = '/api/candidate/franceconnect/callback';
const LOGIN_PAGE = '/monespace/connexion';
/** The sign-in under way (state, nonce, PKCE verifier), sealed in a cookie: any instance can finish it. */
const PENDING_COOKIE = 'fc_pending';
/** The ID token of the FranceConnect sign-in, sealed: logout goes through the provider with it. */
const LOGOUT_COOKIE = 'fc_logout';
const PENDING_MINUTES = 10;

type Pending = { state: string; nonce: string; verifier: string; expiresAt: number };

/**
 * Sign-in with FranceConnect (openid-client, certified): authorisation code with PKCE, state and
 * nonce checked against the sealed cookie the start set, the ID token's signature and claims
 * checked by the library, the pivot read from userinfo, then the account found or made
 * (franceConnectAccount.ts). The provider's configuration is discovered once, again after a failure.
 */
export function createFranceConnect(config: FranceConnectConfig, publicUrl: string, box: SecretBox, secure: boolean) {
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = () => {
    discovered ??= oidc
      .discovery(
        new URL(config.issuer),
        config.clientId,
        {
          client_secret: config.clientSecret,
          ...(config.userinfoAlg ? { userinfo_signed_response_alg: config.userinfoAlg } : {}),
        },
        oidc.ClientSecretPost(config.clientSecret),
        {
          // The local stand-in answers on http://localhost; the real FranceConnect only on https.
          execute: new URL(config.issuer).protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
          timeout: 10,
        },
      )
      .catch((error) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };
  const cookie = (path: string, maxAgeSeconds: number) => ({
    path,
    httpOnly: true,
    // Lax: the provider brings the browser back with a top-level GET from its own site.
    sameSite: 'lax' as const,
    secure,
    maxAge: maxAgeSeconds,
  });

  return {
    /** Where to send the browser to sign in, with this attempt's checks kept in a sealed cookie. */
    async start(reply: FastifyReply): Promise<string> {
      const server = await configuration();
      const pending: Pending = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        verifier: oidc.randomPKCECodeVerifier(),
        expiresAt: Date.now() + PENDING_MINUTES * 60_000,
      };
      reply.setCookie(PENDING_COOKIE, box.seal(JSON.stringify(pending)), cookie(CALLBACK, PENDING_MINUTES * 60));
      return oidc
        .buildAuthorizationUrl(server, {
          redirect_uri: new URL(CALLBACK, publicUrl).href,
          scope: SCOPES,
          state: pending.state,
          nonce: pending.nonce,
          code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
          code_challenge_method: 'S256',
          acr_values: 'eidas1',
        })
        .toString();
    },

    /** The provider's answer checked and exchanged: the identity pivot, or an AppError. */
    async finish(request: FastifyRequest, reply: FastifyReply) {
      const pending = readPending(box, request.cookies[PENDING_COOKIE]);
      reply.clearCookie(PENDING_COOKIE, { path: CALLBACK });
      if (!pending) throw failed();
      const server = await configuration();
      const tokens = await oidc.authorizationCodeGrant(server, new URL(request.url, publicUrl), {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const subject = tokens.claims()?.sub;
      if (!subject) throw failed();
      const userinfo = await oidc.fetchUserInfo(server, tokens.access_token, subject);
      const claims = pivotClaims.safeParse(userinfo);
      const pivot = claims.success ? pivotOf(claims.data) : undefined;
      if (!pivot) {
        throw fcError('FRANCECONNECT_IDENTITY_INCOMPLETE');
      }
      if (tokens.id_token) {
        reply.setCookie(LOGOUT_COOKIE, box.seal(tokens.id_token), cookie('/api/logout', 10 * 3600));
      }
      return pivot;
    },

    /** After the session ended: the provider's logout, when this session came from FranceConnect. */
    async logoutUrl(request: FastifyRequest, reply: FastifyReply): Promise<string | undefined> {
      const sealed = request.cookies[LOGOUT_COOKIE];
      if (!sealed) return undefined;
      reply.clearCookie(LOGOUT_COOKIE, { path: '/api/logout' });
      let idToken: string;
      try {
        idToken = box.open(sealed);
      } catch {
        return undefined;
      }
      const server = await configuration();
      return oidc
        .buildEndSessionUrl(server, {
          id_token_hint: idToken,
          post_logout_redirect_uri: new URL(`${LOGIN_PAGE}?deconnexion=1`, publicUrl).href,
        })
        .toString();
    },
  };
}

export type FranceConnect = ReturnType<typeof createFranceConnect>;

function readPending(box: SecretBox, sealed: string | undefined): Pending | undefined {
  if (!sealed) return undefined;
  try {
    const pending = JSON.parse(box.open(sealed)) as Pending;
    return pending.expiresAt > Date.now() ? pending : undefined;
  } catch {
    return undefined;
  }
}

function failed() {
  return fcError('FRANCECONNECT_FAILED');
}

/**
 * The two steps of the browser's round trip. Both answer with a redirect, never a JSON error: a
 * failure comes back to the sign-in page with its code, which says it in French.
 */
export function franceConnectRoutes(
  app: HttpServer,
  ctx: { db: AntsDb; sessions: SessionManager; franceConnect?: FranceConnect },
) {
  const franceConnect = ctx.franceConnect;
  // The sign-in page offers the button only where FranceConnect is configured.
  mount(app, candidateSpace.franceConnect, { access: 'public' }, async () => ({ enabled: Boolean(franceConnect) }));
  if (!franceConnect) return;
  const back = (reply: FastifyReply, code: string) =>
    reply.redirect(`${LOGIN_PAGE}?franceconnect=${encodeURIComponent(code)}`, 303);

  app.get(candidateLinks.franceConnectLogin.path, { config: { access: 'public' } }, async (_request, reply) => {
    try {
      return reply.redirect(await franceConnect.start(reply), 303);
    } catch (error) {
      app.log.warn({ error: loggableError(error) }, 'FranceConnect unreachable');
      return back(reply, 'FRANCECONNECT_UNAVAILABLE');
    }
  });

  app.get(CALLBACK, { config: { access: 'public' } }, async (request, reply) => {
    // The user chose « Annuler » at FranceConnect, or the provider refused.
    if ((request.query as Record<string, unknown>).error) {
      reply.clearCookie(PENDING_COOKIE, { path: CALLBACK });
      return back(reply, 'FRANCECONNECT_CANCELLED');
    }
    try {
      const pivot = await franceConnect.finish(request, reply);
      const candidateId = await franceConnectAccount(ctx.db, pivot);
      await startCandidateSession(ctx, reply, candidateId);
      return reply.redirect('/monespace', 303);
    } catch (error) {
      const code = error instanceof AppError ? error.code : 'FRANCECONNECT_FAILED';
      // The error's kind and code name the failed check (state, nonce, signature); its message is
      // never logged (a database error's quotes the person's identity).
      if (!(error instanceof AppError)) app.log.warn({ error: loggableError(error) }, 'FranceConnect sign-in refused');
      return back(reply, code);
    }
  });
}
