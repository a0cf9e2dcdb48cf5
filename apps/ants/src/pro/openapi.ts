import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/**
 * The OpenAPI description of the professional API, generated from the same zod schemas that
 * validate the requests, at /api/pro/v1/openapi.json, and its page at /api/pro/docs.
 * Register before the routes it describes.
 */
export async function registerOpenApi(app: FastifyInstance) {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Permis de conduire — API professionnelle des écoles de conduite',
        description:
          "Dépôt et suivi des demandes en ligne (Cerfa 02 et 06) par les logiciels des écoles de conduite. Authentification : `POST /api/pro/v1/token` avec le numéro d'agrément Cerfa, l'identifiant et le mot de passe ANTS, puis `Authorization: Bearer <jeton>`.",
        version: '1.0.0',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: (input) => {
      const transformed = jsonSchemaTransform(input);
      // Only the professional API is documented here: the web pages' own routes are not a contract.
      if (!input.url.startsWith('/api/pro/v1/'))
        return { ...transformed, schema: { ...transformed.schema, hide: true } };
      return transformed;
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/pro/docs', staticCSP: true });
  app.get('/api/pro/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
