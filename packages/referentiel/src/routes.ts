import { type HttpServer, mount } from '@permis/platform';
import { checkPlaces } from './check.ts';
import { referentielContract } from './contract.ts';
import { dataset } from './dataset.ts';
import { departmentSuggestion, suggestCountries } from './places.ts';
import { autocompleteTowns } from './towns.ts';

/**
 * The reference-data routes both services serve (`referentielContract`): town autocomplete,
 * départements, countries, and the check of a record's places. `access` is the service's access
 * kind for them.
 */
export function referentielRoutes(app: HttpServer, access: string) {
  // Load the lists now rather than on the first user's request.
  dataset();

  mount(app, referentielContract.towns, { access }, async (request) => {
    const { q, department, limit, purpose } = request.query;
    return { towns: autocompleteTowns(q, { department, limit, purpose }) };
  });

  mount(app, referentielContract.departments, { access }, async () => {
    return { departments: dataset().departments.map(departmentSuggestion) };
  });

  mount(app, referentielContract.countries, { access }, async (request) => {
    return { countries: suggestCountries(request.query.q) };
  });

  mount(app, referentielContract.checkPlaces, { access }, async (request) => {
    return checkPlaces(request.body);
  });
}
