import type { Dossier } from './applications.ts';
import { parisClock, parisDate } from './parisClock.ts';
/**
 * The rules on the candidate's declarations that both sides check: the national service on every
 * application, the school's form before sending (so the secretary sees them where she answers).
 * Sources in docs/rules.md.
 */

/** Age in whole years on `today` (both ISO dates, French calendar day). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Today's date in Paris (yyyy-mm-dd), as the agency counts days. */
export function parisToday(now = new Date()): string {
  return parisDate(parisClock(now));
}

/** Candidates aged 17 to 25 must be in order with the Journée défense et citoyenneté (art. L114-6). */
export function jdcRequired(age: number): boolean {
  return age >= 17 && age <= 25;
}

export const JDC_MESSAGES = {
  unanswered:
    'Indiquez si le candidat est en règle avec la Journée défense et citoyenneté (JDC) : la réponse est obligatoire entre 17 et 25 ans.',
  notInOrder: 'Entre 17 et 25 ans, le candidat doit être en règle avec la Journée défense et citoyenneté (JDC).',
} as const;

/** What is wrong with the JDC answer (null: not answered yet) for a candidate of this age, if anything. */
export function jdcError(age: number, jdcInOrder: boolean | null | undefined): string | null {
  if (!jdcRequired(age)) return null;
  if (jdcInOrder === null || jdcInOrder === undefined) return JDC_MESSAGES.unanswered;
  return jdcInOrder ? null : JDC_MESSAGES.notInOrder;
}

/** The heavy categories (groupe lourd): a medical check by a doctor approved by the préfet comes first. */
const HEAVY_CATEGORIES = ['C1', 'C1E', 'C', 'CE', 'D1', 'D1E', 'D', 'DE'];

/**
 * Whether the candidate needs the medical check of a doctor approved by the préfet (arrêté du 28 mars
 * 2022): for a heavy category, or when the candidate declares a condition or needs an adapted vehicle.
 */
export function medicalVisitNeeded(dossier: {
  requestedCategories: readonly string[];
  declarations: { medicalCondition?: boolean | null; adaptedVehicle?: boolean | null };
}): boolean {
  return (
    dossier.requestedCategories.some((c) => HEAVY_CATEGORIES.includes(c)) ||
    dossier.declarations.medicalCondition === true ||
    dossier.declarations.adaptedVehicle === true
  );
}

/** The declarations answered Oui / Non (the reuse of data is a box the candidate ticks). */
export type AnsweredDeclaration = Exclude<keyof Dossier['declarations'], 'dataReuseOpposition'>;

/** The seed's declarations, in its words and groups, one entry per declaration answered Oui / Non. */
const QUESTIONS = {
  pendingExamOtherDepartment: {
    group: 'declares',
    label: "Être en instance d'examen dans le même ou un autre département",
  },
  pendingExamOtherCategory: {
    group: 'declares',
    label: "Être en instance d'examen pour la même ou une autre catégorie",
  },
  readsFrench: { group: 'declares', label: 'Comprendre et lire couramment le français' },
  adaptedVehicle: { group: 'declares', label: 'Devoir conduire un véhicule aménagé' },
  jdcInOrder: { group: 'declares', label: 'Être en règle avec la Journée défense et citoyenneté (JDC)' },
  visionCorrection: {
    group: 'is',
    label: "Porteur d'un dispositif de correction de la vision (verres correcteurs, lentilles de contact...)",
  },
  medicalCondition: {
    group: 'is',
    label:
      "Atteint à sa connaissance d'une affection et/ou d'un handicap susceptible d'être incompatible avec l'obtention ou le maintien du permis de conduire ou de donner lieu à la délivrance d'un permis de conduire de validité limitée",
  },
  disabilityPension: { group: 'is', label: "Titulaire d'une pension d'invalidité civile ou militaire" },
} satisfies Record<AnsweredDeclaration, { group: 'declares' | 'is'; label: string }>;

const GROUPS = { declares: 'Le Candidat déclare :', is: 'Le Candidat est :' } as const;

/** The declarations by group, in the seed's order; Oui / Non each. Every form asking them shows these. */
export const DECLARATIONS: { group: string; items: { key: AnsweredDeclaration; label: string }[] }[] = (
  ['declares', 'is'] as const
).map((group) => ({
  group: GROUPS[group],
  items: (Object.keys(QUESTIONS) as AnsweredDeclaration[])
    .filter((key) => QUESTIONS[key].group === group)
    .map((key) => ({ key, label: QUESTIONS[key].label })),
}));
