import type { SchoolViewState } from '@permis/ants-api';
import type { AdminApplicationRow, SyncRun } from '@permis/school-api';
import type { SyncRun as SyncRunRow } from '../sync/run.ts';
import type { listPage } from './query.ts';

type ListRow = Awaited<ReturnType<typeof listPage>>['rows'][number];

/** A line of the list as the page shows it. */
export function adminRowView(row: ListRow): AdminApplicationRow {
  return {
    number: row.number,
    type: row.type,
    // Stored as the national service answered it (a state of its contract, or "Transféré").
    state: row.state as SchoolViewState,
    stateLabel: row.stateLabel,
    neph: row.neph,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    student: row.studentId ? { id: row.studentId, name: `${row.studentFirstName} ${row.studentBirthName}` } : null,
    candidateName: row.candidateName,
  };
}

/** An update from the national service as the page follows it (never its cursor). */
export function syncRunView(run: SyncRunRow): SyncRun {
  return {
    id: run.id,
    status: run.status,
    fetched: run.fetched,
    total: run.total,
    error: run.error,
    windows: run.windows,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
