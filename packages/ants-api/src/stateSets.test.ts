import { describe, expect, it } from 'vitest';
import {
  ACTION_FROM,
  AGENT_FIRST_QUEUE,
  actionAllowed,
  agentMayDecide,
  inStateSet,
  OWN_NEXT_STEP,
  ownNext,
  STATE_SETS,
} from './stateSets.ts';

describe('the sets of states', () => {
  it('place each state as the seeds and the agency say', () => {
    expect(STATE_SETS.live).toEqual(['draft', 'awaiting_candidate', 'under_instruction', 'to_complete', 'accepted']);
    expect(STATE_SETS.sent).toEqual(['under_instruction', 'to_complete', 'rejected', 'accepted']);
    // Seed 002: pièces while « brouillon » or « à compléter », the ePhoto while « brouillon » only.
    expect(STATE_SETS.dataEditable).toEqual(['draft']);
    expect(STATE_SETS.piecesEditable).toEqual(['draft', 'to_complete']);
    expect(STATE_SETS.ephotoEditable).toEqual(['draft']);
    expect(STATE_SETS.seenByCandidate).not.toContain('draft');
    expect(STATE_SETS.seenByCandidate).not.toContain('deleted');
    expect(STATE_SETS.driftChecked).toEqual(['draft', 'awaiting_candidate']);
    // Of the live demands, all but a draft count against another holder's (« a draft claims nothing »).
    expect(STATE_SETS.live.filter((state) => inStateSet('claims', state))).toEqual(
      STATE_SETS.live.filter((state) => state !== 'draft'),
    );
    expect(STATE_SETS.erased).toEqual(['deleted']);
    expect(STATE_SETS.granted).toEqual(['accepted']);
  });

  it("say what a candidat libre does next on their own demand, and where the agents' decisions show", () => {
    expect(ownNext('draft')).toBe('continue');
    expect(ownNext('to_complete')).toBe('complete');
    expect(OWN_NEXT_STEP).toEqual({ continue: 'photo', complete: 'pieces' });
    for (const state of ['awaiting_candidate', 'under_instruction', 'accepted', 'deleted', 'transferred', 'toString']) {
      expect(ownNext(state), state).toBeNull();
    }
    expect(agentMayDecide('under_instruction')).toBe(true);
    expect(agentMayDecide('to_complete')).toBe(false);
    expect(agentMayDecide(AGENT_FIRST_QUEUE)).toBe(true);
  });

  it('answer for a state as a school holds it, "Transféré" included', () => {
    expect(inStateSet('live', 'transferred')).toBe(false);
    expect(actionAllowed('delete', 'awaiting_candidate')).toBe(true);
    expect(actionAllowed('delete', 'under_instruction')).toBe(false);
    expect(actionAllowed('validate', 'transferred')).toBe(false);
    // Nothing leaves a closed application (rejected, deleted, refused by its candidate).
    for (const from of Object.values(ACTION_FROM)) {
      for (const state of from) expect(['rejected', 'deleted', 'refused_by_candidate']).not.toContain(state);
    }
  });
});
