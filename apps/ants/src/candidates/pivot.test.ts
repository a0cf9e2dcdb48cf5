import { describe, expect, it } from 'vitest';
import { type Pivot, pivotMatches, pivotOf } from './pivot.ts';

const claims = {
  sub: 'abc',
  given_name: 'Élodie Marie',
  family_name: "N'Diaye",
  birthdate: '2004-04-12',
  gender: 'female' as const,
  birthplace: '35238',
  birthcountry: '99100',
  email: 'elodie@example.fr',
};

describe('the FranceConnect pivot', () => {
  const pivot = pivotOf(claims) as Pivot;

  it('reads names and INSEE codes in the record’s terms', () => {
    expect(pivot).toMatchObject({
      sex: 'F',
      birthName: "N'DIAYE",
      firstName: 'Élodie',
      otherFirstNames: 'Marie',
      birthCity: 'RENNES',
      birthDepartment: '35',
      birthCountry: 'FRANCE',
    });
    expect(pivotOf({ ...claims, birthcountry: '99341', birthplace: '' })).toMatchObject({
      birthCity: '',
      birthCountry: 'SENEGAL',
    });
    // Born in a commune associée since merged (Cordieux, 01120): today's commune, Montluel (01262).
    expect(pivotOf({ ...claims, birthplace: '01120' })).toMatchObject({ birthCity: 'MONTLUEL', birthDepartment: '01' });
    // A code outside the official lists: nothing to match on.
    expect(pivotOf({ ...claims, birthplace: '35999' })).toBeUndefined();
    expect(pivotOf({ ...claims, birthcountry: '99999' })).toBeUndefined();
  });

  const record = {
    sex: 'F' as const,
    birthName: 'NDIAYE',
    firstName: 'Elodie',
    otherFirstNames: 'Marie',
    birthDate: '2004-04-12',
    birthCity: 'Rennes',
    birthDepartment: '35',
    birthCountry: 'FRANCE',
  };

  it('matches a record typed another way (case, accents, apostrophe, département left empty)', () => {
    expect(pivotMatches(record, pivot)).toBe(true);
    expect(pivotMatches({ ...record, birthDepartment: '' }, pivot)).toBe(true);
  });

  it('matches a person born abroad on the country, FranceConnect giving no town', () => {
    const abroad = pivotOf({ ...claims, birthcountry: '99341', birthplace: '' }) as Pivot;
    const typed = { ...record, birthCity: 'DAKAR', birthDepartment: '', birthCountry: 'SENEGAL' };
    expect(pivotMatches(typed, abroad)).toBe(true);
    expect(pivotMatches({ ...typed, birthCountry: 'MALI' }, abroad)).toBe(false);
  });

  it('never matches when one element differs', () => {
    for (const change of [
      { sex: 'M' as const },
      { birthName: 'DIAYE' },
      { firstName: 'Elodia' },
      { otherFirstNames: '' },
      { birthDate: '2004-04-13' },
      { birthCity: 'BREST' },
      { birthDepartment: '29' },
      { birthCountry: 'BELGIQUE' },
    ]) {
      expect(pivotMatches({ ...record, ...change }, pivot), JSON.stringify(change)).toBe(false);
    }
  });
});
