import { fr as full } from '@codegouvfr/react-dsfr/fr';
import { describe, expect, it } from 'vitest';
import { fr } from './dsfrFr.ts';

describe('le fr allégé de react-dsfr', () => {
  it('donne à la barre du navigateur la couleur de fond des tables du DSFR, dans chaque thème', () => {
    for (const isDark of [false, true]) {
      expect(fr.colors.getHex({ isDark }).decisions.background.default.grey.default).toBe(
        full.colors.getHex({ isDark }).decisions.background.default.grey.default,
      );
    }
  });

  it('garde tout le reste de fr tel quel', () => {
    expect(fr.cx).toBe(full.cx);
    expect(fr.spacing).toBe(full.spacing);
    expect(fr.breakpoints).toBe(full.breakpoints);
    expect(fr.typography).toBe(full.typography);
  });
});
