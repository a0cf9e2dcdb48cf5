import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/src');

/** The pages' source files, each with its text. */
function webSources(): { file: string; text: string }[] {
  return readdirSync(WEB, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => ({ file, text: readFileSync(path.join(WEB, file), 'utf8') }));
}

/**
 * The routes whose contract the pages call (packages/ants-api/src/web/{proSpace,candidateSpace,
 * session}.ts): an address written by hand in a page would be a call, or a shape, the contract does
 * not lead. Files and links the browser opens itself have their addresses there too (`candidateLinks`).
 */
const CONTRACT_ROUTES = /['"`](\/api\/pro\/|\/api\/session|\/api\/logout|\/api\/candidate\/|\/api\/agent\/login)/;

describe("the national service's pages", () => {
  it("take their types from the contract, never from the server's files", () => {
    const importing = webSources().filter(({ text }) => /from '(\.\.\/)+src\//.test(text));
    expect(importing.map(({ file }) => file)).toEqual([]);
  });

  it('call the professional space, the candidate space and the sign-in routes through their contracts only', () => {
    const handWritten = webSources().flatMap(({ file, text }) =>
      text
        .split('\n')
        .map((line, index) => ({ line, at: `${file}:${index + 1}` }))
        .filter(({ line }) => CONTRACT_ROUTES.test(line))
        .map(({ at, line }) => `${at} ${line.trim()}`),
    );
    expect(handWritten).toEqual([]);
  });
});
