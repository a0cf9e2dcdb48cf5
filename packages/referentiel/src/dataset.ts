import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizePlaceName } from './normalize.ts';
import type { Commune, Country, Department } from './types.ts';

/**
 * The official lists, loaded once per process (≈0.2 s) and indexed for the checks:
 * communes and départements from @etalab/decoupage-administratif (COG 2026), countries from
 * INSEE's list shipped in ../data/insee-pays.csv.
 */
export type Dataset = {
  communes: Commune[];
  communesByKey: Map<string, Commune[]>;
  communesByPostalCode: Map<string, Commune[]>;
  communesByDepartment: Map<string, Commune[]>;
  communesByCode: Map<string, Commune>;
  /**
   * A commune déléguée or associée (merged into a commune nouvelle) by its own INSEE code: the
   * current commune it belongs to. A birth registered there is, today, in that commune.
   */
  mergedCommunesByCode: Map<string, Commune>;
  /** One entry per (commune, postal code), sorted by key then postal code: the autocomplete list. */
  towns: { key: string; postalCode: string | undefined; commune: Commune }[];
  departments: Department[];
  departmentsByCode: Map<string, Department>;
  departmentsByKey: Map<string, Department>;
  countries: Country[];
  countriesByCode: Map<string, Country>;
  countriesByKey: Map<string, Country[]>;
};

type RawCommune = {
  code: string;
  nom: string;
  type: string;
  departement: string;
  codesPostaux?: string[];
  population?: number;
  commune?: string;
  /** For a commune déléguée or associée: the code of the current commune it belongs to. */
  chefLieu?: string;
};
type RawDepartment = { code: string; nom: string; chefLieu: string };

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
let cached: Dataset | undefined;

export function dataset(): Dataset {
  cached ??= load();
  return cached;
}

function load(): Dataset {
  const rawCommunes = require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[];
  const rawDepartments = require('@etalab/decoupage-administratif/data/departements.json') as RawDepartment[];

  const split = new Set(rawCommunes.filter((c) => c.type === 'arrondissement-municipal').map((c) => c.commune));
  const communes: Commune[] = rawCommunes
    .filter((c) => c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal')
    .map((c) => ({
      code: c.code,
      name: c.nom,
      key: normalizePlaceName(c.nom),
      postalCodes: [...new Set(c.codesPostaux ?? [])].sort(),
      department: c.departement,
      kind: c.type === 'arrondissement-municipal' ? ('arrondissement' as const) : ('commune' as const),
      hasArrondissements: split.has(c.code),
      population: c.population ?? 0,
    }));

  const communesByKey = groupBy(communes, (c) => [c.key]);
  const communesByPostalCode = groupBy(communes, (c) => c.postalCodes);
  const communesByDepartment = groupBy(communes, (c) => [c.department]);
  const communesByCode = new Map(communes.map((c) => [c.code, c]));
  const mergedCommunesByCode = new Map<string, Commune>();
  for (const raw of rawCommunes) {
    if (raw.type !== 'commune-deleguee' && raw.type !== 'commune-associee') continue;
    const current = raw.chefLieu ? communesByCode.get(raw.chefLieu) : undefined;
    if (current && !communesByCode.has(raw.code)) mergedCommunesByCode.set(raw.code, current);
  }

  const towns: Dataset['towns'] = communes
    .flatMap((commune): Dataset['towns'] =>
      commune.postalCodes.length > 0
        ? commune.postalCodes.map((postalCode) => ({ key: commune.key, postalCode, commune }))
        : [{ key: commune.key, postalCode: undefined, commune }],
    )
    .sort((a, b) => compare(a.key, b.key) || compare(a.postalCode ?? '', b.postalCode ?? ''));

  const departments: Department[] = rawDepartments.map((d) => ({
    code: d.code,
    name: d.nom,
    key: normalizePlaceName(d.nom),
    chefLieuCode: d.chefLieu,
    chefLieuName: communesByCode.get(d.chefLieu)?.name ?? '',
  }));

  const countries = parseCountries(readFileSync(path.join(here, '../data/insee-pays.csv'), 'utf8'));
  return {
    communes,
    communesByKey,
    communesByPostalCode,
    communesByDepartment,
    communesByCode,
    mergedCommunesByCode,
    towns,
    departments,
    departmentsByCode: new Map(departments.map((d) => [d.code, d])),
    departmentsByKey: new Map(departments.map((d) => [d.key, d])),
    countries,
    countriesByCode: new Map(countries.map((c) => [c.code, c])),
    countriesByKey: groupBy(countries, (c) => [c.key, normalizePlaceName(c.officialName)]),
  };
}

/** Plain code-unit order: the same order binary search uses in the autocomplete. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupBy<T>(items: T[], keys: (item: T) => string[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keys(item))) {
      const list = map.get(key);
      if (list) list.push(item);
      else map.set(key, [item]);
    }
  }
  return map;
}

/** RFC 4180 CSV with a header row: cog,crpay,libcog,libenr,date_debut,date_fin. */
export function parseCountries(csv: string): Country[] {
  const rows = parseCsv(csv);
  const header = rows.shift() ?? [];
  const at = (name: string) => header.indexOf(name);
  return rows
    .filter((row) => row.length >= header.length)
    .map((row) => ({
      code: row[at('cog')]!,
      parentCode: row[at('crpay')] || null,
      name: row[at('libcog')]!,
      officialName: row[at('libenr')]!,
      key: normalizePlaceName(row[at('libcog')]!),
      current: !row[at('date_fin')],
    }));
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
