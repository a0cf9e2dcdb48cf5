import type { PlaceField, PlaceRecord, PlaceSuggestion } from './types.ts';

/** The rows of the "Vérification des villes, départements et pays" popup, in the seed's order. */
export const PLACE_FIELDS: PlaceField[] = [
  'residenceCity',
  'legalRepresentativeCity',
  'birthCity',
  'birthDepartment',
  'birthCountry',
  'previousLicenceDepartment',
  'previousLicenceCountry',
];

/** A birth town is chosen among birth places: Paris, Lyon and Marseille by arrondissement. */
export type PlaceKind = 'town' | 'birthTown' | 'department' | 'country';

export const isTownKind = (kind: PlaceKind) => kind === 'town' || kind === 'birthTown';

/** Which reference list a field is chosen from. */
export const PLACE_FIELD_KINDS: Record<PlaceField, PlaceKind> = {
  residenceCity: 'town',
  legalRepresentativeCity: 'town',
  birthCity: 'birthTown',
  birthDepartment: 'department',
  birthCountry: 'country',
  previousLicenceDepartment: 'department',
  previousLicenceCountry: 'country',
};

const NO_TOWN = { city: '', postalCode: '' };
const NO_LICENCE = { department: '', country: '' };

function townDisplay(town: { city: string; postalCode: string } | null | undefined): string {
  if (!town) return '';
  const city = town.city.trim();
  const postalCode = town.postalCode.trim();
  return postalCode ? `${city} (${postalCode})` : city;
}

/** What a field holds, written as the server shows it: "ST PRIEST (69800)" for a town with its postal code. */
export function placeDisplay(record: PlaceRecord, field: PlaceField): string {
  switch (field) {
    case 'residenceCity':
      return townDisplay(record.residence);
    case 'legalRepresentativeCity':
      return townDisplay(record.legalRepresentative);
    case 'birthCity':
      return record.birth.city.trim();
    case 'birthDepartment':
      return record.birth.department.trim();
    case 'birthCountry':
      return record.birth.country.trim();
    case 'previousLicenceDepartment':
      return record.previousLicence?.department.trim() ?? '';
    case 'previousLicenceCountry':
      return record.previousLicence?.country.trim() ?? '';
  }
}

/**
 * The record once a suggestion is picked for a field. A town brings its postal code (residence,
 * legal representative) or its département (birth town).
 */
export function applySuggestion(record: PlaceRecord, field: PlaceField, suggestion: PlaceSuggestion): PlaceRecord {
  const { value } = suggestion;
  switch (field) {
    case 'residenceCity':
      return {
        ...record,
        residence: { city: value, postalCode: suggestion.postalCode ?? record.residence.postalCode },
      };
    case 'legalRepresentativeCity': {
      const current = record.legalRepresentative ?? NO_TOWN;
      return {
        ...record,
        legalRepresentative: { city: value, postalCode: suggestion.postalCode ?? current.postalCode },
      };
    }
    case 'birthCity':
      return {
        ...record,
        birth: { ...record.birth, city: value, department: suggestion.department ?? record.birth.department },
      };
    case 'birthDepartment':
      return { ...record, birth: { ...record.birth, department: value } };
    case 'birthCountry':
      return { ...record, birth: { ...record.birth, country: value } };
    case 'previousLicenceDepartment':
      return { ...record, previousLicence: { ...(record.previousLicence ?? NO_LICENCE), department: value } };
    case 'previousLicenceCountry':
      return { ...record, previousLicence: { ...(record.previousLicence ?? NO_LICENCE), country: value } };
  }
}

/** Upper case, no accents, letters and digits only: "st-prié" and "ST PRIE" compare equal. */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** One key per choice: two towns may share a name, never a name and an INSEE code. */
export function suggestionKey(suggestion: PlaceSuggestion): string {
  return `${suggestion.code}|${suggestion.label}`;
}
