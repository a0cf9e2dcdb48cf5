import type { Candidate, CreateApplication, Dossier, LegalRepresentative } from './applications.ts';

/**
 * How the user reads a field's name. `label`: wherever a field is named (an error, the school's list
 * of what changed since a draft); `inErrors: false` where an error on it shows its message alone.
 */
type FieldName = { label: string; inErrors: boolean };
const named = (label: string): FieldName => ({ label, inErrors: true });
/** Errors on it show their message alone, as they always did; elsewhere it is named. */
const unnamedInErrors = (label: string): FieldName => ({ label, inErrors: false });

// One table per shape of the contract, each keyed by every field: a field added to a schema does
// not compile until it is named here.
const REQUEST_NAMES = {
  type: unnamedInErrors('Type de demande'),
  candidate: unnamedInErrors('Candidat'),
  legalRepresentative: named('Représentant légal'),
  dossier: unnamedInErrors('Dossier 02-06'),
  paperMandate: unnamedInErrors('Mandat papier'),
} satisfies Record<keyof CreateApplication, FieldName>;

const CANDIDATE_NAMES = {
  sex: named('Sexe'),
  birthName: named('Nom de naissance'),
  usageName: named("Nom d'usage"),
  firstName: named('Prénom'),
  otherFirstNames: named('Autres prénoms'),
  birthDate: named('Date de naissance'),
  birthCity: named('Ville de naissance'),
  birthDepartment: named('Département de naissance'),
  birthCountry: named('Pays de naissance'),
  addressLine1: named('Adresse'),
  addressLine2: unnamedInErrors("Complément d'adresse"),
  postalCode: named('Code postal'),
  city: named("Ville d'habitation de l'élève"),
  email: named('Email'),
  mobile: named('Téléphone portable'),
} satisfies Record<keyof Candidate, FieldName>;

/** Most of the legal representative is named as a whole; its place is named apart (the places check). */
const REPRESENTATIVE = unnamedInErrors('Représentant légal');
const LEGAL_REPRESENTATIVE_NAMES = {
  quality: REPRESENTATIVE,
  lastName: REPRESENTATIVE,
  firstName: REPRESENTATIVE,
  addressLine1: REPRESENTATIVE,
  postalCode: named('Code postal du représentant légal'),
  city: named('Ville du représentant légal'),
  email: REPRESENTATIVE,
  phone: REPRESENTATIVE,
} satisfies Record<keyof LegalRepresentative, FieldName>;

const DECLARATIONS_NAME = unnamedInErrors('Déclarations du candidat');
const DOSSIER_NAMES = {
  neph: named('Numéro NEPH'),
  medicalVisitDate: named('Visite médicale'),
  requestedCategories: named('Catégorie de permis demandé'),
  heldCategories: named('Catégorie(s) déjà obtenue(s)'),
  lastCategoryDate: named('Dernière catégorie obtenue le'),
  lastCategoryPlace: unnamedInErrors('Lieu d’obtention de la dernière catégorie'),
  lastCategoryBy: unnamedInErrors('Dernière catégorie obtenue par'),
  previousLicenceDepartment: named('Département délivrance ancien permis'),
  previousLicenceCountry: named("Pays d'origine ancien permis"),
  prefectureCode: named('Préfecture'),
  declarations: DECLARATIONS_NAME,
  training: named('Formation (AAC ou conduite supervisée)'),
} satisfies Record<keyof Dossier, FieldName>;

/** The declarations are named together, but for the JDC whose answer the age requires. */
const DECLARATION_NAMES = {
  pendingExamOtherDepartment: DECLARATIONS_NAME,
  pendingExamOtherCategory: DECLARATIONS_NAME,
  readsFrench: DECLARATIONS_NAME,
  adaptedVehicle: DECLARATIONS_NAME,
  visionCorrection: DECLARATIONS_NAME,
  medicalCondition: DECLARATIONS_NAME,
  disabilityPension: DECLARATIONS_NAME,
  dataReuseOpposition: DECLARATIONS_NAME,
  jdcInOrder: named('Journée défense et citoyenneté (JDC)'),
} satisfies Record<keyof Dossier['declarations'], FieldName>;

const under = (prefix: string, names: Record<string, FieldName>) =>
  Object.entries(names).map(([key, name]) => [`${prefix}${key}`, name] as const);

/** Every field of a creation request by its path ("candidate.city", "dossier.declarations.jdcInOrder"). */
const FIELD_NAMES: ReadonlyMap<string, FieldName> = new Map([
  ...under('', REQUEST_NAMES),
  ...under('candidate.', CANDIDATE_NAMES),
  ...under('legalRepresentative.', LEGAL_REPRESENTATIVE_NAMES),
  ...under('dossier.', DOSSIER_NAMES),
  ...under('dossier.declarations.', DECLARATION_NAMES),
]);

/** A field's name by its path, wherever the user reads it; undefined for a path of no field. */
export function fieldName(path: string): string | undefined {
  return FIELD_NAMES.get(path)?.label;
}

/**
 * What each field the professional API may name in an error is, in the words the user reads:
 * messages show these labels, never a field's path.
 */
export const FIELD_LABELS: Record<string, string> = Object.fromEntries(
  [...FIELD_NAMES].filter(([, name]) => name.inErrors).map(([path, name]) => [path, name.label]),
);

/** "Label : message" for one field error, without a doubled full stop; the message alone when unnamed. */
export function fieldErrorText(field: { path: string; message: string }): string {
  const label = FIELD_LABELS[field.path];
  return label ? `${label} : ${field.message}` : field.message;
}

/** Sentences joined into one text, each ending with one full stop. */
export function joinSentences(parts: string[]): string {
  return parts
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => (/[.!?…]$/.test(part) ? part : `${part}.`))
    .join(' ');
}
