import { ageOn, type createApplicationSchema, DATA_ERROR_MESSAGES, jdcError } from '@permis/ants-api';
import type { FieldError } from '@permis/platform';
import type { PermitCategory, PlaceField } from '@permis/referentiel';
import { checkPlaces, findPrefecture } from '@permis/referentiel/data';
import type { z } from 'zod';

type Request = z.output<typeof createApplicationSchema>;

/**
 * The content rules the national service enforces on an application, whatever the school's software
 * checked before: places against the official lists, first names, préfecture, and the age rules
 * (sources in docs/rules.md). Each error names its field with the seed's message.
 */
export function dataErrors(request: Request, today: string): FieldError[] {
  const { candidate, legalRepresentative: rep, dossier } = request;
  const errors: FieldError[] = [];

  const places = checkPlaces({
    residence: { city: candidate.city, postalCode: candidate.postalCode },
    legalRepresentative: rep ? { city: rep.city, postalCode: rep.postalCode } : null,
    birth: { city: candidate.birthCity, department: candidate.birthDepartment, country: candidate.birthCountry },
    previousLicence: { department: dossier.previousLicenceDepartment, country: dossier.previousLicenceCountry },
  });
  for (const field of places.fields.filter((f) => !f.ok)) {
    const [path, kind] = PLACE_PATHS[field.field];
    const suggestions = field.suggestions.map(({ label, value, postalCode, department }) => ({
      label,
      value,
      ...(postalCode === undefined ? {} : { postalCode }),
      ...(department === undefined ? {} : { department }),
    }));
    errors.push({ path, message: DATA_ERROR_MESSAGES[kind], ...(suggestions.length > 0 ? { suggestions } : {}) });
  }

  // "Le prénom principal de l'élève doit être saisi dans le champ Prénom. Les prénoms suivants
  // doivent être saisis dans le champ Autres prénoms, séparés par un espace."
  if (!FIRST_NAME.test(candidate.firstName)) {
    errors.push({ path: 'candidate.firstName', message: DATA_ERROR_MESSAGES.firstName });
  }
  if (candidate.otherFirstNames && !candidate.otherFirstNames.split(' ').every((n) => FIRST_NAME.test(n))) {
    errors.push({ path: 'candidate.otherFirstNames', message: DATA_ERROR_MESSAGES.firstName });
  }
  if (!findPrefecture(dossier.prefectureCode)) {
    errors.push({ path: 'dossier.prefectureCode', message: DATA_ERROR_MESSAGES.prefecture });
  }

  const age = ageOn(candidate.birthDate, today);
  if (age < 18 && !rep) {
    errors.push({ path: 'legalRepresentative', message: 'Représentant légal obligatoire pour un candidat mineur.' });
  }
  const jdc = jdcError(age, dossier.declarations.jdcInOrder);
  if (jdc) errors.push({ path: 'dossier.declarations.jdcInOrder', message: jdc });
  if (request.type === '02') {
    for (const category of dossier.requestedCategories) {
      const minimum = minimumAge(category, dossier.training);
      if (age < minimum) {
        errors.push({
          path: 'dossier.requestedCategories',
          message: `Âge minimum pour la catégorie ${category} : ${minimum} ans${category === 'B' && dossier.training === 'none' ? ' (15 ans en apprentissage anticipé ou conduite supervisée)' : ''}.`,
        });
      }
    }
  }
  if (dossier.training !== 'none' && !dossier.requestedCategories.includes('B')) {
    errors.push({
      path: 'dossier.training',
      message: "L'apprentissage anticipé et la conduite supervisée ne concernent que la catégorie B.",
    });
  }
  return errors;
}

const FIRST_NAME = /^\p{L}+(?:['’-]\p{L}+)*$/u;

const PLACE_PATHS: Record<PlaceField, [string, keyof typeof DATA_ERROR_MESSAGES]> = {
  residenceCity: ['candidate.city', 'town'],
  legalRepresentativeCity: ['legalRepresentative.city', 'town'],
  birthCity: ['candidate.birthCity', 'town'],
  birthDepartment: ['candidate.birthDepartment', 'department'],
  birthCountry: ['candidate.birthCountry', 'country'],
  previousLicenceDepartment: ['dossier.previousLicenceDepartment', 'department'],
  previousLicenceCountry: ['dossier.previousLicenceCountry', 'country'],
};

/** Minimum age to register for a category (code de la route, art. R221-5; B at 17 since 2024). */
export const MINIMUM_AGE: Record<PermitCategory, number> = {
  AM: 14,
  A1: 16,
  B1: 16,
  A2: 18,
  A: 24,
  B: 17,
  BE: 18,
  C1: 18,
  C1E: 18,
  C: 21,
  CE: 21,
  D1: 21,
  D1E: 21,
  D: 24,
  DE: 24,
};

export function minimumAge(category: PermitCategory, training: 'none' | 'aac' | 'supervised'): number {
  return category === 'B' && training !== 'none' ? 15 : MINIMUM_AGE[category];
}
