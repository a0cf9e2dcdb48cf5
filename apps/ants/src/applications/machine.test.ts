import {
  APPLICATION_STATES,
  type ApplicationState,
  actionAllowed,
  candidateStateLabel,
  stateLabel,
} from '@permis/ants-api';
import { describe, expect, it } from 'vitest';
import { type Action, mayAct, RULES } from './machine.ts';

/** Every action against every state: exactly these are allowed. */
const EXPECTED: Record<Action, ApplicationState[]> = {
  validate: ['draft'],
  delete: ['draft', 'awaiting_candidate'],
  expire: ['awaiting_candidate'],
  confirm: ['awaiting_candidate'],
  refuse: ['awaiting_candidate'],
  request_completion: ['under_instruction'],
  complete: ['to_complete'],
  reject: ['under_instruction'],
  accept: ['under_instruction'],
  submit: ['draft'],
  withdraw: ['draft'],
};

describe('the state machine of an application', () => {
  for (const action of Object.keys(RULES) as Action[]) {
    it(`${action}: allowed from ${EXPECTED[action].join(', ')} only`, () => {
      const from = APPLICATION_STATES.filter((state) => actionAllowed(action, state));
      expect(from).toEqual(EXPECTED[action]);
    });
  }

  it('leads where the seeds say', () => {
    expect(RULES.validate.to({ paperMandate: false })).toBe('awaiting_candidate');
    expect(RULES.validate.to({ paperMandate: true })).toBe('under_instruction');
    expect(RULES.refuse.to()).toBe('refused_by_candidate');
    expect(RULES.expire.to()).toBe('deleted');
    expect(RULES.accept.to()).toBe('accepted');
    // A candidat libre's own demand: sent by the candidate, or given up while a draft.
    expect(RULES.submit.to()).toBe('under_instruction');
    expect(RULES.withdraw.to()).toBe('deleted');
  });

  it('lets the one who holds a demand act as its holder: the school, or the candidate for their own', () => {
    const school = { proAccountId: 'school-a', candidateId: 'cand-1' };
    const own = { proAccountId: null, candidateId: 'cand-1' };
    expect(mayAct('validate', { type: 'school', id: 'school-a' }, school)).toBe(true);
    expect(mayAct('validate', { type: 'school', id: 'school-b' }, school)).toBe(false);
    expect(mayAct('validate', { type: 'candidate', id: 'cand-1' }, own)).toBe(false);
    expect(mayAct('submit', { type: 'candidate', id: 'cand-1' }, own)).toBe(true);
    // Never a school's demand by its candidate, never someone else's own demand.
    expect(mayAct('submit', { type: 'candidate', id: 'cand-1' }, school)).toBe(false);
    expect(mayAct('submit', { type: 'candidate', id: 'cand-2' }, own)).toBe(false);
    expect(mayAct('complete', { type: 'candidate', id: 'cand-1' }, own)).toBe(true);
    expect(mayAct('complete', { type: 'school', id: 'school-a' }, school)).toBe(true);
    expect(mayAct('complete', { type: 'candidate', id: 'cand-1' }, school)).toBe(false);
    // The candidate's validation is of the school's demand made for them.
    expect(mayAct('confirm', { type: 'candidate', id: 'cand-1' }, school)).toBe(true);
    expect(mayAct('confirm', { type: 'candidate', id: 'cand-2' }, school)).toBe(false);
    expect(mayAct('accept', { type: 'agent', id: 'agent-1' }, own)).toBe(true);
  });

  it('shows the labels users see', () => {
    expect(stateLabel('accepted', '02')).toBe('À traiter en Cerfa 06');
    expect(stateLabel('accepted', '06')).toBe('Accepté');
    // The school's counter is not the candidate's state.
    expect(candidateStateLabel('accepted', '02')).toBe('Inscription au permis acceptée');
    expect(candidateStateLabel('under_instruction', '02')).toBe(stateLabel('under_instruction', '02'));
    expect(stateLabel('to_complete', '02')).toBe('A compléter');
    expect(stateLabel('transferred', '06')).toBe('Transféré');
  });
});
