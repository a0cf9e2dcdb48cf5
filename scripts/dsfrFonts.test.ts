import { describe, expect, it } from 'vitest';
import { charactersOf, FRENCH_RANGE } from './dsfrFonts.ts';

describe('les polices coupées au français', () => {
  it('gardent tout ce qui s’écrit en français, guillemets, espaces fines et euro compris', () => {
    const kept = charactersOf(FRENCH_RANGE);
    for (const character of 'aàâäçéèêëîïôöùûüÿœæAÀÇÉÈÊŒÆ«» ’‘“”–—…€\u202F\u00A0@#0123456789?!;:') {
      expect([character, kept.includes(character)]).toEqual([character, true]);
    }
    // And nothing French does not need: a font cut to this is about half the bytes.
    expect(kept.includes('ł')).toBe(false);
    expect(kept.length).toBeLessThan(230);
  });
});
