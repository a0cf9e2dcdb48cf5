import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** What a page's server-side entry exports (apps/ants/web/src/prerender.tsx). */
type PrerenderEntry = {
  PRERENDERED_PATHS: readonly string[];
  renderPage(pathname: string): Promise<{ markup: string; title: string }>;
};

/** Where the page drawn at build for an address is written, inside the built page's folder. */
export function prerenderedFile(pathname: string): string {
  return path.join('prerendered', `${pathname.replace(/^\/+|\/+$/g, '') || 'index'}.html`);
}

const ROOT_ELEMENT = '<div id="root"></div>';

/**
 * Draws some pages at build: the page's server-side entry is built with the same Vite settings (so
 * every asset has the same hashed address as in the browser's bundle), run once in Node, and each
 * address's markup put inside a copy of the built index.html. The service sends that copy for the
 * address (serveWebApp); the browser's scripts then take over the markup (hydrateRoot).
 */
export function prerenderPages({ configFile, entry }: { configFile: string; entry: string }) {
  return async (outDir: string) => {
    const { build } = await import('vite');
    const serverOut = await mkdtemp(path.join(tmpdir(), 'permis-prerender-'));
    try {
      await build({
        configFile,
        logLevel: 'warn',
        // Everything bundled: the design system imports its SVG artwork, which Node cannot load.
        ssr: { noExternal: true },
        build: { ssr: entry, outDir: serverOut, emptyOutDir: true, manifest: false, ssrManifest: false },
      });
      const page = await readFile(path.join(outDir, 'index.html'), 'utf8');
      if (!page.includes(ROOT_ELEMENT)) throw new Error(`index.html sans ${ROOT_ELEMENT} : rien où dessiner.`);
      const built = path.join(serverOut, `${path.basename(entry).replace(/\.[jt]sx?$/, '')}.js`);
      const { PRERENDERED_PATHS, renderPage } = (await import(pathToFileURL(built).href)) as PrerenderEntry;
      for (const pathname of PRERENDERED_PATHS) {
        const { markup, title } = await renderPage(pathname);
        const file = path.join(outDir, prerenderedFile(pathname));
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(
          file,
          page
            .replace(/<title>[^<]*<\/title>/, () => `<title>${title}</title>`)
            // The page is drawn without the script: the stylesheet and the fonts go first.
            .replace('<script type="module"', '<script type="module" fetchpriority="low"')
            .replace(ROOT_ELEMENT, () => `<div id="root">${markup}</div>`),
        );
      }
    } finally {
      await rm(serverOut, { recursive: true, force: true });
    }
  };
}
