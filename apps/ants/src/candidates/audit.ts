import type { AntsTx } from '../db/index.ts';
import { candidateAudit } from '../domain/actor.ts';
import { type AuditAction, recordAudit } from '../domain/audit.ts';

/** The audit row of what a candidate did to their own account, in the caller's transaction. */
export async function auditCandidate(tx: AntsTx, candidateId: string, action: AuditAction<'candidate'>): Promise<void> {
  await recordAudit(tx, { by: candidateAudit(candidateId), action, target: 'candidate', targetId: candidateId });
}
