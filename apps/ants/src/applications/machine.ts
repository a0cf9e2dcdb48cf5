import {
  ACTION_FROM,
  type ApplicationAction,
  type ApplicationState,
  actionAllowed,
  stateLabel,
} from '@permis/ants-api';
import { and, eq } from 'drizzle-orm';
import type { AntsTx } from '../db/index.ts';
import { applications } from '../db/schema.ts';
import { type Actor, auditActor } from '../domain/actor.ts';
import { recordAudit } from '../domain/audit.ts';
import { antsError } from '../domain/errors.ts';
import { newsOf, recordNews } from './news.ts';
import { recordChange } from './webhookOutbox.ts';

/**
 * The life of an application, in one place. Each action names who may take it, the states it may
 * start from and the state it leads to. `transition` is the only code that changes a state.
 *
 *   draft ──validate──► awaiting_candidate ──confirm──► under_instruction ──accept──► accepted
 *     │  (paper mandate) ─────────────────────────────►  │  ▲        └──reject──► rejected
 *     └─delete─► deleted ◄─delete / expire─┘   refuse ─► refused_by_candidate
 *                                        under_instruction ──request_completion──► to_complete ──complete──┘
 *
 * A candidat libre's own demand (no school): draft ──submit──► under_instruction, or ──withdraw──► deleted;
 * the candidate completes it as its holder.
 */
/**
 * `by`: who takes the action. A school acts on the demands it holds; a candidate on the school's
 * demands made for them (`for`) or, as the holder, on their own demand (`own`, a candidat libre's).
 */
type Rule = {
  from: readonly ApplicationState[];
  to: (app: { paperMandate: boolean }) => ApplicationState;
  by: readonly ('school' | 'candidate:for' | 'candidate:own' | 'agent' | 'system')[];
};

export const RULES = {
  validate: {
    from: ACTION_FROM.validate,
    // Since 2018 a school holding a signed paper mandate sends the application straight to instruction.
    to: (app) => (app.paperMandate ? 'under_instruction' : 'awaiting_candidate'),
    by: ['school'],
  },
  delete: { from: ACTION_FROM.delete, to: () => 'deleted', by: ['school'] },
  expire: { from: ACTION_FROM.expire, to: () => 'deleted', by: ['system'] },
  confirm: { from: ACTION_FROM.confirm, to: () => 'under_instruction', by: ['candidate:for'] },
  refuse: { from: ACTION_FROM.refuse, to: () => 'refused_by_candidate', by: ['candidate:for'] },
  request_completion: { from: ACTION_FROM.request_completion, to: () => 'to_complete', by: ['agent'] },
  complete: { from: ACTION_FROM.complete, to: () => 'under_instruction', by: ['school', 'candidate:own'] },
  reject: { from: ACTION_FROM.reject, to: () => 'rejected', by: ['agent'] },
  accept: { from: ACTION_FROM.accept, to: () => 'accepted', by: ['agent'] },
  submit: { from: ACTION_FROM.submit, to: () => 'under_instruction', by: ['candidate:own'] },
  withdraw: { from: ACTION_FROM.withdraw, to: () => 'deleted', by: ['candidate:own'] },
} as const satisfies Record<ApplicationAction, Rule>;

/** Whether this actor may take this action on this demand, by who holds it (`Rule.by`). */
export function mayAct(
  action: Action,
  actor: Pick<Actor, 'type' | 'id'>,
  app: Pick<ApplicationRow, 'proAccountId' | 'candidateId'>,
): boolean {
  const by: readonly string[] = RULES[action].by;
  switch (actor.type) {
    case 'school':
      return by.includes('school') && app.proAccountId === actor.id;
    case 'candidate':
      if (app.candidateId !== actor.id) return false;
      return app.proAccountId === null ? by.includes('candidate:own') : by.includes('candidate:for');
    case 'agent':
    case 'system':
      return by.includes(actor.type);
  }
}

export type Action = keyof typeof RULES;

export type ApplicationRow = typeof applications.$inferSelect;

/**
 * Moves an application from the state it was read in to the action's target, or refuses. The update
 * is filtered on that state, so of two concurrent requests (a double click) exactly one applies; the
 * audit row is written in the same transaction. `extra` lets the caller set columns that go with the
 * step (the NEPH on acceptance).
 */
export async function transition(
  tx: AntsTx,
  app: ApplicationRow,
  action: Action,
  actor: Actor,
  options: { reason?: string; extra?: Partial<Pick<ApplicationRow, 'neph'>> } = {},
): Promise<ApplicationRow> {
  const rule: Rule = RULES[action];
  if (!mayAct(action, actor, app)) throw antsError('FORBIDDEN', "Cette action n'est pas permise à ce compte.");
  if (!actionAllowed(action, app.state)) {
    throw antsError(
      'TRANSITION_REFUSED',
      `Action impossible : la demande est à l'état « ${stateLabel(app.state, app.type)} ».`,
    );
  }
  const to = rule.to(app);
  const [updated] = await tx
    .update(applications)
    .set({ state: to, updatedAt: new Date(), stateReason: options.reason ?? null, ...options.extra })
    .where(and(eq(applications.id, app.id), eq(applications.state, app.state)))
    .returning();
  if (!updated) {
    throw antsError(
      'STATE_CHANGED',
      "La demande vient d'être modifiée par ailleurs : mettez-la à jour puis réessayez.",
    );
  }
  await recordAudit(tx, {
    by: auditActor(actor),
    action: `application.${action}`,
    target: 'application',
    targetId: app.id,
    reason: options.reason ?? `${app.state} → ${to}`,
  });
  // The candidate hears of it by mail, SMS and in « Mes messages » (sent after commit).
  await recordNews(tx, updated, newsOf(action, app, updated, options.reason));
  // The school that holds it hears of it through its webhook (one it left has no say in it any more).
  await recordChange(tx, app.id, [updated.proAccountId]);
  return updated;
}
