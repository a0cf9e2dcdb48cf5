import { compare, type Dataset, dataset } from './dataset.ts';
import { distanceFrom } from './levenshtein.ts';
import { normalizePlaceName, parsePlaceLabel, placeLabel } from './normalize.ts';
import type { Commune, Suggestion } from './types.ts';

export type TownContext = {
  postalCode?: string;
  department?: string;
  /**
   * A birth town in Paris, Lyon or Marseille is registered by arrondissement: the commune alone
   * ("PARIS") is not in the agency's list of birth places. An address uses the commune + postal code.
   */
  purpose: 'residence' | 'birth';
};

export type TownMatch = { commune: Commune; postalCode: string | undefined };

const MAX_SUGGESTIONS = 10;

function eligible(commune: Commune, purpose: TownContext['purpose']): boolean {
  return purpose === 'birth' ? !commune.hasArrondissements : true;
}

/** The communes whose agency spelling is exactly `input`'s, narrowed by postal code or département. */
export function findTowns(input: string, context: TownContext, data: Dataset = dataset()): TownMatch[] {
  const parsed = parsePlaceLabel(input);
  const postalCode = parsed.postalCode ?? context.postalCode?.trim();
  const candidates = (data.communesByKey.get(normalizePlaceName(parsed.name)) ?? []).filter((c) =>
    eligible(c, context.purpose),
  );
  if (postalCode) {
    return candidates.filter((c) => c.postalCodes.includes(postalCode)).map((commune) => ({ commune, postalCode }));
  }
  const department = context.department?.trim().toUpperCase();
  return candidates
    .filter((c) => !department || c.department === department)
    .map((commune) => ({ commune, postalCode: commune.postalCodes.length === 1 ? commune.postalCodes[0] : undefined }));
}

export function townSuggestion(commune: Commune, postalCode: string | undefined): Suggestion {
  return {
    label: placeLabel(commune.key, postalCode),
    value: commune.key,
    postalCode,
    department: commune.department,
    code: commune.code,
  };
}

/**
 * Ranked choices for a town that did not match: the same name elsewhere (homonyms, other postal
 * codes), the communes of the given postal code, names starting with the input, then close spellings
 * in the same département — the closest to what the user meant first.
 */
export function suggestTowns(input: string, context: TownContext, data: Dataset = dataset()): Suggestion[] {
  const parsed = parsePlaceLabel(input);
  const key = normalizePlaceName(parsed.name);
  const postalCode = parsed.postalCode ?? context.postalCode?.trim();
  const department = (context.department?.trim().toUpperCase() || undefined) ?? departmentOfPostalCode(postalCode);
  const scored = new Map<string, { suggestion: Suggestion; score: number }>();
  const add = (commune: Commune, score: number, code?: string) => {
    if (!eligible(commune, context.purpose)) return;
    const codes = code ? [code] : commune.postalCodes.length > 0 ? commune.postalCodes : [undefined];
    for (const cp of codes) {
      let s = score;
      if (postalCode && cp === postalCode) s -= 100;
      else if (department && commune.department === department) s -= 50;
      const suggestion = townSuggestion(commune, context.purpose === 'birth' ? undefined : cp);
      const id = suggestion.label + commune.code;
      const known = scored.get(id);
      if (!known || known.score > s) scored.set(id, { suggestion, score: s });
    }
  };

  for (const commune of data.communesByKey.get(key) ?? []) add(commune, 0);
  // Paris, Lyon, Marseille as a birth town: offer all their arrondissements, in order.
  let limit = MAX_SUGGESTIONS;
  for (const commune of data.communesByKey.get(key) ?? []) {
    if (context.purpose === 'birth' && commune.hasArrondissements) {
      const arrondissements = (data.communesByDepartment.get(commune.department) ?? []).filter(
        (c) => c.kind === 'arrondissement' && c.key.startsWith(`${key}-`),
      );
      for (const [rank, arrondissement] of arrondissements.entries()) add(arrondissement, 5 + rank / 100);
      limit = Math.max(limit, arrondissements.length);
    }
  }
  if (postalCode) for (const commune of data.communesByPostalCode.get(postalCode) ?? []) add(commune, 10, postalCode);
  if (key.length >= 2) {
    for (const town of prefixRange(data, key, 50)) add(town.commune, 20, town.postalCode);
  }
  // Close spellings only when the name matched no commune at all: the costly part, kept off the common path.
  if (key.length >= 3 && !data.communesByKey.has(key) && scored.size < limit) {
    const max = key.length <= 5 ? 1 : 2;
    const pool = department ? (data.communesByDepartment.get(department) ?? []) : closeCandidates(key, max, data);
    const distanceTo = distanceFrom(key);
    for (const commune of pool) {
      const distance = distanceTo(commune.key, max);
      if (distance <= max) add(commune, 30 + distance * 5);
    }
  }
  return [...scored.values()]
    .sort((a, b) => a.score - b.score || compare(a.suggestion.label, b.suggestion.label))
    .slice(0, limit)
    .map((s) => s.suggestion);
}

/** Autocomplete: the towns whose agency spelling starts with what was typed, in list order. */
export function autocompleteTowns(
  input: string,
  options: { limit?: number; department?: string; purpose?: TownContext['purpose'] } = {},
  data: Dataset = dataset(),
): Suggestion[] {
  const limit = Math.min(Math.max(options.limit ?? 10, 1), 50);
  const trimmed = input.trim();
  if (/^\d{5}$/.test(trimmed)) {
    return (data.communesByPostalCode.get(trimmed) ?? []).slice(0, limit).map((c) => townSuggestion(c, trimmed));
  }
  const key = normalizePlaceName(parsePlaceLabel(trimmed).name);
  if (!key) return [];
  const department = options.department?.trim().toUpperCase();
  const purpose = options.purpose ?? 'residence';
  const filtered = Boolean(department) || purpose === 'birth';
  const out: Suggestion[] = [];
  for (const town of prefixRange(data, key, filtered ? Number.POSITIVE_INFINITY : limit)) {
    if (department && town.commune.department !== department) continue;
    if (!eligible(town.commune, purpose)) continue;
    out.push(townSuggestion(town.commune, town.postalCode));
    if (out.length >= limit) break;
  }
  return out;
}

function* prefixRange(data: Dataset, prefix: string, max: number) {
  const { towns } = data;
  let low = 0;
  let high = towns.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(towns[mid]!.key, prefix) < 0) low = mid + 1;
    else high = mid;
  }
  for (let i = low, n = 0; i < towns.length && n < max && towns[i]!.key.startsWith(prefix); i++, n++) yield towns[i]!;
}

/** "69800" → "69", "20000" → "2A", "97400" → "974". */
export function departmentOfPostalCode(postalCode: string | undefined): string | undefined {
  if (!postalCode || !/^\d{5}$/.test(postalCode)) return undefined;
  if (postalCode.startsWith('97') || postalCode.startsWith('98')) return postalCode.slice(0, 3);
  if (postalCode.startsWith('20')) return Number(postalCode) < 20200 ? '2A' : '2B';
  return postalCode.slice(0, 2);
}

/**
 * The communes that may be within `max` edits of `key`, among all of France (no département to
 * narrow them). One edit spoils at most 3 of a name's padded trigrams, so a name within `max` edits
 * shares at least `needed` of the key's distinct trigrams, and so at least one of any `d - needed + 1`
 * of the `d` that names within reach hold. The index holds each trigram's communes ordered by name
 * length, so only the names of a length within `max` are read; the rarest trigrams find the
 * candidates (the commonest, as in every SAINT-…, are not read through), and the others are
 * counted for each candidate by a binary search.
 */
export function closeCandidates(key: string, max: number, data: Dataset): Commune[] {
  const index = trigramIndex(data);
  const grams = trigrams(key);
  const distinct = new Set(grams);
  const needed = grams.length - 3 * max - (grams.length - distinct.size);
  const end = index.byLength.length;
  const from = index.lengthStart[Math.max(0, key.length - max)] ?? end;
  const to = index.lengthStart[Math.min(index.lengthStart.length - 1, key.length + max + 1)] ?? end;
  if (needed < 1) return index.byLength.slice(from, to);
  // Each trigram's communes of a length within reach: [start, end) of its list, shortest first.
  const ranges: { list: Int32Array; start: number; end: number }[] = [];
  for (const gram of distinct) {
    const list = index.lists.get(gram);
    if (!list) continue;
    const start = lowerBound(list, from);
    const end = lowerBound(list, to);
    if (end > start) ranges.push({ list, start, end });
  }
  ranges.sort((a, b) => a.end - a.start - (b.end - b.start));
  const probes = ranges.length - needed + 1;
  if (probes < 1) return [];
  // One count per commune, reused by every call (a typed array: a Map made it 5× slower), put
  // back to zero for the communes this call touched.
  const shared = sharedCounts(data);
  const touched: number[] = [];
  for (let r = 0; r < probes; r++) {
    const { list, start, end } = ranges[r]!;
    for (let k = start; k < end; k++) {
      const i = list[k]!;
      if (shared[i] === 0) touched.push(i);
      shared[i]!++;
    }
  }
  const found: Commune[] = [];
  for (const i of touched) {
    let count = shared[i]!;
    shared[i] = 0;
    for (let r = probes; r < ranges.length && count < needed && count + ranges.length - r >= needed; r++) {
      const { list, start, end } = ranges[r]!;
      const at = lowerBound(list, i, start, end);
      if (at < end && list[at] === i) count++;
    }
    if (count >= needed) found.push(index.byLength[i]!);
  }
  return found;
}

/** The first position in `list[start, end)` (ascending) holding `value` or more. */
function lowerBound(list: Int32Array, value: number, start = 0, end = list.length): number {
  let lo = start;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The name's trigrams, padded so its first and last letters count as much as the others. */
function trigrams(key: string): string[] {
  const padded = `\u0001\u0001${key}\u0002`;
  return Array.from({ length: padded.length - 2 }, (_, i) => padded.slice(i, i + 3));
}

const sharedCountsOf = new WeakMap<Dataset, Uint16Array>();
function sharedCounts(data: Dataset): Uint16Array {
  let counts = sharedCountsOf.get(data);
  if (!counts) {
    counts = new Uint16Array(data.communes.length);
    sharedCountsOf.set(data, counts);
  }
  return counts;
}

/**
 * The communes ordered by the length of their name (`byLength`, where those of length L start at
 * `lengthStart[L]`), and which of them (by position there, ascending) hold each trigram.
 */
type TrigramIndex = { byLength: Commune[]; lengthStart: Int32Array; lists: Map<string, Int32Array> };
const trigramIndexes = new WeakMap<Dataset, TrigramIndex>();

/** Built on first use, once per dataset. */
function trigramIndex(data: Dataset): TrigramIndex {
  let index = trigramIndexes.get(data);
  if (!index) {
    const byLength = [...data.communes].sort((a, b) => a.key.length - b.key.length);
    const longest = byLength.at(-1)?.key.length ?? 0;
    const lengthStart = new Int32Array(longest + 2).fill(byLength.length);
    for (let i = byLength.length - 1; i >= 0; i--) lengthStart[byLength[i]!.key.length] = i;
    for (let length = longest; length >= 0; length--) {
      lengthStart[length] = Math.min(lengthStart[length]!, lengthStart[length + 1]!);
    }
    const lists = new Map<string, number[]>();
    byLength.forEach((commune, i) => {
      for (const gram of new Set(trigrams(commune.key))) {
        const list = lists.get(gram);
        if (list) list.push(i);
        else lists.set(gram, [i]);
      }
    });
    index = { byLength, lengthStart, lists: new Map([...lists].map(([gram, list]) => [gram, Int32Array.from(list)])) };
    trigramIndexes.set(data, index);
  }
  return index;
}
