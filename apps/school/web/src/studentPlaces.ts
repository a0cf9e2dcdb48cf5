import { fieldErrorText, joinSentences } from '@permis/ants-api';
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

/** The body of the places' correction (studentRoutes.places). */
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

/** Whether a field named by the school or the national service is a place of the popup. */
export function isPlaceField(path: string): boolean {
  return path in FIELD_OF_PATH;
}

/**
 * A refused save (or a data error of the national service) with its field errors moved to the
 * popup's rows; the fields that are not places (prénom, préfecture…) are named in the message.
 */
export function placesSaveError(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const fields = error.fields.map((f) => ({ path: FIELD_OF_PATH[f.path] ?? f.path, message: f.message }));
  const others = error.fields.filter((f) => !isPlaceField(f.path)).map((f) => fieldErrorText(f));
  return new ApiError(error.status, error.code, joinSentences([error.message, ...others]), fields, error.extensions);
}
