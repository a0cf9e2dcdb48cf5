import {
  APPLICATION_TYPES,
  COUNTERS,
  type DashboardQuery,
  type ProDashboard,
  parisDayStart,
  stateLabel,
  TRANSFERRED,
} from '@permis/ants-api';
import { and, asc, count, desc, eq, gte, like, lt, or, type SQL, sql } from 'drizzle-orm';
import type { AntsDb } from '../db/index.ts';
import { applications, formerHolders } from '../db/schema.ts';

export const DASHBOARD_PAGE_SIZE = 20;

type DashboardRow = ProDashboard['rows'][number];

const candidateField = (field: string) => sql<string>`coalesce(${applications.candidate}->>${field}, '')`;
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The school's demands for its professional space: the seed's counters per Cerfa type and state
 * (each a filter), a search by number or name and by creation dates, sorted and paged. The same
 * applications the professional API lists: the ones the school holds, and those it handed over
 * (« Transféré », with nothing of the candidate).
 */
export async function proDashboard(db: AntsDb, proAccountId: string, query: DashboardQuery): Promise<ProDashboard> {
  const held = await db
    .select({ type: applications.type, state: applications.state, count: count() })
    .from(applications)
    .where(eq(applications.proAccountId, proAccountId))
    .groupBy(applications.type, applications.state);
  const away = await db
    .select({ type: applications.type, count: count() })
    .from(formerHolders)
    .innerJoin(applications, eq(applications.id, formerHolders.applicationId))
    .where(eq(formerHolders.proAccountId, proAccountId))
    .groupBy(applications.type);
  const counted = (type: string, state: string) =>
    state === TRANSFERRED
      ? (away.find((row) => row.type === type)?.count ?? 0)
      : (held.find((row) => row.type === type && row.state === state)?.count ?? 0);
  const counters = APPLICATION_TYPES.map((type) => ({
    type,
    counters: COUNTERS[type].map((counter) => ({ ...counter, count: counted(type, counter.state) })),
  }));

  const created = (column: typeof applications.createdAt): (SQL | undefined)[] => [
    query.createdFrom ? gte(column, parisDayStart(query.createdFrom)) : undefined,
    query.createdTo ? lt(column, parisDayStart(query.createdTo, 1)) : undefined,
  ];
  const text = query.q ?? '';
  const offset = (query.page - 1) * DASHBOARD_PAGE_SIZE;
  const direction = query.order === 'asc' ? asc : desc;
  /** A search of digits is the beginning of a number. */
  const numberStarts = /^\d+$/.test(text) ? like(applications.number, `${escapeLike(text)}%`) : undefined;
  const answer = (total: { count: number } | undefined, rows: DashboardRow[]) => ({
    counters,
    total: total?.count ?? 0,
    page: query.page,
    pageSize: DASHBOARD_PAGE_SIZE,
    rows,
  });

  if (query.state === TRANSFERRED) {
    // Handed over: only the number, the type and the dates are still this school's to see.
    const where = and(
      eq(formerHolders.proAccountId, proAccountId),
      query.type ? eq(applications.type, query.type) : undefined,
      // Nothing of the candidate is kept for them: a name finds none.
      numberStarts ?? (text ? sql`false` : undefined),
      ...created(applications.createdAt),
    );
    const [total] = await db
      .select({ count: count() })
      .from(formerHolders)
      .innerJoin(applications, eq(applications.id, formerHolders.applicationId))
      .where(where);
    const rows = await db
      .select({
        number: applications.number,
        type: applications.type,
        createdAt: applications.createdAt,
        leftAt: formerHolders.leftAt,
      })
      .from(formerHolders)
      .innerJoin(applications, eq(applications.id, formerHolders.applicationId))
      .where(where)
      .orderBy(
        query.sort === 'number'
          ? direction(applications.number)
          : query.sort === 'created'
            ? direction(applications.createdAt)
            : direction(formerHolders.leftAt),
        asc(applications.number),
      )
      .limit(DASHBOARD_PAGE_SIZE)
      .offset(offset);
    return answer(
      total,
      rows.map((row) => ({
        number: row.number,
        type: row.type,
        state: TRANSFERRED,
        stateLabel: stateLabel(TRANSFERRED, row.type),
        candidateName: null,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.leftAt.toISOString(),
      })),
    );
  }

  const pattern = `%${escapeLike(text.toLowerCase())}%`;
  const where = and(
    eq(applications.proAccountId, proAccountId),
    query.type ? eq(applications.type, query.type) : undefined,
    query.state ? eq(applications.state, query.state) : undefined,
    text
      ? or(
          numberStarts,
          sql`lower(${candidateField('birthName')} || ' ' || ${candidateField('firstName')}) like ${pattern}`,
          sql`lower(${candidateField('usageName')}) like ${pattern}`,
        )
      : undefined,
    ...created(applications.createdAt),
  );
  const [total] = await db.select({ count: count() }).from(applications).where(where);
  const sortColumn =
    query.sort === 'number'
      ? [direction(applications.number)]
      : query.sort === 'created'
        ? [direction(applications.createdAt)]
        : query.sort === 'name'
          ? [direction(candidateField('birthName')), direction(candidateField('firstName'))]
          : [direction(applications.updatedAt)];
  const rows = await db
    .select({
      number: applications.number,
      type: applications.type,
      state: applications.state,
      birthName: candidateField('birthName'),
      firstName: candidateField('firstName'),
      createdAt: applications.createdAt,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .where(where)
    .orderBy(...sortColumn, asc(applications.number))
    .limit(DASHBOARD_PAGE_SIZE)
    .offset(offset);
  return answer(
    total,
    rows.map((row) => ({
      number: row.number,
      type: row.type,
      state: row.state,
      stateLabel: stateLabel(row.state, row.type),
      candidateName: `${row.birthName} ${row.firstName}`.trim(),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    })),
  );
}
