import { APPLICATION_STATES, type ApplicationState } from './states.ts';

/**
 * Every set of states a rule reads, in one table: one row per state and one column per set, so a
 * state added to APPLICATION_STATES does not compile until it is placed in every set. The state
 * machine (apps/ants/src/applications/machine.ts), the routes of both services and the pages read
 * the sets from here.
 */
type StateTraits = {
  /** The application still lives: the candidate cannot have a second one of the same type. */
  live: boolean;
  /** Sent to instruction: the agents see it, the attestation de dépôt exists. */
  sent: boolean;
  /** The school may modify what it entered ("Modifier la demande"): only until it validates (seed 002). */
  dataEditable: boolean;
  /** The school may add or remove pièces justificatives. */
  piecesEditable: boolean;
  /** The school may set, replace or remove the ePhoto code. */
  ephotoEditable: boolean;
  /** The candidate sees it in their space. */
  seenByCandidate: boolean;
  /** Another school may take it over (a transfer). */
  transferable: boolean;
  /** What the school sent may still differ from the student's fiche, and the school is told. */
  driftChecked: boolean;
  /** It has left whoever typed it: it counts against another holder's demand of its type (a draft claims nothing). */
  claims: boolean;
  /** Deleted: nothing of it opens any more (documents, ePhoto), its candidate no longer finds it. */
  erased: boolean;
  /**
   * The prefecture granted it: the decision's documents exist (facsimilé, droits à conduire); a granted
   * Cerfa 02 leads to the Cerfa 06 and no longer counts as the candidate's one live demand of its type.
   */
  granted: boolean;
};

const T = true as const;
const F = false as const;
// biome-ignore format: one row per state reads as a table
const TRAITS = {
  draft:                { live: T, sent: F, dataEditable: T, piecesEditable: T, ephotoEditable: T, seenByCandidate: F, transferable: T, driftChecked: T, claims: F, erased: F, granted: F },
  awaiting_candidate:   { live: T, sent: F, dataEditable: F, piecesEditable: F, ephotoEditable: F, seenByCandidate: T, transferable: T, driftChecked: T, claims: T, erased: F, granted: F },
  refused_by_candidate: { live: F, sent: F, dataEditable: F, piecesEditable: F, ephotoEditable: F, seenByCandidate: T, transferable: F, driftChecked: F, claims: T, erased: F, granted: F },
  deleted:              { live: F, sent: F, dataEditable: F, piecesEditable: F, ephotoEditable: F, seenByCandidate: F, transferable: F, driftChecked: F, claims: F, erased: T, granted: F },
  under_instruction:    { live: T, sent: T, dataEditable: F, piecesEditable: F, ephotoEditable: F, seenByCandidate: T, transferable: T, driftChecked: F, claims: T, erased: F, granted: F },
  to_complete:          { live: T, sent: T, dataEditable: F, piecesEditable: T, ephotoEditable: F, seenByCandidate: T, transferable: T, driftChecked: F, claims: T, erased: F, granted: F },
  rejected:             { live: F, sent: T, dataEditable: F, piecesEditable: F, ephotoEditable: F, seenByCandidate: T, transferable: F, driftChecked: F, claims: T, erased: F, granted: F },
  accepted:             { live: T, sent: T, dataEditable: F, piecesEditable: F, ephotoEditable: F, seenByCandidate: T, transferable: T, driftChecked: F, claims: T, erased: F, granted: T },
} satisfies Record<ApplicationState, StateTraits>;

export type StateSet = keyof StateTraits;

/**
 * The states of a set, as a type: a page keyed by it (`Record<StatesIn<'sent'>, …>`, the agents'
 * queue) fails to compile when a state enters or leaves the set without its entry.
 */
export type StatesIn<S extends StateSet> = {
  [K in ApplicationState]: (typeof TRAITS)[K][S] extends true ? K : never;
}[ApplicationState];

const where = (set: StateSet) => APPLICATION_STATES.filter((state) => TRAITS[state][set]);

/** The states of each set, in APPLICATION_STATES order. */
export const STATE_SETS: Record<StateSet, readonly ApplicationState[]> = {
  live: where('live'),
  sent: where('sent'),
  dataEditable: where('dataEditable'),
  piecesEditable: where('piecesEditable'),
  ephotoEditable: where('ephotoEditable'),
  seenByCandidate: where('seenByCandidate'),
  transferable: where('transferable'),
  driftChecked: where('driftChecked'),
  claims: where('claims'),
  erased: where('erased'),
  granted: where('granted'),
};

/** Whether a state (as a school or a row holds it: possibly "transferred") belongs to a set. */
export function inStateSet(set: StateSet, state: string): boolean {
  return (STATE_SETS[set] as readonly string[]).includes(state);
}

/**
 * The actions that move an application, with the states each starts from; who takes them and where
 * they lead is the state machine's (machine.ts). The school's buttons read the same lists.
 */
export const ACTION_FROM = {
  validate: ['draft'],
  // Seed 002: "uniquement si elle est au statut BROUILLON ou EN COURS DE VALIDATION PAR L'ELEVE".
  delete: ['draft', 'awaiting_candidate'],
  expire: ['awaiting_candidate'],
  confirm: ['awaiting_candidate'],
  refuse: ['awaiting_candidate'],
  request_completion: ['under_instruction'],
  complete: ['to_complete'],
  reject: ['under_instruction'],
  accept: ['under_instruction'],
  // A candidat libre's own demand (decision 0013): sent by the candidate, or given up as a draft.
  submit: ['draft'],
  withdraw: ['draft'],
} as const satisfies Record<string, readonly ApplicationState[]>;
export type ApplicationAction = keyof typeof ACTION_FROM;

/** Whether an action may start from a state (as a school or a row holds it: possibly "transferred"). */
export function actionAllowed(action: ApplicationAction, state: string): boolean {
  return (ACTION_FROM[action] as readonly string[]).includes(state);
}

/** What the agents decide on a demand under instruction: the instruction console offers them together. */
export const AGENT_DECISIONS = [
  'request_completion',
  'reject',
  'accept',
] as const satisfies readonly ApplicationAction[];

/** Whether the agents may decide on a demand in this state (the console shows its decisions). */
export function agentMayDecide(state: string): boolean {
  return AGENT_DECISIONS.some((action) => actionAllowed(action, state));
}

/** The agents' queue the console opens on (no `?etat=`): the demands waiting for their decision. */
export const AGENT_FIRST_QUEUE = 'under_instruction' satisfies StatesIn<'sent'>;

/** What a candidat libre does next on their own demand: « Continuer » its draft, « Compléter » it. */
export type OwnNext = 'continue' | 'complete';

/**
 * The next step of a candidat libre's own demand in each state; null: nothing for them to do (sent,
 * or ended). Their home, « Mes démarches » and the new-demand wizard read it.
 */
export const OWN_NEXT = {
  draft: 'continue',
  awaiting_candidate: null,
  refused_by_candidate: null,
  deleted: null,
  under_instruction: null,
  to_complete: 'complete',
  rejected: null,
  accepted: null,
} as const satisfies Record<ApplicationState, OwnNext | null>;

/** Where the new-demand wizard takes them back (its `?etape=`): the photo of a draft, the pièces asked for. */
export const OWN_NEXT_STEP = { continue: 'photo', complete: 'pieces' } as const satisfies Record<OwnNext, string>;

/** The next step of a candidat libre's own demand (as a row holds its state), or null. */
export function ownNext(state: string): OwnNext | null {
  return Object.hasOwn(OWN_NEXT, state) ? OWN_NEXT[state as ApplicationState] : null;
}
