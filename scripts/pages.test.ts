import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHttpServer, serveWebApp } from '@permis/platform';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { ensurePageBuilt, isPageCurrent } from './pages.ts';

// A small page built by the real Vite, as a service's page is.
const appDir = mkdtempSync(path.join(tmpdir(), 'page-'));
mkdirSync(path.join(appDir, 'web'));
const main = path.join(appDir, 'web', 'main.ts');
writeFileSync(
  path.join(appDir, 'web', 'index.html'),
  '<!doctype html><html lang="fr"><body><script type="module" src="./main.ts"></script></body></html>',
);
const sources = [path.join(appDir, 'web')];
const viteBuild = () =>
  build({ root: path.join(appDir, 'web'), logLevel: 'silent', build: { outDir: '../dist', emptyOutDir: true } });
const pageBuild = { appDir, sources, build: viteBuild };
afterAll(() => rmSync(appDir, { recursive: true, force: true }));

async function served(url: string) {
  const app = await createHttpServer({
    service: 'test',
    logLevel: 'silent',
    problems: { type: (code) => `urn:test:${code}`, title: () => undefined },
  });
  await serveWebApp(app, path.join(appDir, 'dist'));
  try {
    return await app.inject({ method: 'GET', url });
  } finally {
    await app.close();
  }
}

describe('the page a service serves is the one its sources make', () => {
  it('builds once, and not again while the sources stay the same', async () => {
    writeFileSync(main, 'document.body.append("version 1");\n');
    expect(await ensurePageBuilt(pageBuild)).toBe(true);
    expect(isPageCurrent(appDir, sources)).toBe(true);
    expect(await ensurePageBuilt(pageBuild)).toBe(false);
    expect((await served('/')).statusCode).toBe(200);
  });

  it('rebuilds when a source changes', async () => {
    writeFileSync(main, 'document.body.append("version 2");\n');
    expect(isPageCurrent(appDir, sources)).toBe(false);
    expect(await ensurePageBuilt(pageBuild)).toBe(true);
    const script = readFileSync(path.join(appDir, 'dist', 'index.html'), 'utf8').match(/src="([^"]+)"/)![1]!;
    expect((await served(script)).body).toContain('version 2');
  });

  it('stops on a failed build with its error, and leaves no stale page to serve', async () => {
    writeFileSync(main, 'document.body.append("version 3";\n');
    await expect(ensurePageBuilt(pageBuild)).rejects.toThrow(/La construction de la page de .* a échoué/);
    expect(existsSync(path.join(appDir, 'dist', 'index.html'))).toBe(false);
    const answer = await served('/monespace');
    expect(answer.statusCode).toBe(503);
    expect(answer.json()).toMatchObject({ code: 'WEB_PAGE_NOT_BUILT' });
  });
});
