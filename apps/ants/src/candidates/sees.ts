import { inStateSet, ownNext } from '@permis/ants-api';

/**
 * Whether a demand shows in the candidate's space: a school's once they are asked to validate it
 * (never its draft), their own (a candidat libre's) from its draft on (whenever it waits for them),
 * never once deleted.
 */
export function candidateSees(row: { state: string; proAccountId: string | null }): boolean {
  return inStateSet('seenByCandidate', row.state) || (row.proAccountId === null && ownNext(row.state) !== null);
}
