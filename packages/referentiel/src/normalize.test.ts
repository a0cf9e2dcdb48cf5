import { describe, expect, it } from 'vitest';
import { normalizePlaceName, parsePlaceLabel, placeLabel } from './normalize.ts';

describe("the agency's spelling", () => {
  it.each([
    ['ST PRIEST', 'SAINT-PRIEST'],
    ['St-Priest', 'SAINT-PRIEST'],
    ['Ste Foy lès Lyon', 'SAINTE-FOY-LES-LYON'],
    ["L'Haÿ-les-Roses", 'L-HAY-LES-ROSES'],
    ['L’Isle-d’Abeau', 'L-ISLE-D-ABEAU'],
    ['Cœuvres-et-Valsery', 'COEUVRES-ET-VALSERY'],
    ['  saint   étienne ', 'SAINT-ETIENNE'],
    ['Bors (Canton de Charente-Sud)', 'BORS-CANTON-DE-CHARENTE-SUD'],
    ['Paris 15e Arrondissement', 'PARIS-15E-ARRONDISSEMENT'],
    ['Côte d’Ivoire', 'COTE-D-IVOIRE'],
    // "ST" inside a word is not an abbreviation.
    ['ESTAING', 'ESTAING'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePlaceName(input)).toBe(expected);
  });

  it('reads and writes the "NAME (postal code)" form', () => {
    expect(parsePlaceLabel('SAINT-PRIEST (69800)')).toEqual({ name: 'SAINT-PRIEST', postalCode: '69800' });
    expect(parsePlaceLabel('Saint-Priest ()')).toEqual({ name: 'Saint-Priest', postalCode: undefined });
    expect(parsePlaceLabel('Bors (Canton de Charente-Sud)')).toEqual({ name: 'Bors (Canton de Charente-Sud)' });
    expect(placeLabel('SAINT-PRIEST', '69800')).toBe('SAINT-PRIEST (69800)');
  });
});
