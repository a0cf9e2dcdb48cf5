import { compare, type Dataset, dataset } from './dataset.ts';
import { boundedLevenshtein } from './levenshtein.ts';
import { normalizePlaceName } from './normalize.ts';
import type { Country, Department, Suggestion } from './types.ts';

/** Départements: "75", "2A", "971"; a number typed without its leading zero ("1") is read as "01". */
export function findDepartment(input: string, data: Dataset = dataset()): Department | undefined {
  const value = input.trim().toUpperCase();
  const code = /^\d$/.test(value) ? `0${value}` : value;
  return data.departmentsByCode.get(code) ?? data.departmentsByKey.get(normalizePlaceName(value));
}

export function departmentSuggestion(department: Department): Suggestion {
  return { label: `${department.code} - ${department.key}`, value: department.code, code: department.code };
}

export function suggestDepartments(input: string, data: Dataset = dataset()): Suggestion[] {
  const value = input.trim().toUpperCase();
  const key = normalizePlaceName(value);
  if (value === '20') return ['2A', '2B'].map((c) => departmentSuggestion(data.departmentsByCode.get(c)!));
  return data.departments
    .map((d) => ({
      d,
      score:
        d.code === value
          ? 0
          : d.key === key
            ? 0
            : d.code.startsWith(value) || d.key.startsWith(key)
              ? 1
              : boundedLevenshtein(key, d.key, 2) + 2,
    }))
    .filter((x) => key.length > 0 && x.score <= 4)
    .sort((a, b) => a.score - b.score || compare(a.d.code, b.d.code))
    .slice(0, 10)
    .map((x) => departmentSuggestion(x.d));
}

/** A current country or territory by name ("Sénégal", "SENEGAL"), official name, or INSEE code. */
export function findCountry(input: string, data: Dataset = dataset()): { country?: Country; historical?: Country } {
  const value = input.trim();
  const byCode = /^99\d{3}$/.test(value) ? data.countriesByCode.get(value) : undefined;
  const matches = byCode ? [byCode] : (data.countriesByKey.get(normalizePlaceName(value)) ?? []);
  return { country: matches.find((c) => c.current), historical: matches.find((c) => !c.current) };
}

export function countrySuggestion(country: Country): Suggestion {
  return { label: country.key, value: country.key, code: country.code };
}

export function suggestCountries(input: string, data: Dataset = dataset()): Suggestion[] {
  const key = normalizePlaceName(input);
  if (!key) return [];
  return data.countries
    .filter((c) => c.current)
    .map((c) => {
      const official = normalizePlaceName(c.officialName);
      const score =
        c.key === key ? 0 : c.key.startsWith(key) || official.includes(key) ? 1 : boundedLevenshtein(key, c.key, 3) + 1;
      return { c, score };
    })
    .filter((x) => x.score <= 4)
    .sort((a, b) => a.score - b.score || compare(a.c.key, b.c.key))
    .slice(0, 10)
    .map((x) => countrySuggestion(x.c));
}

export const FRANCE_CODE = '99100';
