import {
  DECLARATIONS,
  type Dossier,
  MOTIFS,
  type NewApplicationStepInput,
  OWN_MOTIFS,
  type SavedStep,
  type SavedSteps,
} from '@permis/ants-api';
import { PERMIT_CATEGORIES } from '@permis/referentiel';
import type { ApplicationEntry, Prefecture } from './api.ts';

/** The form of a step: its values flat, by the path of the creation body they fill. */
export type Values = Record<string, string>;

type Option = { value: string; label: string };
export type FieldSpec = {
  path: string;
  label: string;
  hint?: string;
  kind: 'text' | 'date' | 'email' | 'tel' | 'radio' | 'checkboxes' | 'select';
  options?: Option[];
  required?: boolean;
  /** What an empty answer is sent as: left out (optional dates), null (unanswered Oui / Non) or "". */
  empty?: 'omit' | 'null';
  autoComplete?: string;
  /** Shown only when this holds. */
  when?: (values: Values) => boolean;
};

export type FieldGroup = { legend: string; fields: FieldSpec[]; when?: (values: Values) => boolean };

const YES_NO: Option[] = [
  { value: 'true', label: 'Oui' },
  { value: 'false', label: 'Non' },
];
const categoryOptions = PERMIT_CATEGORIES.map((category) => ({ value: category, label: category }));
const hasRepresentative = (values: Values) => values.hasLegalRepresentative === 'true';
const isExtension = (values: Values) => values.motif === 'extension';

/** The fields of each saved step, in the order of the agency's form (seed 000). */
export function stepGroups(step: SavedStep, context: { motif?: string; prefectures: Prefecture[] }): FieldGroup[] {
  switch (step) {
    case 'mandate':
      return [
        {
          legend: 'Mandat papier',
          fields: [
            {
              path: 'paperMandate',
              kind: 'radio',
              required: true,
              label: 'Le candidat vous a-t-il signé un mandat papier pour cette demande ?',
              hint: "Avec un mandat, le candidat n'a pas à valider la demande en ligne : elle part à l'instruction dès que vous la validez. Une demande faite sous mandat ne peut pas être transférée à une autre école de conduite.",
              options: YES_NO,
            },
          ],
        },
      ];
    case 'motif':
      return [
        {
          legend: 'Motif de la demande',
          fields: [
            {
              path: 'motif',
              kind: 'radio',
              required: true,
              label: 'Pourquoi le candidat fait-il cette demande ?',
              options: Object.entries(MOTIFS).map(([value, { label }]) => ({ value, label })),
            },
          ],
        },
      ];
    case 'civilStatus':
      return [
        {
          legend: 'État civil de la personne concernée par le titre',
          fields: [
            {
              path: 'candidate.sex',
              kind: 'radio',
              required: true,
              label: 'Sexe',
              options: [
                { value: 'F', label: 'Féminin' },
                { value: 'M', label: 'Masculin' },
              ],
            },
            { path: 'candidate.birthName', kind: 'text', required: true, label: 'Nom de naissance' },
            { path: 'candidate.usageName', kind: 'text', label: "Nom d'usage" },
            {
              path: 'candidate.firstName',
              kind: 'text',
              required: true,
              label: 'Prénom',
              hint: 'Le prénom principal seulement.',
            },
            {
              path: 'candidate.otherFirstNames',
              kind: 'text',
              label: 'Autres prénoms',
              hint: 'Les prénoms suivants, séparés par un espace.',
            },
            { path: 'candidate.birthDate', kind: 'date', required: true, label: 'Date de naissance' },
            {
              path: 'candidate.birthCountry',
              kind: 'text',
              required: true,
              label: 'Pays de naissance',
              hint: 'En majuscules, sans accent : FRANCE, SENEGAL…',
            },
            {
              path: 'candidate.birthDepartment',
              kind: 'text',
              label: 'Département de naissance',
              hint: 'Le numéro du département (35, 2A, 971) ; vide pour une naissance à l’étranger.',
            },
            {
              path: 'candidate.birthCity',
              kind: 'text',
              required: true,
              label: 'Ville de naissance',
              hint: 'Dans l’orthographe de la liste officielle : SAINT en entier, des tirets, sans accent.',
            },
          ],
        },
      ];
    case 'address':
      return [
        {
          legend: 'Adresse et contact du candidat',
          fields: [
            { path: 'candidate.addressLine1', kind: 'text', required: true, label: 'Adresse', autoComplete: 'off' },
            { path: 'candidate.addressLine2', kind: 'text', label: "Complément d'adresse" },
            { path: 'candidate.postalCode', kind: 'text', required: true, label: 'Code postal' },
            { path: 'candidate.city', kind: 'text', required: true, label: "Ville d'habitation" },
            {
              path: 'candidate.email',
              kind: 'email',
              required: true,
              label: 'Courriel du candidat',
              hint: 'Le candidat y reçoit la demande à valider et chaque nouvelle de sa demande.',
            },
            {
              path: 'candidate.mobile',
              kind: 'tel',
              label: 'Téléphone portable',
              hint: 'Un numéro français (06 ou 07) : le candidat y reçoit les SMS de sa demande.',
            },
            {
              path: 'hasLegalRepresentative',
              kind: 'radio',
              required: true,
              label: 'Le candidat a-t-il un représentant légal ?',
              hint: 'Obligatoire pour un candidat mineur.',
              options: YES_NO,
            },
          ],
        },
        {
          legend: 'Représentant légal',
          when: hasRepresentative,
          fields: [
            {
              path: 'legalRepresentative.quality',
              kind: 'select',
              required: true,
              label: 'Qualité',
              options: [
                { value: 'father', label: 'Père' },
                { value: 'mother', label: 'Mère' },
                { value: 'guardian', label: 'Tuteur' },
              ],
            },
            { path: 'legalRepresentative.lastName', kind: 'text', required: true, label: 'Nom' },
            { path: 'legalRepresentative.firstName', kind: 'text', required: true, label: 'Prénom' },
            { path: 'legalRepresentative.addressLine1', kind: 'text', required: true, label: 'Adresse' },
            { path: 'legalRepresentative.postalCode', kind: 'text', required: true, label: 'Code postal' },
            { path: 'legalRepresentative.city', kind: 'text', required: true, label: 'Ville' },
            { path: 'legalRepresentative.email', kind: 'email', label: 'Courriel', empty: 'omit' },
            { path: 'legalRepresentative.phone', kind: 'tel', label: 'Téléphone' },
          ],
        },
      ];
    case 'dossier': {
      return [
        { legend: 'Catégories de permis', fields: dossierFields(context, 'categories') },
        { legend: 'Formation', fields: dossierFields(context, 'training') },
        ...DECLARATIONS.map((block) => ({
          legend: block.group,
          fields: block.items.map(
            (item): FieldSpec => ({
              path: `dossier.declarations.${item.key}`,
              kind: 'radio',
              label: item.label,
              options: YES_NO,
              empty: 'null',
            }),
          ),
        })),
        {
          legend: 'Réutilisation des données',
          fields: [
            {
              path: 'dossier.declarations.dataReuseOpposition',
              kind: 'checkboxes',
              label: 'Opposition',
              options: [
                {
                  value: 'true',
                  label:
                    "Le candidat s'oppose à la réutilisation de ses données personnelles à des fins d'information (elles ne sont ni vendues ni cédées à des organismes à but lucratif).",
                },
              ],
            },
          ],
        },
      ];
    }
  }
}

type DossierGroup = 'categories' | 'training';
type DossierSpec = Omit<FieldSpec, 'path'> & { group: DossierGroup };

/**
 * The dossier step's fields: one entry per field of the contract's dossier, in the form's order
 * within its group. A field added to `dossierSchema` does not compile until it is asked here or
 * said not to be (null).
 */
function dossierFields(context: { motif?: string; prefectures: Prefecture[] }, group: DossierGroup): FieldSpec[] {
  const extension = () => context.motif === 'extension';
  const specs = {
    requestedCategories: {
      group: 'categories',
      kind: 'checkboxes',
      required: true,
      label: 'Catégorie(s) de permis demandée(s)',
      options: categoryOptions,
    },
    heldCategories: {
      group: 'categories',
      kind: 'checkboxes',
      label: 'Catégorie(s) de permis déjà obtenue(s)',
      options: categoryOptions,
      when: extension,
    },
    lastCategoryDate: {
      group: 'categories',
      kind: 'date',
      label: 'Dernière catégorie obtenue le',
      empty: 'omit',
      when: extension,
    },
    lastCategoryBy: {
      group: 'categories',
      kind: 'select',
      label: 'Obtenue par',
      empty: 'omit',
      options: [
        { value: 'exam', label: 'Examen' },
        { value: 'exchange', label: "Échange d'un permis étranger" },
      ],
      when: extension,
    },
    previousLicenceCountry: {
      group: 'categories',
      kind: 'text',
      label: "Pays d'origine ancien permis",
      when: extension,
    },
    previousLicenceDepartment: {
      group: 'categories',
      kind: 'text',
      label: 'Département délivrance ancien permis',
      when: extension,
    },
    neph: {
      group: 'categories',
      kind: 'text',
      label: 'Numéro NEPH',
      hint: 'Les 12 chiffres, si le candidat en a déjà un.',
      when: extension,
    },
    training: {
      group: 'training',
      kind: 'radio',
      required: true,
      label: 'Formation suivie',
      options: [
        { value: 'none', label: 'Formation traditionnelle' },
        { value: 'aac', label: 'Apprentissage anticipé de la conduite (AAC)' },
        { value: 'supervised', label: 'Conduite supervisée' },
      ],
    },
    medicalVisitDate: { group: 'training', kind: 'date', label: 'Date de la visite médicale', empty: 'omit' },
    prefectureCode: {
      group: 'training',
      kind: 'select',
      required: true,
      label: 'Préfecture de rattachement',
      options: context.prefectures.map((p) => ({ value: p.code, label: p.label })),
    },
    // Not asked on this form: the place of the last category stays empty (the schools' software sends it).
    lastCategoryPlace: null,
    // Asked in groups of their own, from DECLARATIONS, and the reuse of data apart.
    declarations: null,
  } satisfies Record<keyof Dossier, DossierSpec | null>;
  return Object.entries(specs).flatMap(([key, spec]) => {
    if (!spec || spec.group !== group) return [];
    const { group: _group, ...field } = spec;
    return [{ path: `dossier.${key}`, ...field }];
  });
}

/** The values a step's form starts from: what was saved (an entry's steps, a draft's), else the usual answers. */
export function initialValues(step: SavedStep, steps: ApplicationEntry['steps'] | SavedSteps): Values {
  const saved = steps[step];
  const values: Values = { ...DEFAULTS[step], motif: steps.motif?.motif ?? '' };
  if (saved) flatten(saved, '', values);
  if (step === 'address' && saved)
    values.hasLegalRepresentative = steps.address?.legalRepresentative ? 'true' : 'false';
  return values;
}

const DEFAULTS: Record<SavedStep, Values> = {
  mandate: {},
  motif: {},
  civilStatus: { 'candidate.birthCountry': 'FRANCE' },
  address: {},
  dossier: { 'dossier.training': 'none' },
};

function flatten(value: unknown, prefix: string, into: Values) {
  if (Array.isArray(value)) into[prefix] = value.join(',');
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  } else if (value === null || value === undefined) into[prefix] = '';
  else into[prefix] = String(value);
}

/** The body of a step from its form's values, in the shapes of the contract. */
export function stepBody<S extends SavedStep>(
  step: S,
  groups: FieldGroup[],
  values: Values,
): NewApplicationStepInput<S> {
  const body: Record<string, unknown> = {};
  for (const group of groups) {
    if (group.when && !group.when(values)) continue;
    for (const field of group.fields) {
      if (field.path === 'hasLegalRepresentative' || (field.when && !field.when(values))) continue;
      const raw = values[field.path] ?? '';
      let value: unknown = raw;
      if (field.kind === 'checkboxes') {
        const list = raw ? raw.split(',') : [];
        value = field.options?.length === 1 && field.options[0]!.value === 'true' ? list.includes('true') : list;
      } else if (field.kind === 'radio' && field.options === YES_NO) {
        value = raw === '' ? null : raw === 'true';
      }
      if (raw === '' && field.empty === 'omit') continue;
      if (raw === '' && field.empty === 'null') value = null;
      setPath(body, field.path, value);
    }
  }
  if (step === 'address' && !hasRepresentative(values)) body.legalRepresentative = null;
  if (step === 'dossier') {
    // A first permit holds nothing yet; the declarations object always goes, answered or not.
    const dossier = body.dossier as Record<string, unknown>;
    if (!isExtension(values)) dossier.heldCategories = [];
  }
  return body as NewApplicationStepInput<S>;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}

/** Where a suggestion's companion value goes: a town's postal code, a birth town's département. */
export const SUGGESTION_COMPANIONS: Record<string, { path: string; from: 'postalCode' | 'department' }> = {
  'candidate.city': { path: 'candidate.postalCode', from: 'postalCode' },
  'legalRepresentative.city': { path: 'legalRepresentative.postalCode', from: 'postalCode' },
  'candidate.birthCity': { path: 'candidate.birthDepartment', from: 'department' },
};

/** An input's id from its path ("candidate.birthCity" → "entry-candidate-birthCity"). */
export const fieldId = (path: string) => `entry-${path.replaceAll('.', '-')}`;

/**
 * What a candidat libre reads instead of the school's wording, by field path; their own address and
 * mobile filled in by the browser (RGAA 11.13: they are about the user, where a school's typing is
 * about someone else, so stays `off`).
 */
const OWN_WORDING: Record<string, Partial<Pick<FieldSpec, 'label' | 'hint' | 'autoComplete'>>> = {
  motif: { label: 'Pourquoi faites-vous cette demande ?' },
  'candidate.addressLine1': { autoComplete: 'address-line1' },
  'candidate.addressLine2': { autoComplete: 'address-line2' },
  'candidate.postalCode': { autoComplete: 'postal-code' },
  'candidate.city': { autoComplete: 'address-level2' },
  'candidate.mobile': {
    hint: 'Un numéro français (06 ou 07) : vous y recevez les SMS de votre demande.',
    autoComplete: 'tel-national',
  },
  hasLegalRepresentative: { label: 'Avez-vous un représentant légal ?', hint: 'Obligatoire si vous êtes mineur.' },
  'dossier.neph': { hint: 'Les 12 chiffres, si vous en avez déjà un.' },
};

/**
 * The forms of a candidat libre's own demand: the school's, in the candidate's words, with the
 * motifs open to them and no email to type (their account's is used).
 */
export function ownStepGroups(step: SavedStep, context: { motif?: string; prefectures: Prefecture[] }): FieldGroup[] {
  return stepGroups(step, context).map((group) => ({
    ...group,
    legend: group.legend === 'Adresse et contact du candidat' ? 'Votre adresse et votre contact' : group.legend,
    fields: group.fields
      .filter((field) => field.path !== 'candidate.email')
      .map((field) => ({
        ...field,
        ...OWN_WORDING[field.path],
        options:
          field.path === 'motif'
            ? field.options?.filter((option) => (OWN_MOTIFS as readonly string[]).includes(option.value))
            : field.options,
      })),
  }));
}
