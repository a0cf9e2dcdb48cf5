import { z } from 'zod';
import {
  type CreateApplication,
  candidateSchema,
  dossierSchema,
  type HeldApplication,
  legalRepresentativeSchema,
} from './applications.ts';
import type { ApplicationType } from './states.ts';

/**
 * "Nouvelle demande" on the professional space: the demand entered step by step, each step saved
 * on the agency. The steps until the dossier gather the body of a draft made through the API
 * (`createApplicationSchema`, same paths, so the same rules name the same fields); once the dossier
 * is saved the demand is created as that draft, and the later steps act on it.
 */
export const NEW_APPLICATION_STEPS = [
  { id: 'mandate', label: 'Mandat papier' },
  { id: 'motif', label: 'Motif de la demande' },
  { id: 'civilStatus', label: 'État civil' },
  { id: 'address', label: 'Adresse et contact' },
  { id: 'dossier', label: 'Catégories, formation et déclarations' },
  { id: 'photo', label: 'Photo / Signature' },
  { id: 'pieces', label: 'Pièces justificatives' },
  { id: 'summary', label: 'Récapitulatif' },
  { id: 'validation', label: 'Validation' },
] as const;
export type NewApplicationStep = (typeof NEW_APPLICATION_STEPS)[number]['id'];

/** "Motif de la demande": the Cerfa follows from it. */
export const MOTIFS = {
  first: { type: '02', label: 'Inscription au permis de conduire : nouveau titre / premier permis' },
  extension: { type: '02', label: 'Inscription au permis de conduire : extension à une autre catégorie' },
  title: { type: '06', label: "Demande de titre après la réussite à l'examen (Cerfa 06)" },
} as const satisfies Record<string, { type: ApplicationType; label: string }>;
export type Motif = keyof typeof MOTIFS;
const MOTIF_IDS = Object.keys(MOTIFS) as [Motif, ...Motif[]];

const CIVIL_STATUS_FIELDS = {
  sex: true,
  birthName: true,
  usageName: true,
  firstName: true,
  otherFirstNames: true,
  birthDate: true,
  birthCity: true,
  birthDepartment: true,
  birthCountry: true,
} as const;
const CONTACT_FIELDS = {
  addressLine1: true,
  addressLine2: true,
  postalCode: true,
  city: true,
  email: true,
  mobile: true,
} as const;

/** What each step sends; the ones before the dossier are parts of the API's creation body. */
export const newApplicationStepSchemas = {
  mandate: z.object({ paperMandate: z.boolean() }),
  motif: z.object({ motif: z.enum(MOTIF_IDS) }),
  civilStatus: z.object({ candidate: candidateSchema.pick(CIVIL_STATUS_FIELDS) }),
  address: z.object({
    candidate: candidateSchema.pick(CONTACT_FIELDS),
    legalRepresentative: legalRepresentativeSchema.nullable().default(null),
  }),
  dossier: z.object({ dossier: dossierSchema }),
} as const;
export type SavedStep = keyof typeof newApplicationStepSchemas;
export type NewApplicationStepInput<S extends SavedStep> = z.input<(typeof newApplicationStepSchemas)[S]>;

/** The paths of the creation body each saved step fills: a rule's error on one of them belongs to that step. */
export const STEP_FIELDS: Record<SavedStep, readonly string[]> = {
  mandate: ['paperMandate'],
  motif: ['type'],
  civilStatus: Object.keys(CIVIL_STATUS_FIELDS).map((field) => `candidate.${field}`),
  address: [...Object.keys(CONTACT_FIELDS).map((field) => `candidate.${field}`), 'legalRepresentative'],
  dossier: ['dossier'],
};

/** Whether a rule's error at `path` is about the fields of `step`. */
export function pathInStep(step: SavedStep, path: string): boolean {
  return STEP_FIELDS[step].some((field) => path === field || path.startsWith(`${field}.`));
}

/** The five saved steps of a demand, all answered. */
export type SavedSteps = { [S in SavedStep]: NewApplicationStepInput<S> };

/** The creation body the saved steps make: what "Modifier la demande" sends whole. */
export function creationBody(steps: SavedSteps): CreateApplication {
  return {
    type: MOTIFS[steps.motif.motif].type,
    paperMandate: steps.mandate.paperMandate,
    candidate: { ...steps.civilStatus.candidate, ...steps.address.candidate },
    legalRepresentative: steps.address.legalRepresentative ?? null,
    dossier: steps.dossier.dossier,
  };
}

/** A demand read back as its saved steps, so that a draft is modified with the forms that made it. */
export function stepsOfApplication(application: HeldApplication): SavedSteps {
  const { type, candidate, legalRepresentative, dossier } = application;
  return {
    mandate: { paperMandate: application.paperMandate },
    motif: { motif: type === '06' ? 'title' : dossier.heldCategories.length > 0 ? 'extension' : 'first' },
    civilStatus: newApplicationStepSchemas.civilStatus.parse({ candidate }),
    address: newApplicationStepSchemas.address.parse({ candidate, legalRepresentative }),
    dossier: { dossier },
  };
}
