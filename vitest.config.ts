import { defineConfig } from 'vitest/config';

// Two projects: `unit` (no database) and `db` (suites on a real database: PGlite by default,
// a PostgreSQL server when TEST_DATABASE_URL is set — `.ci/run` runs them both ways).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{apps,packages}/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'db',
          include: ['{apps,packages}/**/*.db.test.ts'],
          exclude: ['**/node_modules/**'],
          environment: 'node',
          testTimeout: 30000,
          hookTimeout: 60000,
          // One migrated template per worker, cloned per test: keep module state across files.
          isolate: false,
          pool: 'forks',
        },
      },
    ],
  },
});
