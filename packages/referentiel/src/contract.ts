import { route } from '@permis/platform/route';
import { z } from 'zod';

/**
 * The reference-data routes both services mount (`referentielRoutes`): town autocomplete,
 * départements, countries, and the check of a record's places. Browser-safe: the pages call them
 * through this declaration; the lists themselves stay on the server (`./data`).
 */

/** One choice offered to the user; picking it sets the field(s) to these values. */
export const suggestionSchema = z.object({
  /** Text shown in the list, in the agency's form: "SAINT-PRIEST (69800)", "SENEGAL", "75 - PARIS". */
  label: z.string(),
  /** The value the field takes: "SAINT-PRIEST", "SENEGAL", "75". */
  value: z.string(),
  /** For towns: the postal code that goes with it (residence) … */
  postalCode: z.string().optional(),
  /** … and the département (birth town). */
  department: z.string().optional(),
  /** INSEE code of the commune, département or country. */
  code: z.string(),
});

/** The place fields of a student record, in the popup's order. */
export const placeFieldSchema = z.enum([
  'residenceCity',
  'legalRepresentativeCity',
  'birthCity',
  'birthDepartment',
  'birthCountry',
  'previousLicenceDepartment',
  'previousLicenceCountry',
]);

export const fieldCheckSchema = z.object({
  field: placeFieldSchema,
  label: z.string(),
  /** What the record holds, as shown in the popup ("SAINT-PRIEST (69800)" for a town with its postal code). */
  value: z.string(),
  ok: z.boolean(),
  /** Why it is not accepted, in French. */
  message: z.string().optional(),
  /** Ranked choices; the first is the most likely. Empty when the value is accepted. */
  suggestions: z.array(suggestionSchema),
});

export const placesCheckSchema = z.object({ ok: z.boolean(), fields: z.array(fieldCheckSchema) });

const text = z.string().max(100).default('');
const town = z.object({ city: text, postalCode: z.string().max(10).default('') });

/** The body of a places check: the place fields of a student record. */
export const placeRecordSchema = z.object({
  residence: town,
  legalRepresentative: town.nullable().optional(),
  birth: z.object({ city: text, department: z.string().max(30).default(''), country: text }),
  previousLicence: z
    .object({ department: z.string().max(30).default(''), country: text })
    .nullable()
    .optional(),
});

export const referentielContract = {
  towns: route({
    method: 'GET',
    path: '/api/referentiel/towns',
    query: z.object({
      q: z.string().trim().min(1).max(100),
      department: z.string().trim().max(3).optional(),
      limit: z.coerce.number().int().min(1).max(50).default(10),
      purpose: z.enum(['residence', 'birth']).default('residence'),
    }),
    response: z.object({ towns: z.array(suggestionSchema) }),
  }),
  departments: route({
    method: 'GET',
    path: '/api/referentiel/departments',
    response: z.object({ departments: z.array(suggestionSchema) }),
  }),
  countries: route({
    method: 'GET',
    path: '/api/referentiel/countries',
    query: z.object({ q: z.string().trim().min(1).max(100) }),
    response: z.object({ countries: z.array(suggestionSchema) }),
  }),
  checkPlaces: route({
    method: 'POST',
    path: '/api/referentiel/check-places',
    body: placeRecordSchema,
    response: placesCheckSchema,
  }),
};
