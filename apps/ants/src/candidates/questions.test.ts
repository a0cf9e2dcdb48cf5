import { describe, expect, it } from 'vitest';
import { passwordProblem } from './questions.ts';

describe('passwordProblem (candidates and professional users)', () => {
  it('takes 12 to 128 characters mixing the four kinds, without the person’s names', () => {
    expect(passwordProblem('Court-1!', [])).toBe('Le mot de passe doit comporter au moins 12 caractères.');
    expect(passwordProblem(`Aa1!${'x'.repeat(60)}`, [])).toBeUndefined();
    expect(passwordProblem(`Aa1!${'x'.repeat(124)}`, [])).toBeUndefined();
    expect(passwordProblem(`Aa1!${'x'.repeat(125)}`, [])).toBe(
      'Le mot de passe est trop long (128 caractères au plus).',
    );
    expect(passwordProblem('toutenminuscules1!', [])).toBe(
      'Le mot de passe doit mélanger majuscules, minuscules, chiffres et caractères spéciaux.',
    );
    expect(passwordProblem('Martin-2026-abc!', ['Pierre', 'MARTIN'])).toBe(
      'Le mot de passe ne doit pas contenir vos nom ou prénom.',
    );
  });
});
