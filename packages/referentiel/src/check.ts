import { type Dataset, dataset } from './dataset.ts';
import { normalizePlaceName } from './normalize.ts';
import {
  type FieldCheck,
  PLACE_FIELD_LABELS,
  type PlaceField,
  type PlaceRecord,
  type PlacesCheck,
} from './placeFields.ts';
import {
  countrySuggestion,
  departmentSuggestion,
  FRANCE_CODE,
  findCountry,
  findDepartment,
  suggestCountries,
  suggestDepartments,
} from './places.ts';
import { findTowns, suggestTowns, townSuggestion } from './towns.ts';
import type { Suggestion } from './types.ts';

const EMPTY_FOREIGN_DEPARTMENT: Suggestion = { label: '(vide)', value: '', code: '' };

/**
 * Checks every place field against the official lists, the way the national service will: values
 * must be in the agency's spelling (upper case, no accents, hyphens, SAINT in full), a town must
 * exist with its postal code (or in its birth département), a foreign birth leaves the département
 * empty ("99" is no longer accepted) and a country must be a current one.
 */
export function checkPlaces(record: PlaceRecord, data: Dataset = dataset()): PlacesCheck {
  const fields: FieldCheck[] = [];
  const push = (field: PlaceField, value: string, result: Omit<FieldCheck, 'field' | 'label' | 'value'>) =>
    fields.push({ field, label: PLACE_FIELD_LABELS[field], value, ...result });

  push(
    'residenceCity',
    townDisplay(record.residence.city, record.residence.postalCode),
    checkAddressTown(record.residence.city, record.residence.postalCode, data),
  );
  const rep = record.legalRepresentative;
  push(
    'legalRepresentativeCity',
    rep ? townDisplay(rep.city, rep.postalCode) : '',
    rep && (rep.city.trim() || rep.postalCode.trim()) ? checkAddressTown(rep.city, rep.postalCode, data) : OK,
  );

  const birthCountry = checkCountry(record.birth.country, { required: true }, data);
  // Until the country says otherwise (empty, or France), the birth place is checked as French.
  const bornInFrance = !record.birth.country.trim() || birthCountry.code === FRANCE_CODE;
  const birthDepartment = checkDepartment(
    record.birth.department,
    { required: bornInFrance, foreign: !bornInFrance },
    data,
  );
  push(
    'birthCity',
    record.birth.city,
    bornInFrance
      ? checkBirthTown(record.birth.city, birthDepartment.ok ? record.birth.department : undefined, data)
      : record.birth.city.trim()
        ? OK
        : required('Indiquez la ville de naissance.'),
  );
  push('birthDepartment', record.birth.department, birthDepartment);
  push('birthCountry', record.birth.country, birthCountry);

  const licence = record.previousLicence;
  const hasLicence = Boolean(licence && (licence.department.trim() || licence.country.trim()));
  const licenceCountry = hasLicence ? checkCountry(licence!.country, { required: true }, data) : OK_COUNTRY;
  const licenceInFrance = !licence?.country.trim() || licenceCountry.code === FRANCE_CODE;
  push(
    'previousLicenceDepartment',
    licence?.department ?? '',
    hasLicence
      ? checkDepartment(licence!.department, { required: licenceInFrance, foreign: !licenceInFrance }, data)
      : OK,
  );
  push('previousLicenceCountry', licence?.country ?? '', licenceCountry);

  return { ok: fields.every((f) => f.ok), fields };
}

const OK = { ok: true, suggestions: [] };
const OK_COUNTRY = { ok: true, suggestions: [], code: undefined as string | undefined };
const required = (message: string) => ({ ok: false, message, suggestions: [] });

function townDisplay(city: string, postalCode: string): string {
  return postalCode.trim() ? `${city.trim()} (${postalCode.trim()})` : city.trim();
}

function checkAddressTown(city: string, postalCode: string, data: Dataset) {
  if (!city.trim()) return required('Indiquez la ville.');
  if (!/^\d{5}$/.test(postalCode.trim())) {
    return {
      ok: false,
      message: 'Le code postal doit comporter 5 chiffres.',
      suggestions: suggestTowns(city, { purpose: 'residence' }, data),
    };
  }
  const matches = findTowns(city, { postalCode, purpose: 'residence' }, data);
  if (matches.length === 1 && matches[0]!.commune.key === city.trim()) return OK;
  const suggestions = suggestTowns(city, { postalCode, purpose: 'residence' }, data);
  return {
    ok: false,
    message:
      matches.length === 1
        ? "Le nom de la ville doit être écrit comme sur la liste de l'ANTS."
        : "Cette ville n'a pas été trouvée avec ce code postal.",
    suggestions,
  };
}

function checkBirthTown(city: string, department: string | undefined, data: Dataset) {
  if (!city.trim()) return required('Indiquez la ville de naissance.');
  const matches = findTowns(city, { department, purpose: 'birth' }, data);
  if (matches.length === 1 && matches[0]!.commune.key === city.trim()) return OK;
  const key = normalizePlaceName(city);
  const split = (data.communesByKey.get(key) ?? []).some((c) => c.hasArrondissements);
  return {
    ok: false,
    message: split
      ? "Pour une naissance à Paris, Lyon ou Marseille, choisissez l'arrondissement."
      : matches.length > 1
        ? 'Plusieurs villes portent ce nom : indiquez le département de naissance.'
        : matches.length === 1
          ? "Le nom de la ville doit être écrit comme sur la liste de l'ANTS."
          : department
            ? "Cette ville n'a pas été trouvée dans ce département."
            : "Cette ville n'a pas été trouvée.",
    suggestions:
      matches.length > 1
        ? matches.map((m) => townSuggestion(m.commune, undefined))
        : suggestTowns(city, { department, purpose: 'birth' }, data),
  };
}

function checkDepartment(value: string, rules: { required: boolean; foreign: boolean }, data: Dataset) {
  const trimmed = value.trim();
  if (trimmed === '99') {
    return {
      ok: false,
      message: "Le département n'est pas français : il doit rester vide (99 n'est plus pris en compte).",
      suggestions: [EMPTY_FOREIGN_DEPARTMENT],
    };
  }
  if (rules.foreign) {
    return trimmed
      ? {
          ok: false,
          message: 'Pays étranger : le département doit rester vide.',
          suggestions: [EMPTY_FOREIGN_DEPARTMENT],
        }
      : OK;
  }
  if (!trimmed) return rules.required ? required('Indiquez le département.') : OK;
  const found = findDepartment(trimmed, data);
  if (found && found.code === trimmed) return OK;
  return {
    ok: false,
    message: found ? 'Indiquez le numéro du département.' : "Ce département n'existe pas.",
    suggestions: found ? [departmentSuggestion(found)] : suggestDepartments(trimmed, data),
  };
}

function checkCountry(value: string, rules: { required: boolean }, data: Dataset) {
  const trimmed = value.trim();
  if (!trimmed) return { ...(rules.required ? required('Indiquez le pays.') : OK), code: undefined };
  const { country, historical } = findCountry(trimmed, data);
  if (country && country.key === trimmed) return { ok: true, suggestions: [], code: country.code };
  return {
    ok: false,
    code: country?.code,
    message: country
      ? "Le nom du pays doit être écrit comme sur la liste de l'ANTS."
      : historical
        ? `« ${historical.name} » n'existe plus : choisissez le pays actuel.`
        : "Ce pays n'est pas reconnu.",
    suggestions: country ? [countrySuggestion(country)] : suggestCountries(trimmed, data),
  };
}
