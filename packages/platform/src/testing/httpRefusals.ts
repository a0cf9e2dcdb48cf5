import { type RawAnswer, rawHttp } from './rawHttp.ts';

/** Put in the URL, the headers and the bodies of the requests below: no answer may repeat it. */
export const ECHO_MARKER = 'Zq7echo35';

/** Where a service's refusals are tried. */
export type RefusalTarget = {
  /** A GET route with a path parameter, `{}` where its value goes. */
  paramRoute: string;
  /** A route reading a JSON body. */
  jsonRoute: { method: 'POST' | 'PUT'; url: string };
  /** Headers that take a request to the route's own checks (a bearer token; a session cookie and its CSRF token). */
  headers?: Record<string, string>;
  /** The services' JSON body limit. */
  bodyLimit: number;
  /** A route reading one uploaded file (`readUploadedFile`), and its size limit. */
  upload?: { url: string; maxBytes: number };
};

/** One request sent as raw bytes, and the answer expected: a status and a code, or only "not a 5xx". */
export type RefusalCase = {
  name: string;
  request: string | Buffer;
  status: number | 'below 500';
  code?: string;
  /** Refused by the HTTP parser: the connection cannot be read further, the answer says it closes. */
  closes?: boolean;
};

const CRLF = '\r\n';

function request(
  method: string,
  url: string,
  headers: Record<string, string | number> = {},
  body: string | Buffer = '',
): Buffer {
  const lines = [
    `${method} ${url} HTTP/1.1`,
    'Host: localhost',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return Buffer.concat([Buffer.from(`${lines.join(CRLF)}${CRLF}${CRLF}`, 'latin1'), Buffer.from(body)]);
}

/**
 * What a client can send that Fastify or Node's HTTP parser refuses before (or instead of) a route:
 * bad URL encoding, URLs and headers too long, bodies too large, unreadable or of a refused type,
 * broken Content-Length and chunks, unknown routes and methods.
 */
export function refusalCases(target: RefusalTarget): RefusalCase[] {
  const marker = ECHO_MARKER;
  const auth = target.headers ?? {};
  const param = (value: string) => target.paramRoute.replace('{}', value);
  const { method, url } = target.jsonRoute;
  const json = (body: string | Buffer, headers: Record<string, string | number> = {}) =>
    request(
      method,
      url,
      { ...auth, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      body,
    );
  const cases: RefusalCase[] = [
    {
      name: '%ZZ dans le chemin',
      request: request('GET', param(`%ZZ${marker}`), auth),
      status: 400,
      code: 'BAD_REQUEST',
    },
    {
      name: '%ZZ dans un chemin inconnu',
      request: request('GET', `/api/${marker}/%ZZ`, auth),
      status: 400,
      code: 'BAD_REQUEST',
    },
    { name: '%ZZ dans la requête', request: request('GET', `${param('x')}?q=%ZZ${marker}`, auth), status: 'below 500' },
    {
      name: 'paramètre de chemin trop long',
      request: request('GET', param(`${marker}${'a'.repeat(150)}`), auth),
      status: 414,
      code: 'URI_TOO_LONG',
    },
    {
      name: 'adresse de 10 000 caractères',
      request: request('GET', `${param('x')}?q=${marker}${'a'.repeat(10_000)}`, auth),
      status: 414,
      code: 'URI_TOO_LONG',
    },
    {
      name: 'adresse de 40 000 caractères (analyseur HTTP)',
      request: request('GET', `${param('x')}?q=${marker}${'a'.repeat(40_000)}`, auth),
      status: 414,
      code: 'URI_TOO_LONG',
      closes: true,
    },
    {
      name: 'en-tête de 40 000 caractères',
      request: request('GET', param('x'), { ...auth, 'x-long': `${marker}${'a'.repeat(40_000)}` }),
      status: 431,
      code: 'HEADERS_TOO_LARGE',
      closes: true,
    },
    {
      name: '600 en-têtes',
      request: request('GET', param('x'), {
        ...auth,
        ...Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`x-${marker}-${i}`, 'a'.repeat(40)])),
      }),
      status: 431,
      code: 'HEADERS_TOO_LARGE',
      closes: true,
    },
    { name: 'JSON mal formé', request: json(`{"${marker}": `), status: 400, code: 'BAD_REQUEST' },
    { name: 'JSON vide', request: json(''), status: 400, code: 'BAD_REQUEST' },
    { name: 'clé __proto__', request: json(`{"__proto__": {"${marker}": 1}}`), status: 400, code: 'BAD_REQUEST' },
    {
      name: 'clé constructor.prototype',
      request: json(`{"constructor": {"prototype": {"${marker}": 1}}}`),
      status: 400,
      code: 'BAD_REQUEST',
    },
    {
      name: 'JSON plus grand que la limite',
      request: json(`{"${marker}": "${'a'.repeat(target.bodyLimit)}"}`),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
    {
      name: 'JSON annoncé plus grand que la limite',
      request: request(method, url, {
        ...auth,
        'content-type': 'application/json',
        'content-length': target.bodyLimit + 1,
      }),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
    {
      name: 'JSON découpé (chunked) plus grand que la limite',
      request: request(
        method,
        url,
        { ...auth, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        `${(target.bodyLimit + 10).toString(16)}\r\n"${marker}${'a'.repeat(target.bodyLimit + 10)}`,
      ),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
    {
      name: 'Content-Type text/xml',
      request: json(`<a>${marker}</a>`, { 'content-type': `text/xml; ${marker}=1` }),
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'Content-Type text/plain',
      request: json(`{"${marker}": 1}`, { 'content-type': 'text/plain' }),
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'corps sans Content-Type',
      request: request(method, url, { ...auth, 'content-length': marker.length + 4 }, `{"${marker}"}`),
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'Content-Type illisible',
      request: json(`{"${marker}": 1}`, { 'content-type': `;;${marker};/` }),
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'corps compressé (Content-Encoding)',
      request: json(`{"${marker}": 1}`, { 'content-encoding': 'gzip' }),
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'Content-Length non numérique',
      request: json('{}', { 'content-length': `${marker}` }),
      status: 400,
      code: 'BAD_REQUEST',
      closes: true,
    },
    {
      name: 'deux Content-Length différents',
      request: Buffer.concat([
        request(method, url, { ...auth, 'content-type': 'application/json', 'content-length': 2, 'Content-Length': 3 }),
        Buffer.from('{} '),
      ]),
      status: 400,
      code: 'BAD_REQUEST',
      closes: true,
    },
    {
      name: 'Content-Length et Transfer-Encoding',
      request: json('0\r\n\r\n', { 'content-length': 5, 'transfer-encoding': 'chunked' }),
      status: 400,
      code: 'BAD_REQUEST',
      closes: true,
    },
    {
      name: 'morceau (chunk) mal formé',
      request: request(
        method,
        url,
        { ...auth, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        `${marker}\r\n{}\r\n0\r\n\r\n`,
      ),
      status: 400,
      code: 'BAD_REQUEST',
      closes: true,
    },
    {
      name: 'ligne de requête illisible',
      request: `${marker}\r\n\r\n`,
      status: 400,
      code: 'BAD_REQUEST',
      closes: true,
    },
    {
      name: 'méthode inconnue',
      request: request(`X${marker}`, param('x'), auth),
      status: 400,
      code: 'BAD_REQUEST',
      closes: true,
    },
    {
      name: 'version HTTP inconnue',
      request: `GET ${param(marker)} HTTP/3.0\r\nHost: localhost\r\n\r\n`,
      status: 400,
      code: 'BAD_REQUEST',
      closes: true,
    },
    {
      name: 'préface HTTP/2',
      request: 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n',
      status: 400,
      code: 'BAD_REQUEST',
      closes: true,
    },
    {
      name: 'caractère de contrôle dans un en-tête',
      request: request('GET', param('x'), { ...auth, 'x-a': `${marker}\u0001` }),
      status: 400,
      code: 'BAD_REQUEST',
      closes: true,
    },
    { name: 'route inconnue', request: request('GET', `/api/${marker}`, auth), status: 404, code: 'NOT_FOUND' },
    {
      name: 'méthode absente de la route',
      request: request('PATCH', param(marker), auth),
      status: 404,
      code: 'NOT_FOUND',
    },
    {
      name: 'CONNECT',
      request: request('CONNECT', `${marker}.example:443`),
      status: 404,
      code: 'NOT_FOUND',
      closes: true,
    },
    { name: 'OPTIONS *', request: request('OPTIONS', '*'), status: 404, code: 'NOT_FOUND' },
    {
      name: 'Expect inconnu',
      request: json('{}', { expect: `${marker}-continue` }),
      status: 'below 500',
    },
    {
      name: 'adresse absolue',
      request: request('GET', `http://${marker}.example${param('x')}`, auth),
      status: 'below 500',
    },
    { name: 'champs invalides', request: json(`{"${marker}": [1, {"a": null}]}`), status: 400 },
  ];
  const upload = target.upload;
  if (upload) {
    const boundary = `b${marker}`;
    const file = (bytes: Buffer) =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${marker}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
    const big = file(Buffer.alloc(upload.maxBytes + 1024 * 1024, 0x25));
    const multipart = { 'content-type': `multipart/form-data; boundary=${boundary}` };
    cases.push(
      {
        name: 'fichier plus grand que la limite',
        request: request('POST', upload.url, { ...auth, ...multipart, 'content-length': big.length }, big),
        status: 413,
        code: 'FILE_TOO_LARGE',
      },
      {
        name: 'fichier envoyé en JSON',
        request: request(
          'POST',
          upload.url,
          { ...auth, 'content-type': 'application/json', 'content-length': marker.length + 6 },
          `{"${marker}":1}`,
        ),
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      },
      {
        name: 'fichier sans Content-Type',
        request: request('POST', upload.url, { ...auth, 'content-length': marker.length }, marker),
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      },
      {
        name: 'multipart sans frontière',
        request: request(
          'POST',
          upload.url,
          { ...auth, 'content-type': 'multipart/form-data', 'content-length': marker.length },
          marker,
        ),
        status: 400,
        code: 'MULTIPART_MALFORMED',
      },
    );
  }
  return cases;
}

/** What a detail in French looks like (words of the language, a sentence's end); no internal code. */
const FRENCH = /\b(le|la|les|l'|de|des|du|d'|un|une|est|sont|ce|cette|n'|à|au|en)\b/i;

/** What is wrong with one answer: a refusal must be problem details in French, echo nothing and say why. */
export function refusalFaults(answer: RawAnswer | null, expected: RefusalCase): string[] {
  if (!answer) return ['pas de réponse'];
  const faults: string[] = [];
  const wanted = expected.status;
  if (wanted === 'below 500' ? answer.status >= 500 : answer.status !== wanted) {
    faults.push(`statut ${answer.status} au lieu de ${wanted}`);
  }
  if (answer.text.toLowerCase().includes(ECHO_MARKER.toLowerCase())) faults.push('la réponse répète la requête');
  if (answer.headers['x-content-type-options'] !== 'nosniff') faults.push('sans les en-têtes de sécurité');
  if (expected.closes && answer.headers.connection !== 'close') faults.push('sans « connection: close »');
  if (answer.status < 400) return faults;
  if (answer.headers['content-type'] !== 'application/problem+json; charset=utf-8') {
    faults.push(`content-type ${answer.headers['content-type']}`);
  }
  let problem: Record<string, unknown>;
  try {
    problem = JSON.parse(answer.body);
  } catch {
    return [...faults, `corps illisible : ${answer.body.slice(0, 200)}`];
  }
  const { type, title, status, detail, code } = problem;
  if (typeof type !== 'string' || typeof title !== 'string') faults.push('type ou title absent');
  if (status !== answer.status) faults.push(`status ${String(status)} dans le corps`);
  if (typeof code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(code)) faults.push(`code ${String(code)}`);
  else if (expected.code && code !== expected.code) faults.push(`code ${code} au lieu de ${expected.code}`);
  if (typeof detail !== 'string' || !FRENCH.test(detail) || !/[.!]$/.test(detail) || /FST_|HPE_|ERR_/.test(detail)) {
    faults.push(`detail : ${String(detail)}`);
  }
  return faults;
}

/** Every case sent over its own connection: the faults of each, as `name: fault`. */
export async function refusalsNotAsDocumented(baseUrl: string, cases: RefusalCase[]): Promise<string[]> {
  const faults: string[] = [];
  for (const refusal of cases) {
    const answer = await rawHttp(baseUrl, refusal.request);
    faults.push(...refusalFaults(answer, refusal).map((fault) => `${refusal.name} : ${fault}`));
  }
  return faults;
}
