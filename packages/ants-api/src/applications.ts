import { PERMIT_CATEGORIES, PIECES, type PieceKind } from '@permis/referentiel';
import { z } from 'zod';
import { APPLICATION_STATES, APPLICATION_TYPES, TRANSFERRED } from './states.ts';

const name = z.string().trim().min(1).max(100);
const optionalText = (max: number) => z.string().trim().max(max).default('');
const isoDate = z.iso.date();
const category = z.enum(PERMIT_CATEGORIES);
export const PIECE_KINDS = PIECES.map((piece) => piece.kind) as [PieceKind, ...PieceKind[]];
export const pieceKindSchema = z.enum(PIECE_KINDS);
/** A Oui / Non answer; null while not answered. */
const declaration = z.boolean().nullable().default(null);

/** The candidate as the school's fiche élève describes them. */
export const candidateSchema = z.object({
  sex: z.enum(['F', 'M']),
  birthName: name,
  usageName: optionalText(100),
  firstName: name,
  /** Following first names, separated by spaces. */
  otherFirstNames: optionalText(200),
  birthDate: isoDate,
  birthCity: name,
  /** Empty for a birth abroad. */
  birthDepartment: optionalText(3),
  birthCountry: name,
  addressLine1: name,
  addressLine2: optionalText(100),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'Le code postal doit comporter 5 chiffres.'),
  city: name,
  email: z.email().max(200),
  /** Spaces, dots and dashes are dropped: "06 12 34 56 78" is stored "0612345678". */
  mobile: z
    .string()
    .transform((value) => value.replace(/[\s.-]/g, ''))
    .pipe(
      z
        .string()
        .regex(/^(0[67]\d{8}|\+33[67]\d{8})?$/, 'Le téléphone portable doit être un numéro français (06 ou 07).'),
    )
    .default(''),
});
export type Candidate = z.infer<typeof candidateSchema>;

/** The candidate as the service answers it: the mobile already normalised (no transform to run back). */
export const candidateViewSchema = candidateSchema.extend({ mobile: z.string() });

/** Required for a candidate under 18. */
export const legalRepresentativeSchema = z.object({
  quality: z.enum(['father', 'mother', 'guardian']),
  lastName: name,
  firstName: name,
  addressLine1: name,
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'Le code postal doit comporter 5 chiffres.'),
  city: name,
  email: z.email().max(200).optional(),
  phone: optionalText(20),
});

export type LegalRepresentative = z.infer<typeof legalRepresentativeSchema>;

/** The online part of the "Dossier 02-06" tab (seed 002). */
export const dossierSchema = z.object({
  neph: z
    .string()
    .trim()
    .regex(/^(\d{12})?$/, 'Le NEPH comporte 12 chiffres.')
    .default(''),
  medicalVisitDate: isoDate.optional(),
  requestedCategories: z.array(category).min(1, 'Choisissez au moins une catégorie de permis demandée.'),
  heldCategories: z.array(category).default([]),
  lastCategoryDate: isoDate.optional(),
  lastCategoryPlace: optionalText(100),
  lastCategoryBy: z.enum(['exam', 'exchange']).optional(),
  /** Département and country where the last category was obtained (places checked). */
  previousLicenceDepartment: optionalText(3),
  previousLicenceCountry: optionalText(100),
  /** INSEE code of the préfecture or sous-préfecture (GET /prefectures). */
  prefectureCode: z.string().trim().min(1, 'Choisissez la préfecture.').max(10),
  /** The candidate's Oui / Non declarations: null until answered, never answered for them. */
  declarations: z.object({
    pendingExamOtherDepartment: declaration,
    pendingExamOtherCategory: declaration,
    readsFrench: declaration,
    adaptedVehicle: declaration,
    visionCorrection: declaration,
    medicalCondition: declaration,
    disabilityPension: declaration,
    /** "Je m'oppose à la réutilisation de mes données personnelles…": a box the candidate ticks. */
    dataReuseOpposition: z.boolean().default(false),
    /** Certificate of the Journée défense et citoyenneté in order (answer required from 17 to 25). */
    jdcInOrder: declaration,
  }),
  /** AAC (apprentissage anticipé de la conduite) or conduite supervisée. */
  training: z.enum(['none', 'aac', 'supervised']).default('none'),
});
export type Dossier = z.infer<typeof dossierSchema>;

/** The dossier's fields that hold a string: a text, a code or a date. */
type DossierStringField = {
  [K in keyof Dossier]-?: NonNullable<Dossier[K]> extends string ? K : never;
}[keyof Dossier];

/**
 * The dossier's dates (yyyy-mm-dd), read from its schema: a form shows and takes them back as
 * dd/mm/yyyy, so a date field added to `dossierSchema` is converted without being listed anywhere.
 */
export const DOSSIER_DATE_FIELDS = Object.entries(dossierSchema.shape)
  .filter(([, field]) => (field instanceof z.ZodOptional ? field.unwrap() : field) instanceof z.ZodISODate)
  // The filter keeps ISO dates only, which are strings: the compiler cannot follow it through.
  .map(([name]) => name as DossierStringField);

export const createApplicationSchema = z.object({
  type: z.enum(APPLICATION_TYPES),
  candidate: candidateSchema,
  legalRepresentative: legalRepresentativeSchema.nullable().default(null),
  dossier: dossierSchema,
  /** The school holds a paper mandate signed by the candidate: no online validation step. */
  paperMandate: z.boolean().default(false),
});
export type CreateApplication = z.input<typeof createApplicationSchema>;

/** An application the school holds: everything it sent and what the service attached. */
export const heldApplicationSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    type: z.enum(APPLICATION_TYPES),
    state: z.enum(APPLICATION_STATES),
    stateLabel: z.string(),
    candidate: candidateViewSchema,
    legalRepresentative: legalRepresentativeSchema.nullable(),
    dossier: dossierSchema,
    paperMandate: z.boolean(),
    neph: z.string().nullable(),
    /** The ePhoto code attached to the application, if any. */
    ephotoCode: z.string().nullable().default(null),
    /** Why the application is in its state, when someone said: the pièce to complete, the reason of a rejection. */
    stateReason: z.string().nullable(),
    /** It came to this school by a transfer. */
    transferred: z.boolean(),
    /**
     * A draft's required pièces that have no file yet (seed 002: « Brouillon (en attente des pièces
     * justificatives requises) »); empty once they are all sent, and in every other state.
     */
    missingPieces: z.array(pieceKindSchema).default([]),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'HeldApplication' });
export type HeldApplication = z.infer<typeof heldApplicationSchema>;

/**
 * An application the school handed over ("Transféré", seed 002): only its number, type and dates.
 * The candidate's data, files and what happens next belong to the school that holds it now.
 * `updatedAt` is when it left this school.
 */
export const transferredApplicationSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    type: z.enum(APPLICATION_TYPES),
    state: z.literal(TRANSFERRED),
    stateLabel: z.string(),
    transferred: z.literal(true),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'TransferredApplication' });
export type TransferredApplication = z.infer<typeof transferredApplicationSchema>;

/** An application as a school sees it in its list and its webhook: held, or handed over. */
export const applicationSchema = z
  .discriminatedUnion('state', [heldApplicationSchema, transferredApplicationSchema])
  .meta({ id: 'Application' });
export type Application = z.infer<typeof applicationSchema>;

export const listQuerySchema = z.object({
  number: z.string().trim().max(30).optional(),
  type: z.enum(APPLICATION_TYPES).optional(),
  state: z.enum([...APPLICATION_STATES, TRANSFERRED]).optional(),
  createdFrom: isoDate.optional(),
  createdTo: isoDate.optional(),
  updatedFrom: isoDate.optional(),
  updatedTo: isoDate.optional(),
  /** Incremental sync: the `nextCursor` of the previous page; pages come in modification order. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Also answer how many applications match from this page on (progress of a sync). */
  count: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type ListQuery = z.input<typeof listQuerySchema>;

export const listResponseSchema = z.object({
  applications: z.array(applicationSchema),
  nextCursor: z.string().nullable(),
  /** The position after this page's last application (null for an empty page): where a later sync starts. */
  endCursor: z.string().nullable(),
  /** With `count=true`: the applications matching from this page on, this page included. */
  remaining: z.number().int().optional(),
});

/**
 * "Demande de transfert": the number, the agrément number of the school that holds it (as the
 * agency asks schools), and the candidate as the new school's fiche names them. The service moves
 * the application only if all three match, so that a mistyped (or guessed) number never brings
 * someone else's application onto the fiche.
 */
/** An application number as the service gives them (digits; the length grows with the years). */
export const applicationNumberSchema = z
  .string()
  .trim()
  .regex(/^\d{1,30}$/, 'Numéro de demande invalide.');

export const transferRequestSchema = z.object({
  number: applicationNumberSchema,
  holderAgrementNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{1,30}$/, "Numéro d'agrément invalide."),
  candidate: candidateSchema.pick({ birthName: true, firstName: true, birthDate: true }),
});
export type TransferRequest = z.input<typeof transferRequestSchema>;

export const tokenRequestSchema = z.object({
  agrementNumber: z.string().trim().toUpperCase().min(1).max(30),
  login: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const prefectureSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['prefecture', 'sous-prefecture']),
  department: z.string(),
  label: z.string(),
});
