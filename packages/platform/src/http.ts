import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from './errors.ts';
import { loggerOptions } from './logger.ts';

// Validation messages users see are in French.
z.config(z.locales.fr());

export type HttpOptions = {
  service: string;
  logLevel: string;
  /** A pino destination for tests that read the logs; stdout otherwise. */
  logStream?: NodeJS.WritableStream;
  bodyLimit?: number;
};

const HTTP_MESSAGES: Record<number, string> = {
  400: 'La requête est mal formée.',
  404: "L'adresse demandée n'existe pas.",
  405: 'Cette méthode HTTP est refusée ici.',
  406: 'Format de réponse non disponible.',
  413: 'Le contenu envoyé est trop volumineux.',
  415: "Ce type de contenu n'est pas accepté.",
  429: 'Trop de requêtes : veuillez patienter avant de réessayer.',
};

/** A Fastify server with the plumbing both services share: zod, cookies, security headers, errors. */
export async function createHttpServer(options: HttpOptions) {
  const logger = {
    ...loggerOptions(options.service, options.logLevel),
    ...(options.logStream ? { stream: options.logStream } : {}),
  };
  const app = Fastify({
    logger,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: false,
    // Request ids are random, never derived from user input.
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Every route, as registered: the security matrix test fails on a route it does not list.
  const routeList: { method: string; url: string }[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeList.push({ method, url: route.url });
    }
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine and the DSFR set inline style attributes and CSS variables.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifyCookie);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply
        .status(error.status)
        .send({ error: { code: error.code, message: error.message, fields: error.fields } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((issue) => ({
        path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: issue.message ?? 'Valeur invalide.',
      }));
      return reply.status(400).send({
        error: { code: 'VALIDATION', message: 'Certains champs sont invalides.', fields },
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send({
        error: { code: error.code ?? 'BAD_REQUEST', message: HTTP_MESSAGES[status] ?? 'Requête refusée.' },
      });
    }
    request.log.error({ err: error }, 'erreur interne');
    return reply.status(500).send({
      error: { code: 'INTERNAL', message: 'Une erreur inattendue est survenue. Veuillez réessayer.' },
    });
  });

  return app;
}

export type HttpServer = Awaited<ReturnType<typeof createHttpServer>>;

declare module 'fastify' {
  interface FastifyInstance {
    routeList: { method: string; url: string }[];
  }
}

/** Serves the built React page, with the SPA fallback to index.html for client-side routes. */
export async function serveWebApp(app: FastifyInstance, webDir: string) {
  const built = existsSync(path.join(webDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/api';
    if (request.method !== 'GET' || isApi) {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: HTTP_MESSAGES[404] } });
    }
    if (!built) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('La page web de ce service n’est pas construite : lancez « npm run build ».');
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
