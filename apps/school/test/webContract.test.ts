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

/** An address of the service written in a string: a call or a link the contract does not lead. */
const HAND_WRITTEN_ADDRESS = /['"`]\/api\//;

describe("the school's pages", () => {
  it("take their types from the contract, never from the server's files", () => {
    const importing = webSources().filter(({ text }) => /from '(\.\.\/)+(src|apps\/school\/src)\//.test(text));
    expect(importing.map(({ file }) => file)).toEqual([]);
  });

  it('call the back office through its contracts (@permis/school-api, @permis/referentiel) only, never an address by hand', () => {
    const handWritten = webSources().flatMap(({ file, text }) =>
      text
        .split('\n')
        .map((line, index) => ({ line, at: `${file}:${index + 1}` }))
        .filter(({ line }) => HAND_WRITTEN_ADDRESS.test(line))
        .map(({ at, line }) => `${at} ${line.trim()}`),
    );
    expect(handWritten).toEqual([]);
  });
});
