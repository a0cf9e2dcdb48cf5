import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.dirname(fileURLToPath(import.meta.url));
/** What the `.` entry may import outside this package: the pages bundle it. */
const BROWSER_SAFE = new Set(['zod', '@permis/platform/route']);

/** The files the `.` entry loads at run time (type-only imports are erased), and what else they import. */
function entryImports(): { files: string[]; outside: string[] } {
  const files: string[] = [];
  const outside = new Set<string>();
  const visit = (file: string) => {
    if (files.includes(file)) return;
    files.push(file);
    const text = readFileSync(path.join(SRC, file), 'utf8');
    for (const [, from] of text.matchAll(/^(?:import|export) (?!type )[^;]*? from '([^']+)'/gms)) {
      if (from!.startsWith('./')) visit(from!.slice(2));
      else outside.add(from!);
    }
  };
  visit('index.ts');
  return { files, outside: [...outside] };
}

describe("the package's `.` entry", () => {
  it('is browser-safe: neither the official lists (./data) nor node modules nor the server', () => {
    const { files, outside } = entryImports();
    expect(files).not.toContain('data.ts');
    expect(files).not.toContain('dataset.ts');
    expect(files).not.toContain('routes.ts');
    expect(outside.filter((name) => !BROWSER_SAFE.has(name))).toEqual([]);
  });
});
