import {
  type CreateApplication,
  type Dossier,
  dossierSchema,
  type EveryField,
  type LegalRepresentative,
  legalRepresentativeSchema,
} from '@permis/ants-api';
import { z } from 'zod';
import type { offices, students } from '../db/schema.ts';

type StudentRow = typeof students.$inferSelect;
type OfficeRow = typeof offices.$inferSelect;

const text = (max: number) => z.string().trim().max(max).default('');
const required = (max: number, message: string) => z.string().trim().min(1, message).max(max);
/** A calendar date typed dd/mm/yyyy in the page, sent as yyyy-mm-dd; empty allowed where optional. */
const optionalDate = z.union([z.iso.date('Date invalide (jj/mm/aaaa).'), z.literal('')]).default('');

/** The fiche élève as the secretary types it (Espace Clients). */
export const studentFormSchema = z.object({
  officeId: z.uuid('Choisissez le bureau responsable.'),
  sex: z.enum(['F', 'M'], { error: 'Indiquez le sexe.' }),
  birthName: required(100, 'Indiquez le nom de naissance.').transform((v) => v.toUpperCase()),
  usageName: text(100).transform((v) => v.toUpperCase()),
  firstName: required(100, 'Indiquez le prénom.'),
  otherFirstNames: text(200),
  birthDate: z.iso.date('Indiquez la date de naissance (jj/mm/aaaa).'),
  birthCity: required(100, 'Indiquez la ville de naissance.'),
  birthDepartment: text(3).transform((v) => v.toUpperCase()),
  birthCountry: required(100, 'Indiquez le pays de naissance.').transform((v) => v.toUpperCase()),
  addressLine: required(200, "Indiquez l'adresse."),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'Le code postal doit comporter 5 chiffres.'),
  city: required(100, 'Indiquez la ville.'),
  email: z.string().trim().toLowerCase().email('Adresse email invalide.').max(200),
  mobile: z
    .string()
    .transform((value) => value.replace(/[\s.-]/g, ''))
    .pipe(z.string().regex(/^(0[67]\d{8})?$/, 'Le téléphone portable doit commencer par 06 ou 07 (10 chiffres).'))
    .default(''),
  legalRepresentative: legalRepresentativeSchema.nullable().default(null),
});
export type StudentForm = z.infer<typeof studentFormSchema>;

/**
 * The online part of the tab: one entry per field of the contract's dossier, as the secretary types
 * it (an optional date or choice left empty is ""). A field added to `dossierSchema` does not
 * compile until the tab holds it.
 */
const onlinePart = {
  neph: dossierSchema.shape.neph,
  medicalVisitDate: optionalDate,
  requestedCategories: dossierSchema.shape.heldCategories,
  heldCategories: dossierSchema.shape.heldCategories,
  lastCategoryDate: optionalDate,
  lastCategoryPlace: text(100),
  lastCategoryBy: z.enum(['exam', 'exchange', '']).default(''),
  previousLicenceDepartment: text(3).transform((v) => v.toUpperCase()),
  previousLicenceCountry: text(100).transform((v) => v.toUpperCase()),
  /** Empty: the responsible office's préfecture. */
  prefectureCode: text(10),
  declarations: dossierSchema.shape.declarations,
  training: dossierSchema.shape.training,
} satisfies Record<keyof Dossier, z.ZodType>;

/** The "Dossier 02 - 06" tab: the paper part, the online part, the ePhoto codes. */
export const dossierFormSchema = z.object({
  paper: z
    .object({
      /** "Je souhaite recevoir mes identifiants de suivi de distribution … Par courrier / Par courriel". */
      trackingBy: z.enum(['courrier', 'courriel']).default('courrier'),
      registeredOn: optionalDate,
      bordereauNumber: text(20),
      bordereauDate: optionalDate,
    })
    .default({ trackingBy: 'courrier', registeredOn: '', bordereauNumber: '', bordereauDate: '' }),
  ...onlinePart,
  /** The school holds a mandate signed on paper by the student: no online validation by them. */
  paperMandate: z.boolean().default(false),
  ephotoCode02: text(22).transform((v) => v.toUpperCase()),
  ephotoCode06: text(22).transform((v) => v.toUpperCase()),
});
export type DossierForm = z.infer<typeof dossierFormSchema>;
/** The online part of the tab, every field of the contract's dossier. */
export type OnlineDossierForm = Pick<DossierForm, keyof Dossier>;

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
