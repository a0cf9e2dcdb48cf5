import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');

/** Written beside the built page once its build succeeded: the fingerprint of what it was built from. */
export const STAMP = '.sources';

/** What a service's page is built from: its own web folder, the shared packages, the build settings. */
export function pageSources(appDir: string): string[] {
  return [
    path.join(appDir, 'web'),
    path.join(appDir, 'vite.config.ts'),
    path.join(appDir, 'package.json'),
    path.join(root, 'packages'),
    path.join(root, 'scripts/precompress.ts'),
    path.join(root, 'scripts/prerender.ts'),
    path.join(root, 'scripts/dsfrIcons.ts'),
    path.join(root, 'scripts/dsfrFonts.ts'),
    path.join(root, 'package-lock.json'),
  ];
}

function filesUnder(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry, { recursive: true, withFileTypes: true })
    .filter((file) => file.isFile() && !file.parentPath.split(path.sep).includes('node_modules'))
    .map((file) => path.join(file.parentPath, file.name));
}

/**
 * The fingerprint of the sources: their paths and contents (not their dates, which a checkout or a
 * copy changes without changing the page).
 */
export function fingerprint(sources: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of sources.flatMap(filesUnder).sort()) {
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Whether the built page exists and was built from sources of this fingerprint. */
function builtFrom(appDir: string, wanted: string): boolean {
  const dist = path.join(appDir, 'dist');
  const stamp = path.join(dist, STAMP);
  return existsSync(path.join(dist, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted;
}

/** Whether the built page exists and comes from these very sources. */
export function isPageCurrent(appDir: string, sources: readonly string[] = pageSources(appDir)): boolean {
  return builtFrom(appDir, fingerprint(sources));
}

export type PageBuild = {
  appDir: string;
  sources?: readonly string[];
  build?: () => Promise<unknown>;
  /** Told before a build starts (npm start says what it is doing). */
  onBuild?: () => void;
};

/**
 * Builds a service's page unless the built one comes from the same sources. The previous page is
 * removed first: a build that fails leaves no page at all (the service then answers that it is not
 * built) and stops the start with the build's own error, never a stale page served as if current.
 * Answers whether it built.
 */
export async function ensurePageBuilt({
  appDir,
  sources = pageSources(appDir),
  // A production build whoever asks: under a test runner NODE_ENV is `test`, and Vite would then
  // bundle React's development build (a third heavier) into a page stamped as current.
  build = () =>
    run('npx', ['vite', 'build'], {
      cwd: appDir,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NODE_ENV: 'production' },
    }),
  onBuild,
}: PageBuild): Promise<boolean> {
  const dist = path.join(appDir, 'dist');
  const wanted = fingerprint(sources);
  if (builtFrom(appDir, wanted)) return false;
  onBuild?.();
  rmSync(dist, { recursive: true, force: true });
  try {
    await build();
  } catch (error) {
    rmSync(dist, { recursive: true, force: true });
    const output = error as { stderr?: string; stdout?: string; message?: string };
    throw new Error(
      `La construction de la page de ${path.basename(appDir)} a échoué :\n${output.stderr || output.stdout || output.message}`,
    );
  }
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`La construction de la page de ${path.basename(appDir)} n’a pas produit index.html.`);
  }
  writeFileSync(path.join(dist, STAMP), wanted);
  return true;
}
