import { describe, expect, it } from 'vitest';
import { dataset } from './dataset.ts';
import { boundedLevenshtein } from './levenshtein.ts';
import { autocompleteTowns, closeCandidates, departmentOfPostalCode, findTowns, suggestTowns } from './towns.ts';

describe('communes (COG 2026)', () => {
  const data = dataset();

  it('holds the current communes and the arrondissements of Paris, Lyon and Marseille', () => {
    expect(data.communes.filter((c) => c.kind === 'commune').length).toBeGreaterThan(34900);
    const arrondissements = data.communes.filter((c) => c.kind === 'arrondissement');
    expect(arrondissements).toHaveLength(45);
    expect(arrondissements.filter((c) => c.department === '75')).toHaveLength(20);
    expect(arrondissements.filter((c) => c.department === '69')).toHaveLength(9);
    expect(arrondissements.filter((c) => c.department === '13')).toHaveLength(16);
  });

  it('finds every current commune by its own name and each of its postal codes', () => {
    const misses: string[] = [];
    let checked = 0;
    for (const commune of data.communes) {
      const codes = commune.postalCodes.length > 0 ? commune.postalCodes : [undefined];
      for (const postalCode of codes) {
        checked++;
        const found = findTowns(commune.name, { postalCode, department: commune.department, purpose: 'residence' });
        if (found.length !== 1 || found[0]!.commune.code !== commune.code)
          misses.push(`${commune.name} (${postalCode})`);
      }
    }
    expect(checked).toBeGreaterThan(35500);
    expect(misses).toEqual([]);
  });

  it('tells apart the three Saint-Priest by postal code', () => {
    const all = findTowns('SAINT-PRIEST', { purpose: 'residence' });
    expect(all.map((m) => m.commune.code).sort()).toEqual(['07288', '23234', '69290']);
    expect(findTowns('ST PRIEST', { postalCode: '69800', purpose: 'residence' }).map((m) => m.commune.code)).toEqual([
      '69290',
    ]);
    expect(findTowns('SAINT-PRIEST (23110)', { purpose: 'residence' }).map((m) => m.commune.department)).toEqual([
      '23',
    ]);
  });

  it('suggests SAINT-PRIEST (69800) first for "ST PRIEST" in 69800', () => {
    const suggestions = suggestTowns('ST PRIEST', { postalCode: '69800', purpose: 'residence' });
    expect(suggestions[0]).toEqual({
      label: 'SAINT-PRIEST (69800)',
      value: 'SAINT-PRIEST',
      postalCode: '69800',
      department: '69',
      code: '69290',
    });
    expect(suggestions.map((s) => s.label)).toEqual(
      expect.arrayContaining(['SAINT-PRIEST (07000)', 'SAINT-PRIEST (23110)']),
    );
  });

  it('suggests close spellings for a typo', () => {
    expect(suggestTowns('RENE', { postalCode: '35000', purpose: 'residence' })[0]?.label).toBe('RENNES (35000)');
    expect(suggestTowns('MONPELLIER', { purpose: 'residence' }).map((s) => s.label)).toContain('MONTPELLIER (34000)');
  });

  it('finds, without a département, every commune within the edits allowed, as reading them all would', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ- ';
    const edit = (key: string) => {
      const at = random(key.length);
      const letter = letters[random(letters.length)]!;
      const kind = random(3);
      if (kind === 0) return key.slice(0, at) + letter + key.slice(at + 1);
      if (kind === 1) return key.slice(0, at) + letter + key.slice(at);
      return key.slice(0, at) + key.slice(at + 1);
    };
    // Names of every length, SAINT-… ones among them, with one or two edits.
    const picked = Array.from({ length: 300 }, () => data.communes[random(data.communes.length)]!.key);
    picked.push(
      'SAINT-MALO',
      'SAINT-JEAN-DE-LUZ',
      'EU',
      'Y',
      'LE MANS',
      'SAINT-REMY-EN-BOUZEMONT-SAINT-GENEST-ET-ISSON',
    );
    for (const name of picked) {
      const key = random(2) ? edit(edit(name)) : edit(name);
      if (key.length < 3) continue;
      const max = key.length <= 5 ? 1 : 2;
      const everyName = data.communes
        .map((commune) => ({ code: commune.code, distance: boundedLevenshtein(key, commune.key, max) }))
        .filter((c) => c.distance <= max);
      const found = closeCandidates(key, max, data)
        .map((commune) => ({ code: commune.code, distance: boundedLevenshtein(key, commune.key, max) }))
        .filter((c) => c.distance <= max);
      const order = (list: { code: string; distance: number }[]) =>
        [...list].sort((a, b) => a.code.localeCompare(b.code) || a.distance - b.distance);
      expect(order(found), key).toEqual(order(everyName));
    }
  });

  it('offers the arrondissements for a birth in Paris, in order', () => {
    expect(findTowns('PARIS', { department: '75', purpose: 'birth' })).toEqual([]);
    const suggestions = suggestTowns('PARIS', { department: '75', purpose: 'birth' });
    expect(suggestions).toHaveLength(20);
    expect(suggestions[0]).toMatchObject({ value: 'PARIS-1ER-ARRONDISSEMENT', code: '75101' });
    expect(suggestions[19]).toMatchObject({ value: 'PARIS-20E-ARRONDISSEMENT', code: '75120' });
    // An address in Paris is the commune with its postal code.
    expect(findTowns('PARIS', { postalCode: '75015', purpose: 'residence' })).toHaveLength(1);
  });

  it('handles Corsica and overseas', () => {
    expect(findTowns('AJACCIO', { postalCode: '20000', purpose: 'residence' })[0]?.commune.department).toBe('2A');
    expect(findTowns('BASTIA', { department: '2B', purpose: 'birth' })).toHaveLength(1);
    expect(findTowns('SAINT-DENIS', { postalCode: '97400', purpose: 'residence' })[0]?.commune.code).toBe('97411');
    expect(findTowns('NOUMEA', { department: '988', purpose: 'birth' })).toHaveLength(1);
    expect(departmentOfPostalCode('20200')).toBe('2B');
    expect(departmentOfPostalCode('97200')).toBe('972');
  });

  it('matches names with apostrophes and œ', () => {
    expect(findTowns("L'Haÿ-les-Roses", { postalCode: '94240', purpose: 'residence' })[0]?.commune.code).toBe('94038');
    expect(findTowns('COEUVRES ET VALSERY', { postalCode: '02600', purpose: 'residence' })).toHaveLength(1);
  });

  it('autocompletes in list order, as the seed shows it', () => {
    expect(autocompleteTowns('saint pri', { limit: 5 }).map((s) => s.label)).toEqual([
      'SAINT-PRIEST (07000)',
      'SAINT-PRIEST (23110)',
      'SAINT-PRIEST (69800)',
      'SAINT-PRIEST-BRAMEFANT (63310)',
      'SAINT-PRIEST-D-ANDELOT (03800)',
    ]);
    expect(autocompleteTowns('st pri', { department: '69' }).map((s) => s.label)).toEqual(['SAINT-PRIEST (69800)']);
    expect(autocompleteTowns('69800').map((s) => s.label)).toEqual(['SAINT-PRIEST (69800)']);
    expect(autocompleteTowns('zzzz')).toEqual([]);
    // A birth town in Lyon is an arrondissement: the commune itself is not offered.
    const births = autocompleteTowns('lyon', { purpose: 'birth', limit: 3 }).map((s) => s.value);
    expect(births).toEqual(['LYON-1ER-ARRONDISSEMENT', 'LYON-2E-ARRONDISSEMENT', 'LYON-3E-ARRONDISSEMENT']);
    expect(autocompleteTowns('lyon', { limit: 1 })[0]?.label).toBe('LYON (69001)');
  });
});

describe('préfectures', () => {
  it("lists the préfecture then the sous-préfectures of an office's département", async () => {
    const { prefecturesForPostalCode, findPrefecture } = await import('./prefectures.ts');
    expect(prefecturesForPostalCode('35200').map((p) => p.label)).toEqual([
      'Préfecture de Rennes',
      'Sous-préfecture de Fougères',
      'Sous-préfecture de Redon',
      'Sous-préfecture de Saint-Malo',
    ]);
    expect(prefecturesForPostalCode('90000')[0]).toMatchObject({
      name: 'BELFORT',
      kind: 'prefecture',
      department: '90',
    });
    expect(prefecturesForPostalCode('20000')[0]?.name).toBe('AJACCIO');
    expect(prefecturesForPostalCode('123')).toEqual([]);
    expect(findPrefecture('35238')?.label).toBe('Préfecture de Rennes');
  });
});
