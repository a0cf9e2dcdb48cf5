import { findOwnApplication } from '../applications/find.ts';
import { applicationHistory } from '../applications/history.ts';
import { updateDraft } from '../applications/update.ts';
import { toView } from '../applications/view.ts';
import { schoolOperation } from './schoolOperation.ts';

/** A demand of the school, as both doors answer it (the API's adds an ETag: doors.ts). */
export const getApplication = schoolOperation('getApplication', {
  doc: {
    summary: 'Lire une demande',
    description: "Répond un `ETag` ; avec `If-None-Match` et le même ETag, 304 sans corps : la demande n'a pas changé.",
    tag: 'Demandes',
    conditional: true,
    answer: 'La demande.',
    errors: ['NOT_FOUND'],
  },
  run: async ({ db }, school, request) => ({
    application: toView(await findOwnApplication(db, school.id, request.params.number)),
  }),
});

/** "Historique": who did what, when, on the demand. */
export const getApplicationHistory = schoolOperation('getApplicationHistory', {
  doc: {
    summary: "Lire l'historique d'une demande",
    description:
      "Qui a fait quoi et quand sur la demande (création, validations, pièces, ePhoto, décisions), du plus ancien au plus récent. L'établissement qui la détenait avant un transfert n'est jamais nommé.",
    tag: 'Demandes',
    answer: "L'historique.",
    errors: ['NOT_FOUND'],
  },
  run: async ({ db }, school, request) => ({
    history: await applicationHistory(db, school.id, await findOwnApplication(db, school.id, request.params.number)),
  }),
});

/** "Modifier la demande": a draft only, checked as a creation is. */
export const updateApplication = schoolOperation('updateApplication', {
  doc: {
    summary: 'Modifier une demande (brouillon)',
    description:
      "Remplace ce que l'école a saisi sur un brouillon, vérifié comme une création ; le type ne change pas. Après la validation, la demande ne se modifie plus (`TRANSITION_REFUSED`).",
    tag: 'Demandes',
    body: true,
    answer: 'La demande, modifiée.',
    errors: [
      'NOT_FOUND',
      'TRANSITION_REFUSED',
      'DATA_ERROR',
      'EMAIL_ALREADY_USED',
      'APPLICATION_ALREADY_REGISTERED',
      'CANDIDATE_DATA_DIFFERS',
      'CERFA_02_NOT_ACCEPTED',
    ],
  },
  run: async ({ db }, school, request) => ({
    application: toView(await updateDraft(db, school, request.params.number, request.body)),
  }),
});

export const deleteApplication = schoolOperation('deleteApplication', {
  doc: {
    summary: 'Supprimer une demande',
    description: 'Possible dans les états où la notice le permet ; la demande passe à « Supprimée ».',
    tag: 'Demandes',
    answer: 'La demande, supprimée.',
    errors: ['NOT_FOUND', 'TRANSITION_REFUSED', 'STATE_CHANGED'],
  },
  run: async ({ actions }, school, request) => ({
    application: await actions.remove(school, request.params.number),
  }),
});

export const validateApplication = schoolOperation('validateApplication', {
  doc: {
    summary: "Valider une demande (l'envoyer)",
    description:
      "Sans mandat papier, la demande attend la validation du candidat (courriel d'activation) ; avec mandat, elle part à l'instruction.",
    tag: 'Demandes',
    answer: 'La demande validée.',
    errors: [
      'NOT_FOUND',
      'TRANSITION_REFUSED',
      'STATE_CHANGED',
      'REQUIRED_PIECES_MISSING',
      'EPHOTO_REQUIRED',
      // Another live demand of this type left its holder first (decision 0016: checked when sent).
      'APPLICATION_ALREADY_REGISTERED',
    ],
  },
  run: async ({ actions }, school, request) => ({
    application: await actions.validate(school, request.params.number),
  }),
});

/** "Dossier à traiter": once the school has sent what the agent asked for, it goes back to instruction. */
export const completeApplication = schoolOperation('completeApplication', {
  doc: {
    summary: 'Renvoyer une demande complétée',
    description: "Après « À compléter » : une fois la pièce demandée ajoutée, la demande retourne à l'instruction.",
    tag: 'Demandes',
    answer: "La demande, de retour à l'instruction.",
    errors: ['NOT_FOUND', 'TRANSITION_REFUSED', 'STATE_CHANGED'],
  },
  run: async ({ actions }, school, request) => ({
    application: await actions.complete(school, request.params.number),
  }),
});

/** Transfer: another school (or office) takes a demand over, for the candidate its fiche names. */
export const transferApplication = schoolOperation('transferApplication', {
  doc: {
    summary: "Reprendre la demande d'une autre école (transfert)",
    description:
      "Le numéro de la demande, le numéro d'agrément de l'école qui la détient et le candidat tel que la fiche le nomme : la demande n'est déplacée que si les trois correspondent.",
    tag: 'Demandes',
    body: true,
    answer: 'La demande, désormais rattachée à votre école.',
    errors: ['TRANSFER_NOT_THIS_CANDIDATE', 'TRANSFER_THROTTLED', 'ALREADY_YOURS', 'TRANSFER_REFUSED', 'STATE_CHANGED'],
  },
  run: async ({ actions }, school, request) => ({
    application: await actions.transfer(school, request.ip, request.body),
  }),
});

/** The operations on a school's demands that both doors offer, in the API document's order. */
export const SCHOOL_APPLICATION_OPERATIONS = [
  getApplication,
  getApplicationHistory,
  updateApplication,
  deleteApplication,
  validateApplication,
  completeApplication,
  transferApplication,
];
