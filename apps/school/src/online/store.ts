import type { Application } from '@permis/ants-api';
import { sql } from 'drizzle-orm';
import type { SchoolDb } from '../db/index.ts';
import { onlineApplications } from '../db/schema.ts';
import type { Right } from '../users/rights.ts';
import { availableActions } from './actions.ts';

export type OnlineApplicationRow = typeof onlineApplications.$inferSelect;

/**
 * Keeps the school's copy of an application as the national service last described it. Upsert by
 * number: a retried creation or a second refresh updates the same row. A link to a student, once
 * made, is kept unless `studentId` says otherwise.
 */
export async function saveApplication(
  db: SchoolDb,
  owner: { schoolId: string; officeId: string; studentId?: string | null },
  app: Application,
): Promise<OnlineApplicationRow> {
  const values = {
    schoolId: owner.schoolId,
    officeId: owner.officeId,
    type: app.type,
    number: app.number,
    antsId: app.id,
    state: app.state,
    stateLabel: app.stateLabel,
    stateReason: app.stateReason,
    neph: app.neph,
    transferred: app.transferred,
    paperMandate: app.paperMandate,
    remoteCreatedAt: new Date(app.createdAt),
    remoteUpdatedAt: new Date(app.updatedAt),
    syncedAt: new Date(),
  };
  const [row] = await db
    .insert(onlineApplications)
    .values({ ...values, studentId: owner.studentId ?? null })
    .onConflictDoUpdate({
      target: [onlineApplications.schoolId, onlineApplications.number],
      set: {
        ...values,
        studentId:
          owner.studentId === undefined ? sql`${onlineApplications.studentId}` : (owner.studentId ?? sql`null`),
      },
    })
    .returning();
  return row!;
}

/** An application as the Dossier 02-06 tab shows it, with its buttons' state. */
export function toOnlineView(row: OnlineApplicationRow, rights: readonly Right[]) {
  return {
    number: row.number,
    type: row.type,
    state: row.state,
    stateLabel: row.stateLabel,
    stateReason: row.stateReason,
    neph: row.neph,
    transferred: row.transferred,
    paperMandate: row.paperMandate,
    createdAt: row.remoteCreatedAt.toISOString(),
    updatedAt: row.remoteUpdatedAt.toISOString(),
    syncedAt: row.syncedAt.toISOString(),
    actions: availableActions(row.state, rights),
  };
}
