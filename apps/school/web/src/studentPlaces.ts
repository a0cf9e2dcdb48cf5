import { ApiError } from './api.ts';
import type { PlaceField, PlaceRecord, Student } from './types.ts';

/** The places of a fiche élève, as the popup checks them. */
export function studentPlaceRecord(student: Student): PlaceRecord {
  return {
    residence: { city: student.city, postalCode: student.postalCode },
    birth: { city: student.birthCity, department: student.birthDepartment, country: student.birthCountry },
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
  };
}

const FIELD_OF_PATH: Record<string, PlaceField> = {
  city: 'residenceCity',
  postalCode: 'residenceCity',
  birthCity: 'birthCity',
  birthDepartment: 'birthDepartment',
  birthCountry: 'birthCountry',
};

/** A refused save with its field errors moved to the popup's rows. */
export function placesSaveError(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const fields = error.fields.map((f) => ({ path: FIELD_OF_PATH[f.path] ?? f.path, message: f.message }));
  return new ApiError(error.status, error.code, error.message, fields);
}
