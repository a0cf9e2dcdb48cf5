import { describe, expect, it } from 'vitest';
import { NO_SEARCH, parisDay, searchApplications } from './applicationSearch.ts';

const rows = [
  { number: '90120261203000000000001', state: 'awaiting_candidate', createdAt: '2026-12-02T23:30:00Z' },
  { number: '90120261115000000000002', state: 'accepted', createdAt: '2026-11-15T10:00:00Z' },
];

describe('Rechercher dans la liste', () => {
  it('narrows by the number’s beginning, the state and the creation dates (Paris days)', () => {
    expect(searchApplications(rows, NO_SEARCH)).toHaveLength(2);
    expect(searchApplications(rows, { ...NO_SEARCH, number: ' 9012026 1203' }).map((r) => r.state)).toEqual([
      'awaiting_candidate',
    ]);
    expect(searchApplications(rows, { ...NO_SEARCH, number: '0000' })).toEqual([]);
    expect(searchApplications(rows, { ...NO_SEARCH, state: 'accepted' })).toEqual([rows[1]]);
    // 23:30 UTC on the 2nd is the 3rd in Paris.
    expect(parisDay(rows[0]!.createdAt)).toBe('2026-12-03');
    expect(searchApplications(rows, { ...NO_SEARCH, from: '2026-12-03', to: '2026-12-03' })).toEqual([rows[0]]);
    expect(searchApplications(rows, { ...NO_SEARCH, to: '2026-12-02' })).toEqual([rows[1]]);
  });
});
