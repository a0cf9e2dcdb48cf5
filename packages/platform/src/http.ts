import { existsSync, readdirSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import { constants as zlibConstants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import helmet from 'helmet';
import { z } from 'zod';
import { answerWriter, CHECK_ANSWERS } from './answers.ts';
import { AppError, type PlatformErrorCode, platformError } from './errors.ts';
import { loggableError, loggerOptions } from './logger.ts';
import { PROBLEM_CONTENT_TYPE, type ProblemCatalogue, problemBody, problemWriter } from './problems.ts';

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

type Refusal = { status: number; code: PlatformErrorCode; message: string };

/** Stable codes and French messages for what the HTTP layer refuses before a route runs, by status. */
const HTTP_REFUSALS: Record<number, Omit<Refusal, 'status'>> = {
  400: { code: 'BAD_REQUEST', message: 'La requête est mal formée.' },
  404: { code: 'NOT_FOUND', message: "L'adresse demandée n'existe pas." },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'Cette méthode HTTP est refusée ici.' },
  406: { code: 'NOT_ACCEPTABLE', message: 'Format de réponse non disponible.' },
  408: {
    code: 'REQUEST_TIMEOUT',
    message: "La requête n'a pas été reçue entièrement à temps : envoyez-la de nouveau.",
  },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'Le contenu envoyé est trop volumineux.' },
  414: { code: 'URI_TOO_LONG', message: "L'adresse de la requête est trop longue." },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: "Ce type de contenu n'est pas accepté." },
  429: { code: 'RATE_LIMITED', message: 'Trop de requêtes : veuillez patienter avant de réessayer.' },
  431: { code: 'HEADERS_TOO_LARGE', message: 'Les en-têtes de la requête sont trop volumineux.' },
};

const byStatus = (status: number, message?: string): Refusal => {
  const refusal = HTTP_REFUSALS[status] ?? { code: 'BAD_REQUEST', message: 'Requête refusée.' };
  return { status, code: refusal.code, message: message ?? refusal.message };
};

const MALFORMED_HTTP = byStatus(400, 'La requête HTTP est mal formée.');
const INTERNAL_MESSAGE = 'Une erreur inattendue est survenue. Veuillez réessayer.';

/**
 * Fastify's own refusals (FST_ERR_*) and Node's HTTP parser's (HPE_*, ERR_HTTP_*), by their code:
 * a stable code and a French detail that says what to fix, never the request's text (Fastify's own
 * messages repeat the URL). Any other code takes its status's refusal (HTTP_REFUSALS).
 */
const FRAMEWORK_REFUSALS: Record<string, Refusal> = {
  FST_ERR_BAD_URL: byStatus(
    400,
    "L'adresse demandée est mal encodée : un « % » doit être suivi de deux chiffres hexadécimaux.",
  ),
  FST_ERR_MAX_PARAM_LENGTH: byStatus(414, "Un élément de l'adresse demandée est trop long."),
  FST_ERR_CTP_INVALID_JSON_BODY: byStatus(
    400,
    "Le corps de la requête n'est pas du JSON valide, ou il contient une clé réservée (« __proto__ », « constructor »).",
  ),
  FST_ERR_CTP_EMPTY_JSON_BODY: byStatus(
    400,
    'Le corps de la requête est vide alors que son type est application/json.',
  ),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: byStatus(
    400,
    'La taille annoncée du contenu (Content-Length) ne correspond pas au contenu reçu.',
  ),
  FST_ERR_CTP_BODY_TOO_LARGE: byStatus(413),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: byStatus(415, "Ce type de contenu (Content-Type) n'est pas accepté ici."),
  FST_ERR_ROUTE_MISSING_CONTENT_TYPE: byStatus(400, "L'en-tête Content-Type manque."),
  FST_ERR_VALIDATION: { status: 400, code: 'VALIDATION', message: 'Certains champs sont invalides.' },
  FST_ERR_NOT_FOUND: byStatus(404),
  // Node's HTTP parser: the connection is closed after the answer.
  HPE_HEADER_OVERFLOW: byStatus(431),
  HPE_CHUNK_EXTENSIONS_OVERFLOW: byStatus(413),
  ERR_HTTP_REQUEST_TIMEOUT: byStatus(408),
  HPE_INVALID_CONTENT_LENGTH: byStatus(400, "L'en-tête Content-Length est invalide."),
  HPE_UNEXPECTED_CONTENT_LENGTH: byStatus(
    400,
    "L'en-tête Content-Length est invalide ou accompagne un Transfer-Encoding : n'en envoyez qu'un.",
  ),
  HPE_INVALID_TRANSFER_ENCODING: byStatus(400, "L'en-tête Transfer-Encoding est invalide."),
  HPE_INVALID_CHUNK_SIZE: byStatus(400, 'Le contenu découpé (Transfer-Encoding: chunked) est mal formé.'),
  HPE_INVALID_METHOD: byStatus(400, 'La méthode HTTP de la requête est inconnue.'),
  HPE_INVALID_VERSION: byStatus(400, 'Version du protocole HTTP non prise en charge : envoyez la requête en HTTP/1.1.'),
  HPE_INVALID_HEADER_TOKEN: byStatus(400, 'Un en-tête de la requête contient un caractère interdit.'),
  HPE_LF_EXPECTED: MALFORMED_HTTP,
  HPE_INVALID_URL: byStatus(400, "L'adresse de la requête est mal formée."),
};

/** The refusal of an error thrown by Fastify (or a plugin) with a 4xx status: by its code, else its status. */
function refusalOf(error: FastifyError, refusals: Record<string, Refusal>): Refusal {
  const known = error.code ? refusals[error.code] : undefined;
  if (known) return known;
  return byStatus(error.statusCode ?? 400);
}

/**
 * The longest URL answered (path and query): 8 KiB, as common proxies allow. Node's parser refuses
 * at 16 KiB of request line and headers together: a longer request line is answered 414 too.
 */
export const MAX_URL_LENGTH = 8 * 1024;

/** Node's parser refusal of one request: a header overflow within the request line is a URL too long. */
function parserRefusal(error: { code?: string; rawPacket?: Buffer }): Refusal {
  if (error.code === 'HPE_HEADER_OVERFLOW' && error.rawPacket) {
    // The packet that overflowed starts the request: its first line is the request line.
    const packet = error.rawPacket;
    if (/^[A-Z]+ /.test(packet.subarray(0, 16).toString('latin1'))) {
      const lineEnd = packet.indexOf('\r\n');
      if (lineEnd < 0 || lineEnd > MAX_URL_LENGTH) return byStatus(414);
    }
  }
  return (error.code ? FRAMEWORK_REFUSALS[error.code] : undefined) ?? MALFORMED_HTTP;
}

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

/** Whether Fastify reads a body for this request (it never does for GET and HEAD). */
function sendsBody(request: IncomingMessage): boolean {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'TRACE') return false;
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

const isApi = (url: string) => /^\/api(\/|\?|$)/i.test(url);

/**
 * A refusal written straight on the connection, as HTTP/1.1 problem details, where no Fastify reply
 * exists (Node's parser could not read the request): the same body, the security headers, and
 * `connection: close` (the rest of the connection cannot be read).
 */
function rawProblem(catalogue: ProblemCatalogue, refusal: Refusal): string {
  const body = JSON.stringify(problemBody(catalogue, refusal.status, refusal.code, refusal.message));
  const headers = {
    'content-type': PROBLEM_CONTENT_TYPE,
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    connection: 'close',
    ...SECURITY_HEADERS,
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** Answers a connection with a raw refusal, then closes it; one already answering is only closed. */
function refuseConnection(socket: Socket, answer: string) {
  const answering = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
  if (!socket.writable || answering?.headersSent) {
    socket.destroy();
    return;
  }
  socket.end(answer, () => socket.destroy());
}

/** A Fastify server with the plumbing both services share: zod, cookies, security headers, errors. */
export async function createHttpServer(options: HttpOptions) {
  const logger = {
    ...loggerOptions(options.service, options.logLevel),
    ...(options.logStream ? { stream: options.logStream } : {}),
  };
  const bodyLimit = options.bodyLimit ?? 1024 * 1024;
  const refusals: Record<string, Refusal> = {
    ...FRAMEWORK_REFUSALS,
    FST_ERR_CTP_BODY_TOO_LARGE: byStatus(
      413,
      `Le contenu envoyé dépasse la taille acceptée (${Math.max(1, Math.round(bodyLimit / (1024 * 1024)))} Mo au plus).`,
    ),
  };
  const problem = problemWriter(options.problems);
  /** Answers a refusal through Fastify, with the headers every answer carries. */
  const refuse = (request: FastifyRequest, reply: FastifyReply, refusal: Refusal) => {
    reply.headers(SECURITY_HEADERS);
    if (isApi(request.url)) reply.header('cache-control', 'no-store');
    return problem(reply, refusal.status, refusal.code, refusal.message);
  };
  const app = Fastify({
    logger,
    bodyLimit,
    trustProxy: trustedHops(options.trustProxy ?? false),
    // Request ids are random, never derived from user input.
    genReqId: () => crypto.randomUUID(),
    // What the router refuses before any hook (a URL badly encoded, a path parameter too long):
    // Fastify's own answers repeat the URL, in English and in plain JSON.
    frameworkErrors: (error, request, reply) => {
      const status = error.statusCode ?? 500;
      if (status < 500) {
        refuse(request, reply, refusalOf(error, refusals));
        return;
      }
      request.log.error({ error: loggableError(error) }, 'erreur interne');
      refuse(request, reply, { status: 500, code: 'INTERNAL', message: INTERNAL_MESSAGE });
    },
    // What Node's HTTP parser refuses (URL or headers too large, a broken Content-Length or chunk, a
    // request line unreadable, a request too slow): answered on the socket, no request exists.
    clientErrorHandler: (error, socket) => {
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      const refusal = parserRefusal(error as typeof error & { rawPacket?: Buffer });
      app.log.debug({ code: error.code, status: refusal.status }, 'requête illisible refusée');
      refuseConnection(socket, rawProblem(options.problems, refusal));
    },
  }).withTypeProvider<ZodTypeProvider>();
  // A client expecting something else than 100-continue is served as if it had not asked (RFC 9110
  // §10.1.1 lets a server ignore it): Node would answer 417 itself, in no documented shape.
  app.server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => {
    app.server.emit('request', request, response);
  });
  // CONNECT (a proxy's method) names no route here: Node would close the connection unanswered.
  app.server.on('connect', (_request: IncomingMessage, socket: Socket) => {
    refuseConnection(socket, rawProblem(options.problems, byStatus(404)));
  });
  // Bodies are JSON (or multipart where a route reads a file): plain text is a refused type, not a
  // string the routes' schemas would refuse field by field.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(({ schema }) => answerWriter(schema as z.ZodType, { check: CHECK_ANSWERS }));
  // Every route, as registered: the security matrix test fails on a route it does not list.
  const routeList: { method: string; url: string }[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeList.push({ method, url: route.url });
    }
  });

  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    if (request.url.length > MAX_URL_LENGTH) return done(platformError('URI_TOO_LONG', byStatus(414).message));
    const encoding = request.headers['content-encoding'];
    if (encoding && !/^\s*identity\s*$/i.test(encoding) && sendsBody(request.raw)) {
      return done(
        platformError(
          'UNSUPPORTED_MEDIA_TYPE',
          "Le contenu compressé (Content-Encoding) n'est pas accepté : envoyez-le sans compression.",
        ),
      );
    }
    done();
  });
  await app.register(fastifyCookie);
  // An answer over 1 KB goes compressed to whoever accepts it (a list page is several times smaller
  // on a phone). Brotli at quality 4 costs about gzip's CPU for a smaller answer; the default (11)
  // would cost more than the request. Images, PDFs and the pages' precompressed copies pass as they are.
  await app.register(fastifyCompress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  // API answers, files and PDFs hold personal data: no browser or proxy may keep a copy.
  app.addHook('onSend', async (request, reply) => {
    if (isApi(request.url) && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  // PostgreSQL text holds no NUL character: refused here, on every route, before it reaches a query.
  app.addHook('preValidation', async (request) => {
    if (holdsNul(request.params) || holdsNul(request.query) || holdsNul(request.body)) {
      throw platformError('INVALID_CHARACTER', INVALID_CHARACTER_MESSAGE);
    }
  });

  app.decorate('problem', problem);
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return problem(reply, error.status, error.code, error.message, error.fields, error.extensions);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((issue) => ({
        path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: fieldMessage(issue.keyword, issue.message),
      }));
      return problem(reply, 400, 'VALIDATION', 'Certains champs sont invalides.', fields);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const refusal = refusalOf(error, refusals);
      return problem(reply, refusal.status, refusal.code, refusal.message);
    }
    request.log.error({ error: loggableError(error) }, 'erreur interne');
    return problem(reply, 500, 'INTERNAL', INTERNAL_MESSAGE);
  });

  // An unknown address: problem details, or the web page (serveWebApp) for a page's own address.
  let webPage: ((request: FastifyRequest, reply: FastifyReply) => unknown) | undefined;
  app.decorate('serveWebPage', (page: typeof webPage) => {
    webPage = page;
  });
  app.setNotFoundHandler((request, reply) => {
    // Routes are case-sensitive: "/API/…" is an unknown API path too, answered in the error shape,
    // never with the page; so is an unregistered development route.
    const lower = request.url.toLowerCase();
    if (!webPage || request.method !== 'GET' || /^\/(api|dev)(\/|\?|$)/.test(lower)) {
      return problem(reply, 404, 'NOT_FOUND', byStatus(404).message);
    }
    return webPage(request, reply);
  });

  return app;
}

/**
 * The message of one wrong field: zod's, except where it would repeat the request (the names of
 * keys a strict object does not know).
 */
function fieldMessage(keyword: string, message: string | undefined): string {
  if (keyword === 'unrecognized_keys') return 'Champ non prévu : retirez-le.';
  return message ?? 'Valeur invalide.';
}

export type HttpServer = Awaited<ReturnType<typeof createHttpServer>>;

declare module 'fastify' {
  interface FastifyInstance {
    routeList: { method: string; url: string }[];
    /**
     * Answers one of the platform's errors as problem details, where no error can be thrown; a
     * service throws its own errors, built by its table.
     */
    problem(reply: FastifyReply, status: number, code: PlatformErrorCode, detail: string): FastifyReply;
    /** What an unknown GET address outside /api and /dev answers (the web page: serveWebApp). */
    serveWebPage(page: (request: FastifyRequest, reply: FastifyReply) => unknown): void;
  }
}

/** A year: a hashed file name changes with its content, so its answer never goes stale. */
export const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
/** The page and unhashed files: kept, but asked again each time (a new version shows at once). */
export const PAGE_CACHE = 'no-cache';

/**
 * Serves the built React page, with the SPA fallback to index.html for client-side routes: the
 * brotli or gzip copy written at build when the browser accepts it (scripts/precompress.ts), the
 * hashed assets (`assets/`) cached for a year, the rest revalidated at each visit.
 */
export async function serveWebApp(app: FastifyInstance, webDir: string, { signIn }: { signIn?: SignInFirst } = {}) {
  const built = existsSync(path.join(webDir, 'index.html'));
  if (built) {
    const assets = path.join(webDir, 'assets') + path.sep;
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) => {
        reply.header('cache-control', file.startsWith(assets) ? HASHED_ASSET_CACHE : PAGE_CACHE);
      },
    });
  }
  const prerendered = prerenderedPages(webDir);
  app.serveWebPage((request, reply) => {
    if (!built) {
      return app.problem(
        reply,
        503,
        'WEB_PAGE_NOT_BUILT',
        'La page web de ce service n’est pas construite : lancez « npm run build ».',
      );
    }
    // A visitor without any session asking a space's home is sent to its login page by the server,
    // drawn at build, instead of downloading the scripts to learn the same thing from the API.
    const login = signIn?.homes[request.url];
    if (login && request.cookies[signIn.cookie] === undefined) return reply.redirect(login, 303);
    const drawn = prerendered.get(request.url);
    return reply.type('text/html; charset=utf-8').sendFile(drawn ?? 'index.html');
  });
}

/** The homes of the spaces that need a session, each with its login page, and the session's cookie. */
export type SignInFirst = { cookie: string; homes: Readonly<Record<string, string>> };

/**
 * The pages drawn at build (scripts/prerender.ts: `prerendered/pro/connexion.html` for
 * `/pro/connexion`), by the address they are sent for. An address with a query string gets the
 * empty page: what the query changes (an error to show) was not drawn.
 */
function prerenderedPages(webDir: string): Map<string, string> {
  const folder = path.join(webDir, 'prerendered');
  if (!existsSync(folder)) return new Map();
  return new Map(
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
      .map((entry) => {
        const file = path.relative(webDir, path.join(entry.parentPath, entry.name));
        const address = `/${path.relative(folder, path.join(entry.parentPath, entry.name)).replace(/\.html$/, '')}`;
        const url = address.split(path.sep).join('/');
        return [url === '/index' ? '/' : url, file] as const;
      }),
  );
}
