import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APPLICATION_STATES } from './states.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The state table itself names the states; everywhere else a rule reads one of its sets. */
const TABLES = ['packages/ants-api/src/states.ts', 'packages/ants-api/src/stateSets.ts'];

const literal = `'(?:${APPLICATION_STATES.join('|')})'`;
/** A state compared to one named state: `x.state === 'draft'`, `'draft' !== state`, `eq(t.state, 'draft')`. */
const COMPARISON = new RegExp(
  `state\\s*[!=]==?\\s*${literal}|${literal}\\s*[!=]==?\\s*[\\w.?]*state\\b|eq\\([\\w.]*state,\\s*${literal}`,
  'i',
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('the rules over states', () => {
  it('recognise a state compared to a named state', () => {
    for (const line of [
      "row.state === 'draft'",
      "'accepted' !== application.state",
      "eq(applications.state, 'deleted')",
    ]) {
      expect(COMPARISON.test(line), line).toBe(true);
    }
    expect(COMPARISON.test("credentials === 'accepted'")).toBe(false);
  });

  it('read the state table, not a state named in passing (a new state is then placed by the compiler)', () => {
    const folders = ['apps/ants/src', 'apps/ants/web/src', 'apps/school/src', 'apps/school/web/src', 'packages'];
    const found = folders
      .flatMap((folder) => sourceFiles(path.join(ROOT, folder)))
      .filter((file) => !TABLES.includes(path.relative(ROOT, file)))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, index) => (COMPARISON.test(line) ? [`${path.relative(ROOT, file)}:${index + 1}`] : [])),
      );
    expect(found).toEqual([]);
  });
});
