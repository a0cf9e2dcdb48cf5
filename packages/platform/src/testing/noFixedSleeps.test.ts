import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A test waits for the state it reads, never for a timer: a fixed sleep is too short on a busy
 * machine and wasted on an idle one. Nor does a test set a time budget of its own: one budget
 * guards against a hang (vitest.config.ts, e2e/playwright.config.ts), the rest is bounded by runs.
 */
const ROOT = path.resolve(import.meta.dirname, '../../../..');

/** Where tests and their helpers live (drills and benches pace their load on purpose: not here). */
const SCANNED = ['apps', 'packages', 'e2e'];
const SKIPPED = new Set(['node_modules', 'dist', 'artifacts']);
const isTestSource = (file: string) =>
  /\.test\.tsx?$/.test(file) ||
  /^apps\/[^/]+\/test\//.test(file) ||
  /^packages\/[^/]+\/test\//.test(file) ||
  /^packages\/[^/]+\/src\/testing\//.test(file) ||
  file.startsWith('e2e/');

/**
 * Where a timer is allowed, and why. Only the pause between two readings of a state: how often a
 * wait looks, not how long it waits.
 */
const ALLOWED: Record<string, string> = {
  'packages/platform/src/testing/until.ts': 'the pause between two readings of the state waited for',
};

const RULES: { name: string; pattern: RegExp; in?: (file: string) => boolean }[] = [
  { name: 'Playwright fixed wait', pattern: /\bwaitForTimeout\s*\(/ },
  // `new Promise((r) => setTimeout(r, 100))`, on one line or more: a promise settled by a timer.
  { name: 'sleep on a timer', pattern: /\bsetTimeout\(\s*(resolve|res|r|done|next|wake)\s*[,)]/ },
  { name: 'sleep from timers/promises', pattern: /from\s+['"](node:)?timers\/promises['"]/ },
  // A figure after a test's body (`it(..., async () => {...}, 30000)`): a budget of its own.
  { name: 'per-test time budget', pattern: /^\s*\},\s*[\d_]+\s*\);?\s*$/m, in: (file) => /\.test\.tsx?$/.test(file) },
  { name: 'per-test time budget', pattern: /\btest\.setTimeout\s*\(/ },
];

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : sources(relative);
    return /\.tsx?$/.test(entry.name) && isTestSource(relative) ? [relative] : [];
  });
}

function fixedWaits(file: string, text: string): string[] {
  if (file in ALLOWED) return [];
  return RULES.filter((rule) => (rule.in ?? (() => true))(file)).flatMap((rule) => {
    const global = new RegExp(rule.pattern.source, `${rule.pattern.flags.replace('g', '')}g`);
    return [...text.matchAll(global)].map((match) => {
      const line = text.slice(0, match.index).split('\n').length;
      return `${file}:${line} ${rule.name}`;
    });
  });
}

const SELF = path.relative(ROOT, import.meta.filename);

describe('tests wait for a state, never for a time', () => {
  const files = SCANNED.flatMap(sources).filter((file) => file !== SELF);

  it('reads the tests of every app and package, and the browser tests', () => {
    for (const expected of [
      'packages/platform/src/mailJob.db.test.ts',
      'packages/referentiel/src/towns.test.ts',
      'apps/ants/test/deliveries.db.test.ts',
      'packages/platform/src/testing/smtpSink.ts',
      'e2e/school-online.spec.ts',
      'e2e/mailbox.ts',
    ])
      expect(files).toContain(expected);
  });

  it('finds no fixed sleep and no time budget of a test its own', () => {
    const found = files.flatMap((file) => fixedWaits(file, readFileSync(path.join(ROOT, file), 'utf8')));
    expect(found).toEqual([]);
  });

  it('would catch each kind of fixed wait', () => {
    const samples = [
      'await page.waitForTimeout(500);',
      'await new Promise((r) => setTimeout(r, 1500));',
      'await new Promise((resolve) => {\n  setTimeout(resolve, 10);\n});',
      "import { setTimeout as sleep } from 'node:timers/promises';",
      'it("x", async () => {\n  await go();\n}, 30000);',
      'test.setTimeout(240000);',
    ];
    for (const sample of samples) expect(fixedWaits('x.test.ts', sample), sample).toHaveLength(1);
    // A timer that is not a sleep (a guard that ends a call) passes.
    expect(fixedWaits('x.test.ts', 'const timer = setTimeout(finish, timeoutMs);')).toEqual([]);
  });
});
