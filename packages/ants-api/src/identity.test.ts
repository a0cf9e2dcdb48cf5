import { describe, expect, it } from 'vitest';
import { samePerson } from './identity.ts';

describe('samePerson', () => {
  const moussa = { birthName: "N'DIAYE", firstName: 'Moussa', birthDate: '2006-02-11' };
  it('ignores case, accents, apostrophes and further first names', () => {
    expect(samePerson(moussa, { birthName: 'ndiaye', firstName: 'MOUSSA Ibrahima', birthDate: '2006-02-11' })).toBe(
      true,
    );
    expect(
      samePerson(
        { birthName: 'LEFÈVRE', firstName: 'Élodie', birthDate: '2005-01-01' },
        { birthName: 'LEFEVRE', firstName: 'ELODIE', birthDate: '2005-01-01' },
      ),
    ).toBe(true);
  });
  it('tells another person by name, first name or birth date', () => {
    expect(samePerson(moussa, { birthName: 'DUPONT', firstName: 'Marc', birthDate: '2006-02-11' })).toBe(false);
    expect(samePerson(moussa, { ...moussa, firstName: 'Awa' })).toBe(false);
    expect(samePerson(moussa, { ...moussa, birthDate: '2006-02-12' })).toBe(false);
  });
});
