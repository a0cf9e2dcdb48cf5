import { describe, expect, it } from 'vitest';
import { ageOn, JDC_MESSAGES, jdcError } from './declarations.ts';
import { fieldErrorText, joinSentences } from './fieldLabels.ts';

describe('messages about fields', () => {
  it('names a field by its label, never by its path, and never doubles a full stop', () => {
    expect(fieldErrorText({ path: 'dossier.declarations.jdcInOrder', message: JDC_MESSAGES.notInOrder })).toBe(
      'Journée défense et citoyenneté (JDC) : Entre 17 et 25 ans, le candidat doit être en règle avec la Journée défense et citoyenneté (JDC).',
    );
    expect(fieldErrorText({ path: 'some.unknown.path', message: 'Valeur refusée.' })).toBe('Valeur refusée.');
    expect(joinSentences(['Certaines informations sont incorrectes.', 'Prénom : Prénom incorrect', 'Fin (JDC).'])).toBe(
      'Certaines informations sont incorrectes. Prénom : Prénom incorrect. Fin (JDC).',
    );
  });
});

describe('the JDC answer', () => {
  it('is required from 17 to 25, unanswered until given', () => {
    expect(jdcError(ageOn('2005-04-02', '2026-12-01'), null)).toBe(JDC_MESSAGES.unanswered);
    expect(jdcError(21, false)).toBe(JDC_MESSAGES.notInOrder);
    expect(jdcError(21, true)).toBeNull();
    expect(jdcError(16, null)).toBeNull();
    expect(jdcError(26, null)).toBeNull();
    expect(ageOn('2009-12-02', '2026-12-01')).toBe(16);
    expect(ageOn('2009-12-01', '2026-12-01')).toBe(17);
  });
});
