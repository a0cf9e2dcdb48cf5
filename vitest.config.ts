import { defineConfig } from 'vitest/config';

// A budget for a stuck test or hook, never a wait: a test waits for the state it reads (`until`,
// `waitFor`) and a property test is bounded by its number of runs, so the time a test takes only
// says how busy the machine is. Vitest's 5 s default killed property tests that take about a
// second idle when the shared 2-core machine ran at a load average of 11. One budget for every
// test and hook of both projects, no per-test figure; the waits inside a test end sooner
// (WAIT_GUARD_MS, packages/platform/src/testing/until.ts) so that a wait that never ends says which.
const HANG_GUARD_MS = 300_000;

// Two projects: `unit` (no database) and `db` (suites on a real database: PGlite by default,
// a PostgreSQL server when TEST_DATABASE_URL is set — `.ci/run` runs them both ways).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{apps,packages,scripts}/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/node_modules/**'],
          environment: 'node',
          testTimeout: HANG_GUARD_MS,
          hookTimeout: HANG_GUARD_MS,
        },
      },
      {
        test: {
          name: 'db',
          include: ['{apps,packages}/**/*.db.test.ts'],
          exclude: ['**/node_modules/**'],
          environment: 'node',
          testTimeout: HANG_GUARD_MS,
          hookTimeout: HANG_GUARD_MS,
          // One migrated template per worker, cloned per test: keep module state across files.
          isolate: false,
          pool: 'forks',
        },
      },
    ],
  },
});
