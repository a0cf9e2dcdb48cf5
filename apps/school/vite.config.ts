import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from '../../scripts/precompress.ts';

// The page is built into ../dist and served by the service itself (same origin as its API).
export default defineConfig({
  root: 'web',
  // Brotli and gzip copies of every asset, served as they are (scripts/precompress.ts).
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    // What each page loads (dist/.vite/manifest.json): the bench weighs each space's first page.
    manifest: true,
    chunkSizeWarningLimit: 2000,
    // The design system's stylesheet takes seconds to transform on a busy 2-core machine: expected,
    // not a fault to report at every build.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
