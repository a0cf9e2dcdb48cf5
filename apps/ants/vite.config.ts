import { createRequire } from 'node:module';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { frenchFontsFirst } from '../../scripts/dsfrFonts.ts';
import { dsfrIconSources, usedIconsOnly } from '../../scripts/dsfrIcons.ts';
import { precompress } from '../../scripts/precompress.ts';
import { prerenderPages } from '../../scripts/prerender.ts';

// The page is built into ../dist and served by the service itself (same origin as its API).
export default defineConfig({
  root: 'web',
  // The login pages drawn at build (scripts/prerender.ts), then brotli and gzip copies of every
  // asset, served as they are (scripts/precompress.ts).
  plugins: [
    react(),
    {
      // react-dsfr's components import its `fr` for `fr.cx`; theirs carries 97 KB of colour tables
      // that no page needs: they get web/src/dsfrFr.ts instead.
      name: 'permis-dsfr-fr-without-colour-tables',
      enforce: 'pre' as const,
      resolveId(source: string, importer: string | undefined) {
        if (importer?.includes('/@codegouvfr/react-dsfr/') && /^(\.\.?\/)+fr$/.test(source)) {
          return path.join(import.meta.dirname, 'web/src/dsfrFr.ts');
        }
        return null;
      },
    },
    precompress({
      prepare: prerenderPages({
        configFile: path.join(import.meta.dirname, 'vite.config.ts'),
        entry: 'src/prerender.tsx',
      }),
    }),
  ],
  // The icon sheet keeps the icons the pages and react-dsfr's components name (web/src/dsfr.css).
  css: {
    postcss: {
      plugins: [
        frenchFontsFirst({ cacheDir: path.join(import.meta.dirname, '../../node_modules/.cache/permis-fonts') }),
        usedIconsOnly(
          dsfrIconSources(
            path.join(import.meta.dirname, 'web/src'),
            path.dirname(createRequire(import.meta.url).resolve('@codegouvfr/react-dsfr/package.json')),
          ),
        ),
      ],
    },
  },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    // What each page loads (dist/.vite/manifest.json): the bench weighs each space's first page.
    manifest: true,
    // The design system's icon sheet names about 1,500 SVG files: inlined, they made a 2 MB
    // stylesheet; as files, a page downloads only the few icons it shows.
    assetsInlineLimit: (file) => (file.endsWith('.svg') ? false : undefined),
    chunkSizeWarningLimit: 2000,
    // The design system's stylesheet takes seconds to transform on a busy 2-core machine: expected,
    // not a fault to report at every build.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
