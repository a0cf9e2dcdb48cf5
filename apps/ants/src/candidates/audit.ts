import { CANDIDATE } from '../auth/context.ts';
import type { AntsTx } from '../db/index.ts';
import { auditEvents } from '../db/schema.ts';

/** The audit row of what a candidate did to their own account, in the caller's transaction. */
export async function auditCandidate(tx: AntsTx, candidateId: string, action: string): Promise<void> {
  await tx.insert(auditEvents).values({
    actorType: CANDIDATE,
    actorId: candidateId,
    action,
    targetType: 'candidate',
    targetId: candidateId,
  });
}
