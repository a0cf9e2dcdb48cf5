import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOTS = ['../src', '../web/src'].map((dir) => fileURLToPath(new URL(dir, import.meta.url)));

/** An address of the instruction console written out by hand (the sign-in's apart: not the console's). */
const HAND_WRITTEN = /['"`]\/api\/agent\/(?!login['"`])/;

/**
 * The instruction console's routes are declared once, in `@permis/ants-api`'s `agentSpace` (and
 * `agentFiles` for the files it streams): the server mounts them and the pages call them from
 * there. An address typed in a route or a page is a shape copied by hand again.
 */
describe("the agents' space", () => {
  it('names its addresses only in the contract', () => {
    const found = ROOTS.flatMap((root) =>
      readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
        .filter((file) => HAND_WRITTEN.test(readFileSync(path.join(root, file), 'utf8')))
        .map((file) => path.relative(path.dirname(ROOTS[0]!), path.join(root, file))),
    );
    expect(found).toEqual([]);
  });
});
