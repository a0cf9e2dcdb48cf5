import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ensurePageBuilt } from '../scripts/pages.ts';
import type { Row } from './stats.ts';

const root = path.resolve(import.meta.dirname, '..');

type ManifestChunk = { file: string; imports?: string[]; dynamicImports?: string[]; css?: string[] };
type Manifest = Record<string, ManifestChunk>;

/** Each space's first page: the service, the page's module, the target in KB on the wire. */
const FIRST_PAGES = [
  { space: 'candidat (/monespace/connexion)', app: 'ants', page: 'src/pages/CandidateLoginPage.tsx', limitKb: 200 },
  { space: 'professionnel (/pro/connexion)', app: 'ants', page: 'src/pages/ProLoginPage.tsx', limitKb: 300 },
  { space: 'agent (/agent/connexion)', app: 'ants', page: 'src/pages/AgentLoginPage.tsx', limitKb: 300 },
  { space: 'auto-école (/connexion)', app: 'school', page: 'src/pages/LoginPage.tsx', limitKb: 300 },
] as const;

/** The bytes a browser that accepts brotli receives for one built file (the .br copy when there is one). */
function wireBytes(dist: string, file: string): number {
  const full = path.join(dist, file);
  return statSync(existsSync(`${full}.br`) ? `${full}.br` : full).size;
}

/**
 * The JS and CSS a space's first page downloads: the entry with what it imports and what it loads
 * at start, then the page's own chunk with what it imports (each file once), as Vite's manifest lists them. Fonts apart.
 */
export function firstPageFiles(manifest: Manifest, page: string): string[] {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit('index.html');
  // What the entry loads by itself at start (the design system's script): every dynamic import of
  // the entry but the pages, which load on their route.
  for (const key of manifest['index.html']?.dynamicImports ?? []) if (!key.startsWith('src/pages/')) visit(key);
  visit(page);
  return [...files];
}

/** Issue 37's page weights: what each space's first page costs a phone, in brotli, against its target. */
export async function pagesScenario(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const { space, app, page, limitKb } of FIRST_PAGES) {
    const appDir = path.join(root, 'apps', app);
    await ensurePageBuilt({ appDir });
    const dist = path.join(appDir, 'dist');
    const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
    const files = firstPageFiles(manifest, page);
    const sum = (ext: string) =>
      files.filter((file) => file.endsWith(ext)).reduce((total, file) => total + wireBytes(dist, file), 0) / 1024;
    const js = sum('.js');
    const css = sum('.css');
    rows.push({
      scenario: `première page, espace ${space}`,
      figure: `${(js + css).toFixed(0)} Ko en brotli : JS ${js.toFixed(0)} Ko, CSS ${css.toFixed(0)} Ko (${files.length} fichiers)`,
      target: `≤ ${limitKb} Ko`,
      met: js + css <= limitKb,
    });
  }
  return rows;
}
