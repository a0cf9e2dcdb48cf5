import { ApiError } from './api.ts';
import type { Dossier, PlaceField, PlaceRecord, Student } from './types.ts';

/** The places of a fiche élève (and of its dossier's last licence), as the popup checks them. */
export function studentPlaceRecord(student: Student, dossier?: Dossier | null): PlaceRecord {
  const representative = student.legalRepresentative;
  const previousLicence =
    dossier && (dossier.previousLicenceDepartment || dossier.previousLicenceCountry)
      ? { department: dossier.previousLicenceDepartment, country: dossier.previousLicenceCountry }
      : null;
  return {
    residence: { city: student.city, postalCode: student.postalCode },
    legalRepresentative: representative ? { city: representative.city, postalCode: representative.postalCode } : null,
    birth: { city: student.birthCity, department: student.birthDepartment, country: student.birthCountry },
    previousLicence,
  };
}

/** The body of PUT /api/students/:id/places. */
export function studentPlacesBody(record: PlaceRecord) {
  return {
    city: record.residence.city,
    postalCode: record.residence.postalCode,
    birthCity: record.birth.city,
    birthDepartment: record.birth.department,
    birthCountry: record.birth.country,
    legalRepresentative: record.legalRepresentative ?? null,
    previousLicence: record.previousLicence ?? null,
  };
}

/** The popup's row of each field, by the path the school or the national service names it. */
const FIELD_OF_PATH: Record<string, PlaceField> = {
  city: 'residenceCity',
  postalCode: 'residenceCity',
  birthCity: 'birthCity',
  birthDepartment: 'birthDepartment',
  birthCountry: 'birthCountry',
  'candidate.city': 'residenceCity',
  'candidate.postalCode': 'residenceCity',
  'candidate.birthCity': 'birthCity',
  'candidate.birthDepartment': 'birthDepartment',
  'candidate.birthCountry': 'birthCountry',
  'legalRepresentative.city': 'legalRepresentativeCity',
  'dossier.previousLicenceDepartment': 'previousLicenceDepartment',
  'dossier.previousLicenceCountry': 'previousLicenceCountry',
};

/**
 * A refused save (or a data error of the national service) with its field errors moved to the
 * popup's rows; the fields that are not places (prénom, préfecture…) are named in the message.
 */
export function placesSaveError(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const fields = error.fields.map((f) => ({ path: FIELD_OF_PATH[f.path] ?? f.path, message: f.message }));
  const others = error.fields
    .filter((f) => !(f.path in FIELD_OF_PATH))
    .map((f) => `${ANTS_FIELD_LABELS[f.path] ?? FIELD_LABELS[f.path] ?? f.path} : ${f.message}`);
  const message = others.length > 0 ? `${error.message} ${others.join(' ; ')}.` : error.message;
  return new ApiError(error.status, error.code, message, fields);
}

/** The fiche's own field names, for messages about the places' save. */
const FIELD_LABELS: Record<string, string> = { 'legalRepresentative.postalCode': 'Code postal du représentant légal' };

/** What each field named by the national service is, for the message the user reads. */
export const ANTS_FIELD_LABELS: Record<string, string> = {
  'candidate.city': "Ville d'habitation de l'élève",
  'candidate.birthCity': 'Ville de naissance',
  'candidate.birthDepartment': 'Département de naissance',
  'candidate.birthCountry': 'Pays de naissance',
  'candidate.firstName': 'Prénom',
  'candidate.email': 'Email',
  'candidate.birthDate': 'Date de naissance',
  'legalRepresentative.city': 'Ville du représentant légal',
  legalRepresentative: 'Représentant légal',
  'dossier.previousLicenceDepartment': 'Département délivrance ancien permis',
  'dossier.previousLicenceCountry': "Pays d'origine ancien permis",
  'dossier.prefectureCode': 'Préfecture',
  'dossier.requestedCategories': 'Catégorie de permis demandé',
};
