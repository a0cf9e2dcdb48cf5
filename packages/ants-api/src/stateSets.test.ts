import { describe, expect, it } from 'vitest';
import { ACTION_FROM, actionAllowed, inStateSet, STATE_SETS } from './stateSets.ts';

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
