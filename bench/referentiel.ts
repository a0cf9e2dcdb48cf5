import { autocompleteTowns, checkPlaces, dataset, type PlaceRecord } from '@permis/referentiel/data';
import { measure, medianOf, type Row } from './stats.ts';

/**
 * The places check of a whole record and the town autocomplete, over the full official lists, on
 * records drawn from every commune (valid ones, and misspelled ones that need suggestions). Each
 * figure is compared with a plain Map lookup measured in the same run, to read through machine noise.
 */
export async function referentielScenario(): Promise<Row[]> {
  const data = dataset();
  const communes = data.communes.filter((c) => c.postalCodes.length > 0 && !c.hasArrondissements);
  const countries = data.countries.filter((c) => c.current);
  let seed = 42;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const pick = <T>(list: T[]) => list[random(list.length)]!;
  const records: PlaceRecord[] = Array.from({ length: 2000 }, (_, i) => {
    const home = pick(communes);
    const birth = pick(communes);
    const misspell = i % 4 === 0;
    return {
      residence: {
        city: misspell ? home.name.replace(/^Saint-/, 'St ').replaceAll('-', ' ') : home.key,
        postalCode: home.postalCodes[0]!,
      },
      legalRepresentative: i % 3 === 0 ? { city: home.key, postalCode: home.postalCodes[0]! } : null,
      birth:
        i % 5 === 0
          ? { city: 'DAKAR', department: i % 10 === 0 ? '99' : '', country: pick(countries).name }
          : { city: misspell ? birth.name : birth.key, department: birth.department, country: 'FRANCE' },
      previousLicence: i % 7 === 0 ? { department: birth.department, country: 'FRANCE' } : null,
    };
  });
  const prefixes = Array.from({ length: 2000 }, () => {
    const name = pick(communes).name;
    return name.slice(0, 2 + random(Math.max(1, name.length - 2)));
  });
  // A real one-letter typo (a letter replaced, past the first) in the birth town, with its
  // département and without: the close-spelling search over all of France.
  const typo = (name: string) => {
    const at = 1 + random(name.length - 1);
    // Another letter than the one there: a typo that leaves the name as it was is no typo.
    const others = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].filter((letter) => letter !== name[at]);
    return `${name.slice(0, at)}${others[random(others.length)]}${name.slice(at + 1)}`;
  };
  const typoRecords = (withDepartment: boolean): PlaceRecord[] =>
    Array.from({ length: 2000 }, () => {
      const home = pick(communes);
      const birth = pick(communes);
      return {
        residence: { city: typo(home.key), postalCode: home.postalCodes[0]! },
        legalRepresentative: null,
        birth: { city: typo(birth.key), department: withDepartment ? birth.department : '', country: 'FRANCE' },
        previousLicence: null,
      };
    });
  const keys = communes.map((c) => c.key);
  const map = new Map(communes.map((c) => [c.key, c]));

  let i = 0;
  const check = await measure(4000, async () => void checkPlaces(records[i++ % records.length]!));
  const typoFigures = [];
  for (const withDepartment of [true, false]) {
    const typed = typoRecords(withDepartment);
    const p99s: number[] = [];
    for (let run = 0; run < 5; run++) {
      let t = 0;
      p99s.push((await measure(2000, async () => void checkPlaces(typed[t++ % typed.length]!))).p99);
    }
    typoFigures.push({
      scenario: `contrôle des lieux, fautes de frappe réelles ${withDepartment ? 'avec' : 'sans'} département`,
      figure: `p99 ${medianOf(p99s, 'ms', 3).text}`,
      target: 'p99 < 1 ms',
      met: medianOf(p99s).median < 1,
    });
  }
  let j = 0;
  const complete = await measure(4000, async () => void autocompleteTowns(prefixes[j++ % prefixes.length]!));
  let k = 0;
  const lookup = await measure(4000, async () => void map.get(keys[k++ % keys.length]!));
  const f = (n: number) => `${n.toFixed(3)} ms`;
  const ratio = (n: number) => `${(n / lookup.p50).toFixed(0)}× Map.get (${f(lookup.p50)})`;
  return [
    {
      scenario: 'contrôle des lieux d’une fiche',
      figure: `p50 ${f(check.p50)}, p99 ${f(check.p99)}; p50 = ${ratio(check.p50)}`,
      target: 'p99 < 1 ms',
      met: check.p99 < 1,
    },
    {
      scenario: 'autocomplétion des villes',
      figure: `p50 ${f(complete.p50)}, p99 ${f(complete.p99)}; p50 = ${ratio(complete.p50)}`,
      target: 'p99 < 2 ms',
      met: complete.p99 < 2,
    },
    ...typoFigures,
  ];
}
