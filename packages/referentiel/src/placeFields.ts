import type { Suggestion } from './types.ts';

/** The place fields of a student record, as the school's popup and the national service check them. */
export type PlaceRecord = {
  residence: { city: string; postalCode: string };
  legalRepresentative?: { city: string; postalCode: string } | null;
  birth: { city: string; department: string; country: string };
  previousLicence?: { department: string; country: string } | null;
};

export type PlaceField =
  | 'residenceCity'
  | 'legalRepresentativeCity'
  | 'birthCity'
  | 'birthDepartment'
  | 'birthCountry'
  | 'previousLicenceDepartment'
  | 'previousLicenceCountry';

/** The seed's labels, in the popup's order. */
export const PLACE_FIELD_LABELS: Record<PlaceField, string> = {
  residenceCity: "Ville d'habitation de l'élève",
  legalRepresentativeCity: 'Ville du représentant légal',
  birthCity: 'Ville de naissance',
  birthDepartment: 'Département de naissance',
  birthCountry: 'Pays de naissance',
  previousLicenceDepartment: 'Département délivrance ancien permis',
  previousLicenceCountry: "Pays d'origine ancien permis",
};

export type FieldCheck = {
  field: PlaceField;
  label: string;
  /** What the record holds, as shown in the popup ("SAINT-PRIEST (69800)" for a town with its postal code). */
  value: string;
  ok: boolean;
  /** Why it is not accepted, in French. */
  message?: string;
  /** Ranked choices; the first is the most likely. Empty when the value is accepted. */
  suggestions: Suggestion[];
};

export type PlacesCheck = { ok: boolean; fields: FieldCheck[] };
