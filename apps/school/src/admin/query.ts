import { COUNTERS, parisDayStart } from '@permis/ants-api';
import type { ListCriteria, ListQuery, SortKey } from '@permis/school-api';
import { and, asc, desc, eq, gt, gte, like, lt, type SQL, sql } from 'drizzle-orm';
import type { SchoolDb } from '../db/index.ts';
import { officeCounts, offices, onlineApplications, students } from '../db/schema.ts';

/** The column of each sort of the contract's list. */
export const SORTS = {
  student: sql`coalesce(${students.birthName} || ' ' || ${students.firstName}, ${onlineApplications.candidateName})`,
  number: onlineApplications.number,
  createdAt: onlineApplications.remoteCreatedAt,
  updatedAt: onlineApplications.remoteUpdatedAt,
  state: onlineApplications.stateLabel,
  neph: onlineApplications.neph,
} as const satisfies Record<SortKey, unknown>;

/** The conditions of the criteria, the counter's type and state excepted when `withCounter` is false. */
export function conditions(schoolId: string, criteria: ListCriteria, withCounter = true): SQL | undefined {
  const c = criteria;
  return and(
    eq(onlineApplications.schoolId, schoolId),
    eq(onlineApplications.officeId, c.officeId),
    withCounter && c.type ? eq(onlineApplications.type, c.type) : undefined,
    withCounter && c.state ? eq(onlineApplications.state, c.state) : undefined,
    c.number ? like(onlineApplications.number, `${c.number}%`) : undefined,
    c.createdFrom ? gte(onlineApplications.remoteCreatedAt, parisDayStart(c.createdFrom)) : undefined,
    c.createdTo ? lt(onlineApplications.remoteCreatedAt, parisDayStart(c.createdTo, 1)) : undefined,
    c.updatedFrom ? gte(onlineApplications.remoteUpdatedAt, parisDayStart(c.updatedFrom)) : undefined,
    c.updatedTo ? lt(onlineApplications.remoteUpdatedAt, parisDayStart(c.updatedTo, 1)) : undefined,
  );
}

/** The columns of a row of the list (and of the export). */
export const rowColumns = {
  number: onlineApplications.number,
  type: onlineApplications.type,
  stateLabel: onlineApplications.stateLabel,
  state: onlineApplications.state,
  neph: onlineApplications.neph,
  createdAt: onlineApplications.remoteCreatedAt,
  updatedAt: onlineApplications.remoteUpdatedAt,
  candidateName: onlineApplications.candidateName,
  studentId: onlineApplications.studentId,
  studentFirstName: students.firstName,
  studentBirthName: students.birthName,
};

export async function listPage(db: SchoolDb, schoolId: string, q: ListQuery) {
  const where = conditions(schoolId, q);
  const order = q.dir === 'asc' ? asc(SORTS[q.sort]) : desc(SORTS[q.sort]);
  const [rows, grouped] = await Promise.all([
    db
      .select(rowColumns)
      .from(onlineApplications)
      .leftJoin(students, eq(students.id, onlineApplications.studentId))
      .where(where)
      .orderBy(order, asc(onlineApplications.number))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countsBy(db, schoolId, q),
  ]);
  const total = grouped
    .filter((g) => (!q.type || g.type === q.type) && (!q.state || g.state === q.state))
    .reduce((sum, g) => sum + g.n, 0);
  return { rows, total };
}

/** The seed's two counter rows (CERFA 02, CERFA 06) for the office and the other criteria. */
export async function counters(db: SchoolDb, schoolId: string, criteria: ListCriteria) {
  const grouped = await countsBy(db, schoolId, criteria);
  const count = (type: string, state: string) => grouped.find((g) => g.type === type && g.state === state)?.n ?? 0;
  return (['02', '06'] as const).map((type) => ({
    type,
    label: type === '02' ? "CERFA 02 — Demande d'inscription à un permis" : 'CERFA 06 — Demande de titre',
    counters: COUNTERS[type].map((counter) => ({ ...counter, count: count(type, counter.state) })),
  }));
}

/**
 * The office's applications counted by type and state, under the criteria other than the counter:
 * read from the kept counts (a few rows, whatever the office's size) unless a number or a date
 * narrows the list, then from the rows themselves.
 */
async function countsBy(db: SchoolDb, schoolId: string, c: ListCriteria) {
  const narrowed = Boolean(c.number || c.createdFrom || c.createdTo || c.updatedFrom || c.updatedTo);
  if (narrowed) {
    return db
      .select({ type: onlineApplications.type, state: onlineApplications.state, n: sql<number>`count(*)::int` })
      .from(onlineApplications)
      .where(conditions(schoolId, c, false))
      .groupBy(onlineApplications.type, onlineApplications.state);
  }
  return db
    .select({ type: officeCounts.type, state: officeCounts.state, n: officeCounts.count })
    .from(officeCounts)
    .innerJoin(offices, and(eq(offices.id, officeCounts.officeId), eq(offices.schoolId, schoolId)))
    .where(and(eq(officeCounts.officeId, c.officeId), gt(officeCounts.count, 0)));
}
