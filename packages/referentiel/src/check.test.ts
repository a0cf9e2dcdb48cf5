import { describe, expect, it } from 'vitest';
import { checkPlaces } from './check.ts';
import type { PlaceRecord } from './placeFields.ts';
import { findCountry } from './places.ts';

const valid: PlaceRecord = {
  residence: { city: 'SAINT-PRIEST', postalCode: '69800' },
  legalRepresentative: null,
  birth: { city: 'LYON-3E-ARRONDISSEMENT', department: '69', country: 'FRANCE' },
  previousLicence: null,
};
const field = (record: PlaceRecord, name: string) => checkPlaces(record).fields.find((f) => f.field === name)!;

describe('checkPlaces', () => {
  it('accepts a record written as the agency expects', () => {
    const result = checkPlaces(valid);
    expect(result.fields.filter((f) => !f.ok)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.fields.map((f) => f.label)).toEqual([
      "Ville d'habitation de l'élève",
      'Ville du représentant légal',
      'Ville de naissance',
      'Département de naissance',
      'Pays de naissance',
      'Département délivrance ancien permis',
      "Pays d'origine ancien permis",
    ]);
  });

  it('flags the seed\'s "ST PRIEST" and offers SAINT-PRIEST (69800)', () => {
    const residence = field({ ...valid, residence: { city: 'ST PRIEST', postalCode: '69800' } }, 'residenceCity');
    expect(residence).toMatchObject({ ok: false, value: 'ST PRIEST (69800)' });
    expect(residence.suggestions[0]?.label).toBe('SAINT-PRIEST (69800)');
  });

  it('flags the same town for the legal representative', () => {
    const rep = field(
      { ...valid, legalRepresentative: { city: 'Saint Priest', postalCode: '69800' } },
      'legalRepresentativeCity',
    );
    expect(rep.ok).toBe(false);
    expect(rep.message).toBe("Le nom de la ville doit être écrit comme sur la liste de l'ANTS.");
    expect(rep.suggestions[0]?.label).toBe('SAINT-PRIEST (69800)');
  });

  it('flags PARIS with 75 as a birth town and offers the arrondissements', () => {
    const birth = field({ ...valid, birth: { city: 'PARIS', department: '75', country: 'FRANCE' } }, 'birthCity');
    expect(birth.ok).toBe(false);
    expect(birth.message).toBe("Pour une naissance à Paris, Lyon ou Marseille, choisissez l'arrondissement.");
    expect(birth.suggestions.map((s) => s.value)).toContain('PARIS-15E-ARRONDISSEMENT');
    expect(
      field({ ...valid, birth: { city: 'PARIS', department: '75', country: 'FRANCE' } }, 'birthDepartment').ok,
    ).toBe(true);
  });

  it('refuses 99 and any département for a birth abroad', () => {
    const record = { ...valid, birth: { city: 'DAKAR', department: '99', country: 'SENEGAL' } };
    expect(field(record, 'birthDepartment')).toMatchObject({
      ok: false,
      message: "Le département n'est pas français : il doit rester vide (99 n'est plus pris en compte).",
      suggestions: [{ value: '' }],
    });
    expect(field(record, 'birthCity').ok).toBe(true);
    expect(field(record, 'birthCountry').ok).toBe(true);
    expect(field({ ...record, birth: { ...record.birth, department: '' } }, 'birthDepartment').ok).toBe(true);
    expect(field({ ...record, birth: { ...record.birth, department: '69' } }, 'birthDepartment').message).toBe(
      'Pays étranger : le département doit rester vide.',
    );
  });

  it('refuses an unknown or a vanished country, and fixes the spelling of a known one', () => {
    expect(
      field({ ...valid, birth: { city: 'X', department: '', country: 'Atlantide' } }, 'birthCountry'),
    ).toMatchObject({
      ok: false,
      message: "Ce pays n'est pas reconnu.",
    });
    const gdr = field(
      { ...valid, birth: { city: 'BERLIN', department: '', country: 'Allemagne de l’Est' } },
      'birthCountry',
    );
    expect(gdr.ok).toBe(false);
    expect(gdr.message).toContain("n'existe plus");
    const spelled = field(
      { ...valid, birth: { city: 'ABIDJAN', department: '', country: 'Côte d’Ivoire' } },
      'birthCountry',
    );
    expect(spelled.ok).toBe(false);
    expect(spelled.suggestions[0]).toMatchObject({ value: 'COTE-D-IVOIRE', code: '99326' });
    expect(findCountry('99100').country?.key).toBe('FRANCE');
  });

  it('checks the birth town against the birth département', () => {
    const wrongDepartment = field(
      { ...valid, birth: { city: 'RENNES', department: '69', country: 'FRANCE' } },
      'birthCity',
    );
    expect(wrongDepartment.ok).toBe(false);
    expect(wrongDepartment.message).toBe("Cette ville n'a pas été trouvée dans ce département.");
    // Picking the suggestion fixes the département too.
    expect(wrongDepartment.suggestions[0]).toMatchObject({ value: 'RENNES', department: '35' });
    expect(field({ ...valid, birth: { city: 'RENNES', department: '35', country: 'FRANCE' } }, 'birthCity').ok).toBe(
      true,
    );
    const unknownDepartment = field(
      { ...valid, birth: { city: 'RENNES', department: '20', country: 'FRANCE' } },
      'birthDepartment',
    );
    expect(unknownDepartment.suggestions.map((s) => s.value)).toEqual(['2A', '2B']);
  });

  it('checks the previous licence only when there is one', () => {
    expect(checkPlaces({ ...valid, previousLicence: { department: '', country: '' } }).ok).toBe(true);
    const abroad = checkPlaces({ ...valid, previousLicence: { department: '99', country: 'MAROC' } });
    expect(abroad.fields.find((f) => f.field === 'previousLicenceDepartment')?.ok).toBe(false);
    expect(checkPlaces({ ...valid, previousLicence: { department: '', country: 'MAROC' } }).ok).toBe(true);
    expect(checkPlaces({ ...valid, previousLicence: { department: '2A', country: 'FRANCE' } }).ok).toBe(true);
  });

  it('requires a residence postal code of five digits', () => {
    expect(field({ ...valid, residence: { city: 'SAINT-PRIEST', postalCode: '698' } }, 'residenceCity').message).toBe(
      'Le code postal doit comporter 5 chiffres.',
    );
  });
});
