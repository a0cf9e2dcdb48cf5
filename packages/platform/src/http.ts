import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import helmet from 'helmet';
import { z } from 'zod';
import { AppError } from './errors.ts';
import { loggableError, loggerOptions } from './logger.ts';
import { type ProblemCatalogue, type ProblemWriter, problemWriter } from './problems.ts';

// Validation messages users see are in French.
z.config(z.locales.fr());

export type HttpOptions = {
  service: string;
  logLevel: string;
  /** A pino destination for tests that read the logs; stdout otherwise. */
  logStream?: NodeJS.WritableStream;
  bodyLimit?: number;
  /** Behind a load balancer: whose X-Forwarded-For to believe (`request.ip` is then the client's). */
  trustProxy?: boolean | number | string;
  /** The problem `type` and `title` of a code (RFC 9457), from the service's contract. */
  problems: ProblemCatalogue;
};

/** Stable codes and French messages for what the HTTP layer refuses before a route runs. */
const HTTP_REFUSALS: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: 'La requête est mal formée.' },
  404: { code: 'NOT_FOUND', message: "L'adresse demandée n'existe pas." },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'Cette méthode HTTP est refusée ici.' },
  406: { code: 'NOT_ACCEPTABLE', message: 'Format de réponse non disponible.' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'Le contenu envoyé est trop volumineux.' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: "Ce type de contenu n'est pas accepté." },
  429: { code: 'RATE_LIMITED', message: 'Trop de requêtes : veuillez patienter avant de réessayer.' },
};

export const INVALID_CHARACTER_MESSAGE =
  'Le texte envoyé contient un caractère invalide (caractère nul) : retirez-le puis réessayez.';

/**
 * Whether a parsed body, query or params hold a NUL character in a key or a string. Iterative (a
 * deeply nested body cannot overflow the stack) and bounded by the body limit.
 */
export function holdsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return true;
    } else if (ArrayBuffer.isView(item)) {
      // Raw bytes (a parser's Buffer) are not text: nothing to look at byte by byte.
    } else if (Array.isArray(item)) {
      // One by one: spreading a body's 300,000-element array into push() overflows the call.
      for (const inner of item) pending.push(inner);
    } else if (item && typeof item === 'object') {
      for (const [key, inner] of Object.entries(item)) {
        if (key.includes('\u0000')) return true;
        pending.push(inner);
      }
    }
  }
  return false;
}

/**
 * The security headers of every answer, worked out once from helmet's policy: they depend on
 * nothing in the request, so running helmet's twelve middlewares on every answer only cost CPU
 * (3 % of a creation's in issue 17's profile). helmet also removes `X-Powered-By`, which Fastify
 * never sets.
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = (() => {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
    },
    removeHeader: () => {},
  };
  helmet({
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
  })(
    {} as Parameters<ReturnType<typeof helmet>>[0],
    recorder as unknown as Parameters<ReturnType<typeof helmet>>[1],
    (error) => {
      if (error) throw error;
    },
  );
  return Object.freeze(headers);
})();

/** A hop count as the function Fastify's types accept; addresses and booleans as they are. */
function trustedHops(trust: boolean | number | string) {
  if (typeof trust !== 'number') return trust;
  return (_address: string, hop: number) => hop < trust;
}

/** A Fastify server with the plumbing both services share: zod, cookies, security headers, errors. */
export async function createHttpServer(options: HttpOptions) {
  const logger = {
    ...loggerOptions(options.service, options.logLevel),
    ...(options.logStream ? { stream: options.logStream } : {}),
  };
  const app = Fastify({
    logger,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: trustedHops(options.trustProxy ?? false),
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

  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    done();
  });
  await app.register(fastifyCookie);
  // API answers, files and PDFs hold personal data: no browser or proxy may keep a copy.
  app.addHook('onSend', async (request, reply) => {
    if (/^\/api(\/|\?|$)/i.test(request.url) && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });
  // PostgreSQL text holds no NUL character: refused here, on every route, before it reaches a query.
  app.addHook('preValidation', async (request) => {
    if (holdsNul(request.params) || holdsNul(request.query) || holdsNul(request.body)) {
      throw new AppError(400, 'INVALID_CHARACTER', INVALID_CHARACTER_MESSAGE);
    }
  });

  const problem = problemWriter(options.problems);
  app.decorate('problem', problem);
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return problem(reply, error.status, error.code, error.message, error.fields);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((issue) => ({
        path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: issue.message ?? 'Valeur invalide.',
      }));
      return problem(reply, 400, 'VALIDATION', 'Certains champs sont invalides.', fields);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const refusal = HTTP_REFUSALS[status] ?? { code: 'BAD_REQUEST', message: 'Requête refusée.' };
      return problem(reply, status, refusal.code, refusal.message);
    }
    request.log.error({ error: loggableError(error) }, 'erreur interne');
    return problem(reply, 500, 'INTERNAL', 'Une erreur inattendue est survenue. Veuillez réessayer.');
  });

  return app;
}

export type HttpServer = Awaited<ReturnType<typeof createHttpServer>>;

declare module 'fastify' {
  interface FastifyInstance {
    routeList: { method: string; url: string }[];
    /** Answers an error as problem details: the one error shape of both services. */
    problem: ProblemWriter;
  }
}

/** Serves the built React page, with the SPA fallback to index.html for client-side routes. */
export async function serveWebApp(app: FastifyInstance, webDir: string) {
  const built = existsSync(path.join(webDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    // Routes are case-sensitive: "/API/…" is an unknown API path too, answered in the error shape,
    // never with the page; so is an unregistered development route.
    const lower = request.url.toLowerCase();
    const isApi = /^\/(api|dev)(\/|\?|$)/.test(lower);
    if (request.method !== 'GET' || isApi) {
      const refusal = HTTP_REFUSALS[404]!;
      return app.problem(reply, 404, refusal.code, refusal.message);
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
