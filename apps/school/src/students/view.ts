import type { Student } from '@permis/school-api';
import type { students } from '../db/schema.ts';

type StudentRow = typeof students.$inferSelect;

/** A fiche as the pages receive it (its school is the user's own: not repeated). */
export function studentView(row: StudentRow): Student {
  return {
    id: row.id,
    sex: row.sex,
    birthName: row.birthName,
    usageName: row.usageName,
    firstName: row.firstName,
    otherFirstNames: row.otherFirstNames,
    birthDate: row.birthDate,
    birthCity: row.birthCity,
    birthDepartment: row.birthDepartment,
    birthCountry: row.birthCountry,
    addressLine: row.addressLine,
    postalCode: row.postalCode,
    city: row.city,
    email: row.email,
    mobile: row.mobile,
    legalRepresentative: row.legalRepresentative ?? null,
    officeId: row.officeId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
