import { describe, expect, it } from 'vitest';
import { splitStreetLine } from './streetAddress.ts';

describe('an address line read back into the recap’s parts (seed 000)', () => {
  it.each([
    ['20 Rue LECLERC', { number: '20', extension: '', streetType: 'Rue', streetName: 'LECLERC' }],
    ['15 rue Aristide Briand', { number: '15', extension: '', streetType: 'Rue', streetName: 'Aristide Briand' }],
    [
      '12 bis avenue de la République',
      { number: '12', extension: 'bis', streetType: 'Avenue', streetName: 'de la République' },
    ],
    ['12B bd Voltaire', { number: '12', extension: 'b', streetType: 'Boulevard', streetName: 'Voltaire' }],
    ['4, Allée des Tilleuls', { number: '4', extension: '', streetType: 'Allée', streetName: 'des Tilleuls' }],
    ['7 r. Victor Hugo', { number: '7', extension: '', streetType: 'Rue', streetName: 'Victor Hugo' }],
    ['3 ter Lieu-dit Les Landes', { number: '3', extension: 'ter', streetType: 'Lieu-dit', streetName: 'Les Landes' }],
    // Without a type the rest is the name; without a number the line stays whole.
    ['8 Grande Rue', { number: '8', extension: '', streetType: '', streetName: 'Grande Rue' }],
    ['3 Place', { number: '3', extension: '', streetType: '', streetName: 'Place' }],
    ['Lieu-dit La Croix', { number: '', extension: '', streetType: '', streetName: 'Lieu-dit La Croix' }],
    ['12', { number: '', extension: '', streetType: '', streetName: '12' }],
  ])('« %s »', (line, parts) => {
    expect(splitStreetLine(line)).toEqual(parts);
  });
});
