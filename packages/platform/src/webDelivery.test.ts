import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { precompressFolder } from '../../../scripts/precompress.ts';
import { createHttpServer, HASHED_ASSET_CACHE, PAGE_CACHE, serveWebApp } from './http.ts';

// A built page as Vite writes it: index.html, hashed assets, an unhashed file; then compressed as
// the build does.
const webDir = mkdtempSync(path.join(tmpdir(), 'web-'));
mkdirSync(path.join(webDir, 'assets'));
const script = `console.log(${JSON.stringify('démarches '.repeat(400))});\n`;
const page = `<!doctype html><html lang="fr"><head><title>Permis</title></head><body>${'<p>Mon espace</p>'.repeat(80)}</body></html>`;
writeFileSync(path.join(webDir, 'index.html'), page);
writeFileSync(path.join(webDir, 'assets', 'index-Bq3x9Zk1.js'), script);
writeFileSync(path.join(webDir, 'robots.txt'), 'User-agent: *\n');
// A login page drawn at build (scripts/prerender.ts).
const drawn = page.replace('<body>', '<body><h1>Connexion à mon espace</h1>');
mkdirSync(path.join(webDir, 'prerendered', 'monespace'), { recursive: true });
writeFileSync(path.join(webDir, 'prerendered', 'monespace', 'connexion.html'), drawn);
const compressed = await precompressFolder(webDir);

const app = await createHttpServer({
  service: 'test',
  logLevel: 'silent',
  problems: { type: (code) => `urn:test:${code}`, title: () => undefined },
});
const rows = Array.from({ length: 60 }, (_, i) => ({
  number: `2612${String(i).padStart(8, '0')}`,
  state: 'Brouillon',
}));
app.get('/api/list', async () => ({ rows }));
app.get('/api/one', async () => ({ ok: true }));
await serveWebApp(app, webDir, { signIn: { cookie: 'test_session', homes: { '/monespace': '/monespace/connexion' } } });
await app.ready();
afterAll(async () => {
  await app.close();
  rmSync(webDir, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) =>
  app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('what a page and an answer cost on the wire', () => {
  it('writes a brotli and a gzip copy of the pages and the script at build, not of a small file', () => {
    expect(compressed).toBe(3);
  });

  it('sends the page drawn at build for its own address, without a query only, compressed', async () => {
    const login = await get('/monespace/connexion', 'br');
    expect([login.statusCode, login.headers['content-encoding'], login.headers['cache-control']]).toEqual([
      200,
      'br',
      PAGE_CACHE,
    ]);
    expect(login.headers['content-type']).toMatch(/^text\/html/);
    expect(brotliDecompressSync(login.rawPayload).toString()).toBe(drawn);
    // A query (an error to show) was not drawn; nor was any other address.
    for (const url of ['/monespace/connexion?franceconnect=refus', '/monespace/connexion/', '/monespace/demandes']) {
      expect([url, (await get(url)).body]).toEqual([url, page]);
    }
  });

  it('sends a visitor without a session from a space’s home to its login page, the others to the home', async () => {
    const signedOut = await get('/monespace');
    expect([signedOut.statusCode, signedOut.headers.location]).toEqual([303, '/monespace/connexion']);
    // With a session cookie (valid or not: the page asks the API), the home's page.
    const withCookie = await app.inject({ method: 'GET', url: '/monespace', cookies: { test_session: 'x' } });
    expect([withCookie.statusCode, withCookie.body]).toEqual([200, page]);
  });

  it('sends the hashed script compressed as the browser accepts, cached for a year', async () => {
    const br = await get('/assets/index-Bq3x9Zk1.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe(HASHED_ASSET_CACHE);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(script.length / 5);

    const gz = await get('/assets/index-Bq3x9Zk1.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await get('/assets/index-Bq3x9Zk1.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers['cache-control']).toBe(HASHED_ASSET_CACHE);
  });

  it('asks again for the page at each visit (a new version shows at once), compressed too', async () => {
    for (const url of ['/', '/monespace/demandes', '/robots.txt']) {
      const answer = await get(url, 'br');
      expect([url, answer.statusCode, answer.headers['cache-control']]).toEqual([url, 200, PAGE_CACHE]);
    }
    const spa = await get('/monespace/demandes', 'br');
    expect(spa.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(spa.rawPayload).toString()).toBe(page);
  });

  it('compresses a large API answer, never stores any, and leaves a small one as it is', async () => {
    const list = await get('/api/list', 'gzip, deflate, br');
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.headers['content-encoding']).toMatch(/^(br|gzip)$/);
    const body =
      list.headers['content-encoding'] === 'br' ? brotliDecompressSync(list.rawPayload) : gunzipSync(list.rawPayload);
    expect(JSON.parse(body.toString())).toEqual({ rows });
    expect(list.rawPayload.length).toBeLessThan(JSON.stringify({ rows }).length / 3);

    const one = await get('/api/one', 'gzip, deflate, br');
    expect(one.headers['content-encoding']).toBeUndefined();
    expect(one.json()).toEqual({ ok: true });
    expect(one.headers['cache-control']).toBe('no-store');
  });
});
