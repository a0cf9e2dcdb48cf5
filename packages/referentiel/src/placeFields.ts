import type { z } from 'zod';
import type { fieldCheckSchema, placeFieldSchema, placeRecordSchema, placesCheckSchema } from './contract.ts';

/** The place fields of a student record, as the school's popup and the national service check them. */
export type PlaceRecord = z.output<typeof placeRecordSchema>;

export type PlaceField = z.output<typeof placeFieldSchema>;

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

/** One field's check, and the whole record's: the contract's answer to a places check. */
export type FieldCheck = z.output<typeof fieldCheckSchema>;
export type PlacesCheck = z.output<typeof placesCheckSchema>;
