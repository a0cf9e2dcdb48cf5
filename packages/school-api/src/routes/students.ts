import { type Dossier, dossierSchema, legalRepresentativeSchema } from '@permis/ants-api';
import { route } from '@permis/platform/route';
import { z } from 'zod';

/** Espace Clients: the school's students, their fiche, their Dossier 02-06 and their documents. */

const text = (max: number) => z.string().trim().max(max).default('');
/** Upper-cased as it is read (an overwrite, not a transform: the same schema describes the answer). */
const upper = (max: number) => z.string().trim().toUpperCase().max(max).default('');
const required = (max: number, message: string) => z.string().trim().min(1, message).max(max);
/** A calendar date typed dd/mm/yyyy in the page, sent as yyyy-mm-dd; empty allowed where optional. */
const optionalDate = z.union([z.iso.date('Date invalide (jj/mm/aaaa).'), z.literal('')]).default('');

/** The fiche élève as the secretary types it. */
export const studentFormSchema = z.object({
  officeId: z.uuid('Choisissez le bureau responsable.'),
  sex: z.enum(['F', 'M'], { error: 'Indiquez le sexe.' }),
  birthName: required(100, 'Indiquez le nom de naissance.').toUpperCase(),
  usageName: upper(100),
  firstName: required(100, 'Indiquez le prénom.'),
  otherFirstNames: text(200),
  birthDate: z.iso.date('Indiquez la date de naissance (jj/mm/aaaa).'),
  birthCity: required(100, 'Indiquez la ville de naissance.'),
  birthDepartment: upper(3),
  birthCountry: required(100, 'Indiquez le pays de naissance.').toUpperCase(),
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

/** A fiche élève as saved. */
export const studentSchema = z.object({
  id: z.string(),
  sex: z.enum(['F', 'M']),
  birthName: z.string(),
  usageName: z.string(),
  firstName: z.string(),
  otherFirstNames: z.string(),
  birthDate: z.string(),
  birthCity: z.string(),
  birthDepartment: z.string(),
  birthCountry: z.string(),
  addressLine: z.string(),
  postalCode: z.string(),
  city: z.string(),
  email: z.string(),
  mobile: z.string(),
  legalRepresentative: legalRepresentativeSchema.nullable(),
  officeId: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Student = z.infer<typeof studentSchema>;

/** A line of the students' list. */
export const studentSummarySchema = studentSchema
  .pick({ id: true, firstName: true, birthName: true, usageName: true, birthDate: true, email: true })
  .extend({ officeName: z.string() });
export type StudentSummary = z.infer<typeof studentSummarySchema>;

/** A saved fiche or dossier no longer matches a draft of the national service. */
export const driftSchema = z.object({ number: z.string(), fields: z.array(z.string()), message: z.string() });
export type Drift = z.infer<typeof driftSchema>;

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
  previousLicenceDepartment: upper(3),
  previousLicenceCountry: upper(100),
  /** Empty: the responsible office's préfecture. */
  prefectureCode: text(10),
  declarations: dossierSchema.shape.declarations,
  training: dossierSchema.shape.training,
} satisfies Record<keyof Dossier, z.ZodType>;

/** The "Dossier 02 - 06" tab: the paper part, the online part, the ePhoto codes (as sent and as answered). */
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
  ephotoCode02: upper(22),
  ephotoCode06: upper(22),
});
export type DossierForm = z.infer<typeof dossierFormSchema>;
/** The online part of the tab, every field of the contract's dossier. */
export type OnlineDossierForm = Pick<DossierForm, keyof Dossier>;

/**
 * The places of a fiche as corrected in the « Vérification des villes, départements et pays »
 * popup, with the legal representative's town and where the last category was obtained.
 */
export const placesCorrectionSchema = z.object({
  city: z.string().trim().max(100),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, 'Le code postal doit comporter 5 chiffres.'),
  birthCity: z.string().trim().min(1, 'Indiquez la ville de naissance.').max(100),
  birthDepartment: z.string().trim().toUpperCase().max(3),
  birthCountry: z.string().trim().min(1, 'Indiquez le pays de naissance.').max(100),
  /** The legal representative's town, when the fiche has one. */
  legalRepresentative: z.object({ city: z.string().trim().max(100), postalCode: z.string().trim().max(5) }).nullish(),
  /** Where the last category was obtained (Dossier 02-06). */
  previousLicence: z
    .object({
      department: z.string().trim().toUpperCase().max(3),
      country: z.string().trim().toUpperCase().max(100),
    })
    .nullish(),
});
export type PlacesCorrection = z.infer<typeof placesCorrectionSchema>;

/** A document kept on a student's fiche (a scan). */
export const studentDocumentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type StudentDocument = z.infer<typeof studentDocumentSchema>;

const studentParams = z.object({ id: z.uuid() });
const documentParams = studentParams.extend({ documentId: z.uuid() });

export const studentRoutes = {
  list: route({
    method: 'GET',
    path: '/api/students',
    query: z.object({ q: z.string().trim().max(100).optional() }),
    response: z.object({ students: z.array(studentSummarySchema) }),
  }),
  create: route({
    method: 'POST',
    path: '/api/students',
    body: studentFormSchema,
    response: z.object({ student: studentSchema }),
    status: 201,
  }),
  /** The fiche saved, and the drafts of the national service it no longer matches. */
  update: route({
    method: 'PUT',
    path: '/api/students/:id',
    params: studentParams,
    body: studentFormSchema,
    response: z.object({ student: studentSchema, drift: z.array(driftSchema) }),
  }),
  student: route({
    method: 'GET',
    path: '/api/students/:id',
    params: studentParams,
    response: z.object({ student: studentSchema }),
  }),
  /** The Dossier 02-06 and when it was last saved (null: never). */
  dossier: route({
    method: 'GET',
    path: '/api/students/:id/dossier',
    params: studentParams,
    response: z.object({ dossier: dossierFormSchema, updatedAt: z.iso.datetime().nullable() }),
  }),
  saveDossier: route({
    method: 'PUT',
    path: '/api/students/:id/dossier',
    params: studentParams,
    body: dossierFormSchema,
    response: z.object({ dossier: dossierFormSchema, updatedAt: z.iso.datetime(), drift: z.array(driftSchema) }),
  }),
  /** The places as chosen: the popup lets the user keep a value the lists lack. */
  places: route({
    method: 'PUT',
    path: '/api/students/:id/places',
    params: studentParams,
    body: placesCorrectionSchema,
    response: z.object({ student: studentSchema }),
  }),
  documents: route({
    method: 'GET',
    path: '/api/students/:id/documents',
    params: studentParams,
    response: z.object({ documents: z.array(studentDocumentSchema) }),
  }),
  /** One file as `multipart/form-data` (field `file`): no JSON body. */
  addDocument: route({
    method: 'POST',
    path: '/api/students/:id/documents',
    params: studentParams,
    response: z.object({ document: studentDocumentSchema.pick({ id: true, fileName: true }) }),
    status: 201,
  }),
  deleteDocument: route({
    method: 'DELETE',
    path: '/api/students/:id/documents/:documentId',
    params: documentParams,
    response: z.object({ deleted: z.literal(true) }),
  }),
};

/** The files of a fiche: streamed bytes, not JSON; their addresses and parameters all the same. */
export const studentFiles = {
  document: { path: '/api/students/:id/documents/:documentId', params: documentParams },
} as const;
