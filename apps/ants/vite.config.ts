import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The page is built into ../dist and served by the service itself (same origin as its API).
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // The design system's stylesheet takes seconds to transform on a busy 2-core machine: expected,
    // not a fault to report at every build.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
