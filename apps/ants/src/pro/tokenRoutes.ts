import { revokedTokensSchema, tokenRequestSchema, tokenResponseSchema } from '@permis/ants-api';
import type { HttpServer } from '@permis/platform';
import { z } from 'zod';
import { createProSignIn } from '../auth/proSignIn.ts';
import { issueApiToken, requireProCaller, revokeApiTokens } from '../auth/proToken.ts';
import { proOperation } from '../doors/operation.ts';
import type { AntsServices } from '../services.ts';

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
    async (request) => issueApiToken(db, await proSignIn.signIn(request.ip, request.body, 'api')),
  );

  // Revocation: the token presented, or with `all=true` every token of the establishment.
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
    async (request) => revokeApiTokens(db, await requireProCaller(db, request), request, request.query.all === 'true'),
  );
}
