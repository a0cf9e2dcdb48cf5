import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkPlaces } from './check.ts';
import { dataset } from './dataset.ts';
import { departmentSuggestion, suggestCountries } from './places.ts';
import { autocompleteTowns } from './towns.ts';

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

/**
 * The reference-data routes both services serve: town autocomplete, départements, countries, and
 * the check of a record's places. `access` is the service's access kind for them.
 */
export function referentielRoutes(app: FastifyInstance, access: string) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Load the lists now rather than on the first user's request.
  dataset();

  api.get(
    '/api/referentiel/towns',
    {
      config: { access },
      schema: {
        querystring: z.object({
          q: z.string().trim().min(1).max(100),
          department: z.string().trim().max(3).optional(),
          limit: z.coerce.number().int().min(1).max(50).default(10),
          purpose: z.enum(['residence', 'birth']).default('residence'),
        }),
      },
    },
    async (request) => {
      const { q, department, limit, purpose } = request.query;
      return { towns: autocompleteTowns(q, { department, limit, purpose }) };
    },
  );

  api.get('/api/referentiel/departments', { config: { access } }, async (_request) => {
    return { departments: dataset().departments.map(departmentSuggestion) };
  });

  api.get(
    '/api/referentiel/countries',
    { config: { access }, schema: { querystring: z.object({ q: z.string().trim().min(1).max(100) }) } },
    async (request) => {
      return { countries: suggestCountries(request.query.q) };
    },
  );

  api.post(
    '/api/referentiel/check-places',
    { config: { access }, schema: { body: placeRecordSchema } },
    async (request) => {
      return checkPlaces(request.body);
    },
  );
}
