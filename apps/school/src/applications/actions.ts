import { ACTION_FROM, API_ERRORS, inStateSet, STATE_SETS, TRANSFERRED } from '@permis/ants-api';
import { type ActionAvailability, ONLINE_ACTIONS, type OnlineAction } from '@permis/school-api';
import type { Right } from '../auth/rights.ts';

/**
 * When each button of "Informations concernant les demandes faites en ligne" (the contract's
 * ONLINE_ACTIONS) is enabled: by the application's state on the national service and by the user's
 * rights. The server enforces the same (rights here, states on the national service).
 */
/** The states that enable each button: the contract's sets and the state machine's actions. */
const STATES: Record<Exclude<OnlineAction, 'refresh' | 'documents' | 'viewEphoto'>, readonly string[]> = {
  pieces: STATE_SETS.piecesEditable,
  ephoto: STATE_SETS.ephotoEditable,
  validate: ACTION_FROM.validate,
  complete: ACTION_FROM.complete,
  deleteEphoto: STATE_SETS.ephotoEditable,
  delete: ACTION_FROM.delete,
};

const RIGHTS: Partial<Record<OnlineAction, Right>> = {
  validate: 'ants_validate_application',
  complete: 'ants_validate_application',
  deleteEphoto: 'ants_delete_ephoto',
  delete: 'ants_delete_application',
};

const STATE_REASONS: Record<keyof typeof STATES, string> = {
  pieces: 'Les pièces justificatives se modifient tant que la demande est en brouillon ou à compléter.',
  ephoto: 'La ePhoto se modifie tant que la demande est en brouillon.',
  validate: 'Seule une demande en brouillon peut être validée.',
  complete: "Seule une demande à compléter peut être renvoyée à l'instruction.",
  deleteEphoto: 'La ePhoto se supprime tant que la demande est en brouillon.',
  delete: "Une demande se supprime uniquement au statut brouillon ou en cours de validation par l'élève.",
};

const NO_EPHOTO = 'Aucune ePhoto n’est associée à cette demande.';

export function availableActions(
  application: {
    state: string;
    type: string;
    /** Whether an ePhoto is attached: without one there is nothing to see or delete, nor a 06 to validate. */
    hasEphoto: boolean;
  },
  rights: readonly Right[],
): Record<OnlineAction, ActionAvailability> {
  const { state, type, hasEphoto } = application;
  // Handed over to another school, or deleted: nothing of it opens here any more.
  const gone = state === TRANSFERRED || inStateSet('erased', state);
  const result = {} as Record<OnlineAction, ActionAvailability>;
  for (const action of ONLINE_ACTIONS) {
    const right = RIGHTS[action];
    if (action === 'refresh') result[action] = { enabled: state !== TRANSFERRED };
    else if (action === 'documents' || action === 'viewEphoto') {
      result[action] = gone
        ? { enabled: false, reason: 'La demande n’est plus disponible.' }
        : action === 'viewEphoto' && !hasEphoto
          ? { enabled: false, reason: NO_EPHOTO }
          : { enabled: true };
    } else if (action === 'deleteEphoto' && !hasEphoto && STATES[action].includes(state)) {
      result[action] = { enabled: false, reason: NO_EPHOTO };
    } else if (!STATES[action].includes(state)) result[action] = { enabled: false, reason: STATE_REASONS[action] };
    else if (action === 'validate' && type === '06' && !hasEphoto) {
      // The national service refuses it too: the paper photo-signature form is for a Cerfa 02 only.
      result[action] = { enabled: false, reason: API_ERRORS.EPHOTO_REQUIRED.title };
    } else if (right && !rights.includes(right)) {
      result[action] = { enabled: false, reason: 'Vous n’avez pas le droit de faire cette action.' };
    } else result[action] = { enabled: true };
  }
  return result;
}
