import type { SchoolSession } from '../db/index.ts';
import { auditEvents } from '../db/schema.ts';

/**
 * Every audited action of the back office, by what it acts on: a new action is added here, and the
 * compiler then checks that it is written against the right kind of target.
 */
type AuditActions = {
  user: 'user.created' | 'user.rights_changed';
  office: 'office.create' | 'office.update';
  student: 'student.create' | 'student.update' | 'student.places_corrected' | 'student.document_add';
  online_application:
    | 'online.create'
    | 'online.link'
    | 'online.transfer'
    | 'online.validate'
    | 'online.complete'
    | 'online.delete'
    | 'online.piece_add'
    | 'online.piece_delete'
    | 'online.ephoto_set'
    | 'online.ephoto_delete';
};

export type AuditTarget = keyof AuditActions;
export type AuditAction<T extends AuditTarget = AuditTarget> = AuditActions[T];

/** Who did it: a user of the school (the school alone for what no user did). */
export type AuditActor = { schoolId: string; userId: string | null };

export type AuditEvent = {
  [T in AuditTarget]: { by: AuditActor; action: AuditActions[T]; target: T; targetId: string; details?: string };
}[AuditTarget];

/**
 * The one place an audit row is written. A change records its row on the transaction that makes
 * it (`on`), so the trail never tells of a change that was rolled back.
 */
export async function recordAudit(on: SchoolSession, event: AuditEvent): Promise<void> {
  await on.insert(auditEvents).values({
    schoolId: event.by.schoolId,
    actorUserId: event.by.userId,
    action: event.action,
    targetType: event.target,
    targetId: event.targetId,
    details: event.details ?? '',
  });
}
