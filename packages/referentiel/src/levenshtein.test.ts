import { describe, expect, it } from 'vitest';
import { boundedLevenshtein, distanceFrom } from './levenshtein.ts';

describe('distanceFrom', () => {
  it('gives the bounded edit distance of the plain table, for keys of every length and any name', () => {
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    // Mostly the letters of the agency's spellings; now and then one outside ASCII.
    const letters = 'ABCEIS- ABCEIS- É';
    const word = (length: number) => Array.from({ length }, () => letters[random(letters.length)]).join('');
    const edit = (s: string) => {
      const at = random(s.length + 1);
      const kind = random(3);
      const letter = letters[random(letters.length)]!;
      return kind === 0
        ? s.slice(0, at) + letter + s.slice(at + 1)
        : kind === 1
          ? s.slice(0, at) + letter + s.slice(at)
          : s.slice(0, at) + s.slice(at + 1);
    };
    for (let n = 0; n < 3000; n++) {
      const key = word([1, 2, 5, 12, 31, 32, 33, 40][n % 8]!);
      const distance = distanceFrom(key);
      for (const name of [key, edit(key), edit(edit(key)), edit(edit(edit(key))), word(random(36)), '']) {
        for (const max of [0, 1, 2, 3]) {
          // Past `max`, only "too far" counts: both say max + 1 or more.
          const plain = Math.min(boundedLevenshtein(key, name, max), max + 1);
          expect(Math.min(distance(name, max), max + 1), `${key} / ${name} / ${max}`).toBe(plain);
        }
      }
    }
  });
});
