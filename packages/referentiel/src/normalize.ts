/**
 * The agency's spelling of places: upper case, no accents, œ/æ spelled out, spaces and apostrophes
 * become hyphens, abbreviated SAINT/SAINTE written in full. "St Priest" → "SAINT-PRIEST",
 * "L'Haÿ-les-Roses" → "L-HAY-LES-ROSES", "Cœuvres-et-Valsery" → "COEUVRES-ET-VALSERY".
 */
export function normalizePlaceName(input: string): string {
  const words = input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'OE')
    .replace(/æ/gi, 'AE')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  return words.map((word) => ABBREVIATIONS[word] ?? word).join('-');
}

const ABBREVIATIONS: Record<string, string> = { ST: 'SAINT', STE: 'SAINTE', STES: 'SAINTES', STS: 'SAINTS' };

/** "SAINT-PRIEST (69800)" → name and postal code; "SAINT-PRIEST ()" or "SAINT-PRIEST" → no postal code. */
export function parsePlaceLabel(input: string): { name: string; postalCode?: string } {
  const match = /^(.*?)\s*\((\d{5})?\)\s*$/.exec(input);
  if (match && (match[2] || input.trim().endsWith('()'))) {
    return { name: match[1]!.trim(), postalCode: match[2] };
  }
  return { name: input.trim() };
}

/** The form the agency shows in its lists: "SAINT-PRIEST (69800)". */
export function placeLabel(normalizedName: string, postalCode: string | undefined): string {
  return postalCode ? `${normalizedName} (${postalCode})` : normalizedName;
}
