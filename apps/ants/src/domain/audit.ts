import type { ApplicationAction } from '@permis/ants-api';
import { prepared } from '@permis/platform';
import { sql } from 'drizzle-orm';
import type { AntsSession } from '../db/index.ts';
import { auditEvents } from '../db/schema.ts';
import type { AuditActor } from './actor.ts';

/**
 * Every audited action, by what it acts on: a new action is added here, and the compiler then
 * checks that it is written against the right kind of target. The history a school reads
 * (applications/history.ts) and the documents' dates (documents/documentPdf.ts) read these names.
 */
type AuditActions = {
  application:
    | `application.${ApplicationAction}`
    | 'application.create'
    | 'application.update'
    | 'application.transfer'
    | 'piece.upload'
    | 'piece.delete'
    | 'ephoto.set'
    | 'ephoto.delete';
  candidate:
    | 'candidate.activate'
    | 'candidate.attach'
    | 'candidate.contacts_from_application'
    | 'candidate.email_change'
    | 'candidate.franceconnect.create'
    | 'candidate.franceconnect.link'
    | 'candidate.franceconnect.revoke'
    | 'candidate.mobile_change'
    | 'candidate.mobile_remove'
    | 'candidate.password_change'
    | 'candidate.password_reset'
    | 'candidate.secret_question_change';
  agent: 'login';
  pro_user:
    | 'login'
    | 'api.token'
    | 'password.change'
    | 'pro_user.activate'
    | 'pro_user.disable'
    | 'pro_user.enable'
    | 'pro_user.invite';
  pro_account: 'api.token_revoke' | 'api.token_revoke_all' | 'webhook.register';
  job: 'delivery.retry.mail' | 'delivery.retry.sms';
};

export type AuditTarget = keyof AuditActions;
export type AuditAction<T extends AuditTarget = AuditTarget> = AuditActions[T];

/** One row of the audit trail: who, did what, to which target, and why (a state change, a pièce's kind). */
export type AuditEvent = {
  [T in AuditTarget]: { by: AuditActor; action: AuditActions[T]; target: T; targetId: string; reason?: string };
}[AuditTarget];

const { placeholder } = sql;

// Built once per driver: writing an audit row runs with every change (issue 17: building statements cost CPU).
const insertAuditEvent = prepared((on: AntsSession) =>
  on
    .insert(auditEvents)
    .values({
      actorType: placeholder('actorType'),
      actorId: placeholder('actorId'),
      actorUserId: placeholder('actorUserId'),
      action: placeholder('action'),
      targetType: placeholder('targetType'),
      targetId: placeholder('targetId'),
      reason: placeholder('reason'),
    })
    .prepare('insert_audit_event'),
);

/**
 * The one place an audit row is written. A change records its row on the transaction that makes
 * it (`on`), so the trail never tells of a change that was rolled back, nor misses one that was not.
 */
export async function recordAudit(on: AntsSession, event: AuditEvent): Promise<void> {
  await insertAuditEvent(on).execute({
    ...event.by,
    action: event.action,
    targetType: event.target,
    targetId: event.targetId,
    reason: event.reason ?? '',
  });
}
