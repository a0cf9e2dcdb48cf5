import type { CreateApplication, Dossier, EveryField, LegalRepresentative } from '@permis/ants-api';
import { type DossierForm, dossierFormSchema } from '@permis/school-api';
import type { offices, students } from '../db/schema.ts';

// The fiche and the dossier as the page sends them are the contract's (@permis/school-api).
export type { DossierForm, OnlineDossierForm, StudentForm } from '@permis/school-api';

type StudentRow = typeof students.$inferSelect;
type OfficeRow = typeof offices.$inferSelect;

export const EMPTY_DOSSIER: DossierForm = dossierFormSchema.parse({ declarations: {} });

/** A stored dossier read back (older rows lack later fields: the schema's defaults fill them). */
export function readDossier(stored: unknown): DossierForm {
  const parsed = dossierFormSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : EMPTY_DOSSIER;
}

const orUndefined = (value: string) => (value === '' ? undefined : value);

/** The request the professional API receives for this student, from their fiche and their dossier. */
export function toCreateApplication(
  type: '02' | '06',
  student: StudentRow,
  dossier: DossierForm,
  office: OfficeRow,
): CreateApplication {
  return {
    type,
    paperMandate: dossier.paperMandate,
    candidate: {
      sex: student.sex,
      birthName: student.birthName,
      usageName: student.usageName,
      firstName: student.firstName,
      otherFirstNames: student.otherFirstNames,
      birthDate: student.birthDate,
      birthCity: student.birthCity,
      birthDepartment: student.birthDepartment,
      birthCountry: student.birthCountry,
      addressLine1: student.addressLine,
      postalCode: student.postalCode,
      city: student.city,
      email: student.email,
      mobile: student.mobile,
    },
    legalRepresentative: (student.legalRepresentative as LegalRepresentative | null) ?? null,
    dossier: {
      // Every field, none by omission (EveryField): an optional one left empty is sent as undefined.
      neph: dossier.neph,
      medicalVisitDate: orUndefined(dossier.medicalVisitDate),
      requestedCategories: dossier.requestedCategories as CreateApplication['dossier']['requestedCategories'],
      heldCategories: dossier.heldCategories,
      lastCategoryDate: orUndefined(dossier.lastCategoryDate),
      lastCategoryPlace: dossier.lastCategoryPlace,
      lastCategoryBy: dossier.lastCategoryBy === '' ? undefined : dossier.lastCategoryBy,
      previousLicenceDepartment: dossier.previousLicenceDepartment,
      previousLicenceCountry: dossier.previousLicenceCountry,
      prefectureCode: dossier.prefectureCode || office.prefectureCode || '',
      declarations: dossier.declarations,
      training: dossier.training,
    } satisfies EveryField<Dossier>,
  };
}
