import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
/** The one module that may construct an AppError: every other site goes through a service's table. */
const ERROR_MODULE = 'packages/platform/src/errors.ts';
const SKIPPED = new Set(['node_modules', 'dist', 'data', '.git', 'test-results', 'playwright-report']);

function sources(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(folder, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : sources(relative);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

/**
 * An AppError constructed in place (its code then a free string: the constructor is private, this
 * also holds if it ever stops being), and a code built from another by a prefix (`ANTS_${code}`).
 */
const FREE_CODE = [/new\s+AppError\s*(<[^>]*>)?\(/, /code:\s*`[A-Z_]*\$\{/, /`[A-Z]+_\$\{[^}]*code\}`/];

describe('error codes', () => {
  it('are never free strings: errors are built through a service table (errorBuilder, AppError.of)', () => {
    const files = ['apps', 'packages', 'e2e', 'drills', 'bench', 'scripts'].flatMap(sources);
    expect(files.length).toBeGreaterThan(100);
    const offending = files
      .filter((file) => file !== ERROR_MODULE && file !== 'packages/platform/src/errorSites.test.ts')
      .flatMap((file) =>
        readFileSync(path.join(ROOT, file), 'utf8')
          .split('\n')
          .map((line, index) => ({ line, at: `${file}:${index + 1}` }))
          .filter(({ line }) => FREE_CODE.some((pattern) => pattern.test(line)))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(offending).toEqual([]);
  });
});
