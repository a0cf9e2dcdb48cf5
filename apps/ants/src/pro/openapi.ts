import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { registerWithAccess } from '@permis/platform';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { PRO_TAGS } from '../doors/operation.ts';

/** The version of the professional API's contract; see docs/api.md for the changelog. */
export const PRO_API_VERSION = '1.6.0';

const SIGNATURE_HEADERS = [
  {
    name: 'webhook-id',
    description: "L'identifiant de l'événement, le même à chaque nouvel essai : ignorez un id déjà traité.",
  },
  {
    name: 'webhook-timestamp',
    description: "L'heure d'envoi en secondes Unix : refusez un envoi de plus de 5 minutes.",
  },
  {
    name: 'webhook-signature',
    description:
      "`v1,<HMAC-SHA256 en base64>` de `<webhook-id>.<webhook-timestamp>.<corps>` avec le secret `whsec_…` reçu à l'enregistrement (schéma Standard Webhooks).",
  },
].map((header) => ({ in: 'header' as const, required: true, schema: { type: 'string' as const }, ...header }));

const UPLOAD_BODY = {
  type: 'object',
  required: ['file'],
  properties: {
    file: { type: 'string', format: 'binary', description: 'Le fichier : PDF, JPEG ou PNG, 11 Mo au plus.' },
  },
};

/**
 * The OpenAPI 3.1 description of the professional API, generated from the same zod schemas that
 * validate the requests and serialise the answers, at /api/pro/v1/openapi.json, and its page at
 * /api/pro/docs. Register before the routes it describes.
 */
export async function registerOpenApi(app: FastifyInstance, publicUrl: string) {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Permis de conduire — API professionnelle des écoles de conduite',
        description:
          "Dépôt et suivi des demandes en ligne (Cerfa 02 et 06) par les logiciels des écoles de conduite. Authentification : `POST /api/pro/v1/token` avec le numéro d'agrément Cerfa, l'identifiant et le mot de passe ANTS, puis `Authorization: Bearer <jeton>`. Les erreurs sont des « problem details » (RFC 9457). Guide : docs/api.md.",
        version: PRO_API_VERSION,
        contact: { name: "Support des éditeurs de logiciels d'auto-école" },
        license: { name: 'Licence Ouverte 2.0', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' },
      },
      servers: [{ url: publicUrl, description: 'Ce service' }],
      tags: PRO_TAGS.map((tag) => ({ ...tag })),
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
      webhooks: {
        'application.updated': {
          post: {
            operationId: 'applicationUpdated',
            summary: "Une demande de l'école a changé",
            description:
              "Envoyé à l'adresse enregistrée (`PUT /api/pro/v1/webhook`) après chaque changement d'une demande, signé selon Standard Webhooks ; répondez 2xx. Sans réponse 2xx, l'envoi est retenté (même `webhook-id`) avec un délai croissant.",
            tags: ['Notifications'],
            parameters: SIGNATURE_HEADERS,
            requestBody: {
              required: true,
              content: { 'application/json': { schema: { $ref: '#/components/schemas/ApplicationUpdatedEvent' } } },
            },
            responses: { '200': { description: "Reçu : l'événement n'est plus envoyé." } },
          },
        },
      },
    },
    transform: (input) => {
      // Only the professional API is documented here: the web pages' own routes are not a contract.
      if (!input.url.startsWith('/api/pro/v1/')) return { schema: { hide: true }, url: input.url };
      const transformed = jsonSchemaTransform(input);
      // The examples of each answer, which the zod transform does not carry over.
      const original = (input.schema.response ?? {}) as Record<
        string,
        { content?: Record<string, { examples?: unknown }> }
      >;
      const response = (transformed.schema as { response?: Record<string, { content?: Record<string, object> }> })
        .response;
      for (const [status, answer] of Object.entries(original)) {
        for (const [type, media] of Object.entries(answer.content ?? {})) {
          const target = response?.[status]?.content?.[type];
          if (media.examples && target) Object.assign(target, { examples: media.examples });
        }
      }
      // A file upload is read by its route from the multipart stream: described here only.
      if (input.route.config?.contract?.upload) {
        Object.assign(transformed.schema, { body: UPLOAD_BODY, consumes: ['multipart/form-data'] });
      }
      return transformed;
    },
    transformObject: (documentObject) => withoutUnusedSchemas(jsonSchemaTransformObject(documentObject)),
  });
  await registerWithAccess(app, 'public', async (docs) => {
    await docs.register(fastifySwaggerUi, { routePrefix: '/api/pro/docs', staticCSP: true });
  });
  app.get('/api/pro/v1/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}

type Document = { components?: { schemas?: Record<string, unknown> } };

/**
 * Every named zod schema appears twice (as read, as answered); the document keeps those it uses,
 * so a generated client holds no type nothing refers to.
 */
function withoutUnusedSchemas<D>(document: D): D {
  const schemas = (document as Document).components?.schemas;
  if (!schemas) return document;
  for (;;) {
    const text = JSON.stringify({ ...document, components: { ...(document as Document).components, schemas: {} } });
    const inSchemas = JSON.stringify(schemas);
    const unused = Object.keys(schemas).filter((name) => {
      const ref = `"#/components/schemas/${name}"`;
      return !text.includes(ref) && !inSchemas.includes(ref);
    });
    if (unused.length === 0) return document;
    for (const name of unused) delete schemas[name];
  }
}
