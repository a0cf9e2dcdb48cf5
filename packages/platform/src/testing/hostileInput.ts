import type { FastifyInstance } from 'fastify';

/**
 * Every registered route, called with a NUL character in its path parameters, its query and its
 * JSON body: answers the routes that did not refuse it with a 400 `INVALID_CHARACTER` (PostgreSQL
 * text cannot hold a NUL: it reached a query and answered 500).
 */
export async function routesAcceptingNul(app: FastifyInstance & { routeList: { method: string; url: string }[] }) {
  await app.ready();
  const accepted: string[] = [];
  for (const { method, url } of app.routeList) {
    const path = url.replace(/:[A-Za-z]+/g, 'x%00y').replace('*', 'x%00y');
    const response = await app.inject({
      method: method as 'GET',
      url: `${path}?q=a%00b&comment=a%00b`,
      headers: { 'content-type': 'application/json' },
      payload: method === 'GET' ? undefined : JSON.stringify({ text: 'a\u0000b', list: [{ 'k\u0000': 1 }] }),
    });
    const code = response.statusCode === 400 ? (response.json() as { code?: string }).code : null;
    if (code !== 'INVALID_CHARACTER') accepted.push(`${method} ${url} → ${response.statusCode}`);
  }
  return accepted;
}

/** Bodies a multipart parser cannot read: no boundary, cut short, broken part headers. */
export const MALFORMED_MULTIPART: { contentType: string; body: string }[] = [
  { contentType: 'multipart/form-data', body: 'pas de frontière' },
  {
    contentType: 'multipart/form-data; boundary=xyz',
    body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 coupé',
  },
  { contentType: 'multipart/form-data; boundary=xyz', body: '--xyz\r\nContent-Disposition\r\n\r\n\r\n--xyz--' },
  { contentType: 'multipart/form-data; boundary=xyz', body: '--xyz\r\n\r\n' },
];

/** A multipart body with one file, as a page's upload sends it, declared of `mediaType`. */
export function multipartFile(fileName: string, bytes: Buffer, mediaType = 'application/octet-stream') {
  const boundary = `----permis${Date.now()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${mediaType}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
