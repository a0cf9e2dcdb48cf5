import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipOf = promisify(gzip);

/** What is worth compressing: text. Images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map|webmanifest)$/;
/** Below this, the headers of a compressed answer cost about what it saves. */
const MIN_BYTES = 1024;

/**
 * Writes `file.br` (brotli, best quality) and `file.gz` (gzip, level 9) beside every compressible
 * file of a built page, once, at build: the service then sends the smaller one the browser accepts
 * (`preCompressed` of @fastify/static) and spends no CPU compressing its pages at each request.
 */
export async function precompressFolder(dir: string): Promise<number> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
  let written = 0;
  for (const file of files) {
    const bytes = await readFile(file);
    if (bytes.length < MIN_BYTES) continue;
    const [br, gz] = await Promise.all([
      brotli(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
      gzipOf(bytes, { level: 9 }),
    ]);
    await writeFile(`${file}.br`, br);
    await writeFile(`${file}.gz`, gz);
    written += 1;
  }
  return written;
}

/**
 * The same as a Vite plugin: after the bundle is written, compress what it wrote. `prepare` writes
 * more files first (the pages drawn at build, scripts/prerender.ts), so they are compressed too: the
 * hooks of two plugins run side by side, one plugin keeps the order.
 */
export function precompress({ prepare }: { prepare?: (outDir: string) => Promise<void> } = {}) {
  let outDir = '';
  let ssr = false;
  return {
    name: 'permis-precompress',
    apply: 'build' as const,
    configResolved(config: { root: string; build: { outDir: string; ssr: boolean | string } }) {
      outDir = path.resolve(config.root, config.build.outDir);
      ssr = Boolean(config.build.ssr);
    },
    async closeBundle() {
      // The server-side build of the pages drawn at build is read once and thrown away.
      if (ssr) return;
      await prepare?.(outDir);
      await precompressFolder(outDir);
    },
  };
}
