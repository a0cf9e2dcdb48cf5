/**
 * The school doing something, and which of its users: the establishment (its agrément) is who
 * holds and may act on a demand; the user is who did it, for the audit trail. Every domain
 * function that changes something for a school takes one, from the session or the bearer token.
 */
export type SchoolActor = { id: string; userId: string | null };

/** Who moves a demand; `userId` names which user of a school did it (SchoolActor). */
export type Actor = { type: ActorType; id: string | null; userId?: string | null };

export type ActorType = 'school' | 'candidate' | 'agent' | 'system';

/** The audit trail's actor columns: who did it, and for a school which of its users. */
export type AuditActor = { actorType: ActorType; actorId: string | null; actorUserId: string | null };

/** The audit trail's actor columns of a school's action. */
export function schoolAudit(school: SchoolActor) {
  return { actorType: 'school', actorId: school.id, actorUserId: school.userId } as const;
}

/** The audit trail's actor columns of whoever holds a demand: a school (with its user), or the candidate for their own. */
export type HolderAudit =
  | ReturnType<typeof schoolAudit>
  | { actorType: 'candidate'; actorId: string; actorUserId: null };

export function candidateAudit(candidateId: string): HolderAudit {
  return { actorType: 'candidate', actorId: candidateId, actorUserId: null };
}

export function agentAudit(agentId: string): AuditActor {
  return { actorType: 'agent', actorId: agentId, actorUserId: null };
}

/** The audit trail's actor columns of any actor of the state machine. */
export function auditActor(actor: Actor): AuditActor {
  return { actorType: actor.type, actorId: actor.id, actorUserId: actor.userId ?? null };
}
