import {
  type Application,
  type CreateApplication,
  DRAFT_AWAITING_PIECES_LABEL,
  type HeldApplication,
  type SchoolViewState,
  TRANSFERRED,
} from '@permis/ants-api';
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Right } from '../auth/rights.ts';
import type { SchoolDb } from '../db/index.ts';
import { onlineApplications } from '../db/schema.ts';
import { availableActions } from './actions.ts';

export type OnlineApplicationRow = typeof onlineApplications.$inferSelect;

/**
 * The columns of one application. One the office handed over ("Transféré") comes without its
 * candidate nor what followed: its name stays as the office knew it, the rest is cleared.
 */
const values = (owner: { schoolId: string; officeId: string }, app: Application) => {
  const held = app.state === TRANSFERRED ? null : app;
  return {
    schoolId: owner.schoolId,
    officeId: owner.officeId,
    type: app.type,
    number: app.number,
    candidateName: held ? `${held.candidate.firstName} ${held.candidate.birthName}` : '',
    antsId: app.id,
    state: app.state,
    stateLabel: app.stateLabel,
    stateReason: held?.stateReason ?? null,
    missingPieces: held?.missingPieces ?? [],
    neph: held?.neph ?? null,
    ephotoCode: held?.ephotoCode ?? null,
    transferred: app.transferred,
    paperMandate: held?.paperMandate ?? false,
    remoteCreatedAt: new Date(app.createdAt),
    remoteUpdatedAt: new Date(app.updatedAt),
    syncedAt: new Date(),
  };
};

/**
 * Keeps the school's copy of applications as the national service last described them, in one
 * statement. Upsert by office and number: a retried creation, a second refresh or a sync page seen
 * twice updates the same rows; the same application seen by two offices of the school (after a
 * transfer between them) is two rows, "Transféré" for the one it left. A link to a student, once
 * made, is kept unless `studentId` says otherwise (a sync never unlinks); an application new to an
 * office takes the student another office of the school linked it to, else arrives unlinked.
 */
export async function saveApplications(
  /** The database or a transaction. */
  db: Pick<SchoolDb, 'insert' | 'select' | 'execute'>,
  owner: { schoolId: string; officeId: string; studentId?: string | null; sent?: CreateApplication },
  apps: Application[],
  /** A sync has no use for the saved rows: not sending them back is faster. */
  options: { returning?: boolean } = {},
): Promise<OnlineApplicationRow[]> {
  if (apps.length === 0) return [];
  const linked = owner.studentId === undefined ? await linkedStudents(db, owner.schoolId, apps) : undefined;
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  const upsert = db
    .insert(onlineApplications)
    .values(
      apps.map((app) => ({
        ...values(owner, app),
        studentId: linked ? (linked.get(app.number) ?? null) : owner.studentId,
        sent: owner.sent ?? null,
      })),
    )
    .onConflictDoUpdate({
      target: [onlineApplications.schoolId, onlineApplications.officeId, onlineApplications.number],
      set: {
        officeId: excluded('office_id'),
        type: excluded('type'),
        candidateName: sql`coalesce(nullif(excluded.candidate_name, ''), ${onlineApplications.candidateName})`,
        antsId: excluded('ants_id'),
        state: excluded('state'),
        stateLabel: excluded('state_label'),
        stateReason: excluded('state_reason'),
        missingPieces: excluded('missing_pieces'),
        neph: excluded('neph'),
        ephotoCode: excluded('ephoto_code'),
        transferred: excluded('transferred'),
        paperMandate: excluded('paper_mandate'),
        remoteCreatedAt: excluded('remote_created_at'),
        remoteUpdatedAt: excluded('remote_updated_at'),
        syncedAt: excluded('synced_at'),
        studentId: owner.studentId === undefined ? sql`${onlineApplications.studentId}` : excluded('student_id'),
        sent: owner.sent === undefined ? sql`${onlineApplications.sent}` : excluded('sent'),
      },
    });
  let rows: OnlineApplicationRow[] = [];
  if (options.returning === false) await upsert;
  else rows = await upsert.returning();
  await fillDossiers(db, owner.schoolId, apps);
  return rows;
}

/**
 * The students the school's offices linked these applications to, by number: one lookup for the
 * whole page (a subquery per row cost a sync page a third of its time).
 */
async function linkedStudents(db: Pick<SchoolDb, 'select'>, schoolId: string, apps: Application[]) {
  const rows = await db
    .select({ number: onlineApplications.number, studentId: onlineApplications.studentId })
    .from(onlineApplications)
    .where(
      and(
        eq(onlineApplications.schoolId, schoolId),
        inArray(
          onlineApplications.number,
          apps.map((app) => app.number),
        ),
        isNotNull(onlineApplications.studentId),
      ),
    );
  return new Map(rows.map((row) => [row.number, row.studentId]));
}

/**
 * What the national service attached to an application reaches the student's Dossier 02-06 where
 * it is still empty: the NEPH given at acceptance, the ePhoto code of the Cerfa's type. One
 * statement per kind for every application just saved; a value the secretary typed is kept.
 */
async function fillDossiers(db: Pick<SchoolDb, 'execute'>, schoolId: string, apps: Application[]) {
  const held = apps.filter((app): app is HeldApplication => app.state !== TRANSFERRED);
  const numbers = (pick: (app: HeldApplication) => boolean) => held.filter(pick).map((app) => app.number);
  const fill = async (field: string, column: string, type: string | null, chosen: string[]) => {
    if (chosen.length === 0) return;
    await db.execute(sql`
      update student_dossiers d
         set form = jsonb_set(d.form, ${`{${field}}`}::text[], to_jsonb(o.${sql.raw(column)}))
        from online_applications o
       where o.school_id = ${schoolId}
         and o.number in (${sql.join(
           chosen.map((n) => sql`${n}`),
           sql`, `,
         )})
         and o.student_id = d.student_id
         and o.${sql.raw(column)} is not null
         ${type ? sql`and o.type = ${type}` : sql``}
         and coalesce(d.form ->> ${field}, '') = ''`);
  };
  await fill(
    'neph',
    'neph',
    null,
    numbers((app) => Boolean(app.neph)),
  );
  await fill(
    'ephotoCode02',
    'ephoto_code',
    '02',
    numbers((app) => app.type === '02' && Boolean(app.ephotoCode)),
  );
  await fill(
    'ephotoCode06',
    'ephoto_code',
    '06',
    numbers((app) => app.type === '06' && Boolean(app.ephotoCode)),
  );
}

/** One application: see `saveApplications`. */
export async function saveApplication(
  db: SchoolDb,
  owner: Parameters<typeof saveApplications>[1],
  app: Application,
): Promise<OnlineApplicationRow> {
  const [row] = await saveApplications(db, owner, [app]);
  return row!;
}

/** Every row of a student's applications, newest first (`heldRows` keeps the ones the fiche shows). */
export function studentApplications(db: SchoolDb, schoolId: string, studentId: string) {
  return db
    .select()
    .from(onlineApplications)
    .where(and(eq(onlineApplications.schoolId, schoolId), eq(onlineApplications.studentId, studentId)))
    .orderBy(desc(onlineApplications.remoteCreatedAt));
}

/**
 * The rows a student's fiche shows: one per application, the office that holds it now. After a
 * transfer between two offices of the school both have a row; the holder's is the one the national
 * service changed last (the transfer itself is a change), and on a tie the one not "Transféré".
 */
export function heldRows<T extends Pick<OnlineApplicationRow, 'number' | 'state' | 'remoteUpdatedAt'>>(rows: T[]): T[] {
  const held = new Map<string, T>();
  for (const row of rows) {
    const other = held.get(row.number);
    const later =
      !other ||
      row.remoteUpdatedAt.getTime() > other.remoteUpdatedAt.getTime() ||
      (row.remoteUpdatedAt.getTime() === other.remoteUpdatedAt.getTime() && other.state === 'transferred');
    if (later) held.set(row.number, row);
  }
  return rows.filter((row) => held.get(row.number) === row);
}

/** An application as the Dossier 02-06 tab shows it, with its buttons' state. */
export function toOnlineView(row: OnlineApplicationRow, rights: readonly Right[]) {
  return {
    number: row.number,
    type: row.type,
    // Stored as the national service answered it (a state of its contract, or "Transféré").
    state: row.state as SchoolViewState,
    // Seed 002's panel says what a draft waits for (the national service names missing pièces only
    // while the school may still send it); the lists and counters keep « Brouillon ».
    stateLabel: row.missingPieces.length > 0 ? DRAFT_AWAITING_PIECES_LABEL : row.stateLabel,
    stateReason: row.stateReason,
    neph: row.neph,
    transferred: row.transferred,
    paperMandate: row.paperMandate,
    createdAt: row.remoteCreatedAt.toISOString(),
    updatedAt: row.remoteUpdatedAt.toISOString(),
    syncedAt: row.syncedAt.toISOString(),
    ephotoCode: row.ephotoCode,
    actions: availableActions({ state: row.state, type: row.type, hasEphoto: Boolean(row.ephotoCode) }, rights),
  };
}
