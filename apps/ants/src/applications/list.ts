import { type Application, type listQuerySchema, parisDayStart, TRANSFERRED } from '@permis/ants-api';
import { preparedFamily } from '@permis/platform';
import { and, asc, eq, gt, gte, lt, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { AntsDb } from '../db/index.ts';
import { applications, formerHolders } from '../db/schema.ts';
import { antsError } from '../domain/errors.ts';
import { toTransferredView, toView } from './view.ts';

type Query = z.output<typeof listQuerySchema>;

/** The list's optional filters: which of them a query has is its shape (one prepared statement each). */
const FILTERS = ['number', 'type', 'createdFrom', 'createdTo', 'updatedFrom', 'updatedTo', 'after', 'state'] as const;
type Filter = (typeof FILTERS)[number];
/** One character a filter, `1` when present: `00000000` for the default page, `00000010` for a sync. */
type Shape = string;
const shapeOf = (has: (filter: Filter) => boolean): Shape => FILTERS.map((f) => (has(f) ? '1' : '0')).join('');
const holds = (shape: Shape, filter: Filter) => shape[FILTERS.indexOf(filter)] === '1';

/** The filters of `shape` on a side of the list, as placeholders (values given at each run). */
function filtered(shape: Shape, sortAt: PgColumn, id: PgColumn): (SQL | undefined)[] {
  const value = sql.placeholder;
  const has = (filter: Filter) => holds(shape, filter);
  return [
    has('number') ? eq(applications.number, value('number')) : undefined,
    has('type') ? eq(applications.type, value('type')) : undefined,
    has('createdFrom') ? gte(applications.createdAt, value('createdFrom')) : undefined,
    has('createdTo') ? lt(applications.createdAt, value('createdTo')) : undefined,
    has('updatedFrom') ? gte(sortAt, value('updatedFrom')) : undefined,
    has('updatedTo') ? lt(sortAt, value('updatedTo')) : undefined,
    has('after')
      ? or(gt(sortAt, value('afterAt')), and(eq(sortAt, value('afterAt')), gt(id, value('afterId'))))
      : undefined,
  ];
}

const heldWhere = (shape: Shape) =>
  and(
    eq(applications.proAccountId, sql.placeholder('schoolId')),
    holds(shape, 'state') ? eq(applications.state, sql.placeholder('state')) : undefined,
    ...filtered(shape, applications.updatedAt, applications.id),
  );
const awayWhere = (shape: Shape) =>
  and(
    eq(formerHolders.proAccountId, sql.placeholder('schoolId')),
    ...filtered(shape, formerHolders.leftAt, formerHolders.applicationId),
  );

// Every page of every school's list and sync runs one of these: built once a shape (the query
// builder took a seventh of a list request's CPU, issue 37's profile), parsed once a connection.
const heldPage = preparedFamily((db: AntsDb, shape: Shape) =>
  db
    .select()
    .from(applications)
    .where(heldWhere(shape))
    .orderBy(asc(applications.updatedAt), asc(applications.id))
    .limit(sql.placeholder('limit'))
    .prepare(`pro_list_held_${shape}`),
);
const awayPage = preparedFamily((db: AntsDb, shape: Shape) =>
  db
    .select({ application: applications, leftAt: formerHolders.leftAt })
    .from(formerHolders)
    .innerJoin(applications, eq(applications.id, formerHolders.applicationId))
    .where(awayWhere(shape))
    .orderBy(asc(formerHolders.leftAt), asc(formerHolders.applicationId))
    .limit(sql.placeholder('limit'))
    .prepare(`pro_list_away_${shape}`),
);
const heldCount = preparedFamily((db: AntsDb, shape: Shape) =>
  db
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .where(heldWhere(shape))
    .prepare(`pro_count_held_${shape}`),
);
const awayCount = preparedFamily((db: AntsDb, shape: Shape) =>
  db
    .select({ n: sql<number>`count(*)::int` })
    .from(formerHolders)
    .innerJoin(applications, eq(applications.id, formerHolders.applicationId))
    .where(awayWhere(shape))
    .prepare(`pro_count_away_${shape}`),
);

/**
 * A school's applications, in the order of their last change for this school (`updatedAt`, then
 * id), the way incremental sync reads them. Two indexed reads merged: the applications it holds
 * (by `updatedAt`) and the ones it handed over (by when they left, "Transféré", nothing more).
 */
export async function listApplications(db: AntsDb, schoolId: string, q: Query) {
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const wantsHeld = q.state !== TRANSFERRED;
  const wantsAway = !q.state || q.state === TRANSFERRED;
  const held = shapeOf((filter) =>
    filter === 'state'
      ? Boolean(q.state && q.state !== TRANSFERRED)
      : filter === 'after'
        ? Boolean(after)
        : Boolean(q[filter]),
  );
  // The state is not a filter of the demands handed over: they are all « Transféré ».
  const away = `${held.slice(0, -1)}0`;
  const values = {
    schoolId,
    limit: q.limit + 1,
    number: q.number,
    type: q.type,
    state: q.state,
    createdFrom: q.createdFrom && parisDayStart(q.createdFrom),
    createdTo: q.createdTo && parisDayStart(q.createdTo, 1),
    updatedFrom: q.updatedFrom && parisDayStart(q.updatedFrom),
    updatedTo: q.updatedTo && parisDayStart(q.updatedTo, 1),
    afterAt: after?.at,
    afterId: after?.id,
  };

  type Item = { at: Date; id: string; view: Application };
  const [heldRows, awayRows] = await Promise.all([
    wantsHeld ? heldPage(db, held).execute(values) : [],
    wantsAway ? awayPage(db, away).execute(values) : [],
  ]);
  const items: Item[] = [
    ...heldRows.map((row) => ({ at: row.updatedAt, id: row.id, view: toView(row) as Application })),
    ...awayRows.map(({ application, leftAt }) => ({
      at: leftAt,
      id: application.id,
      view: toTransferredView(application, leftAt) as Application,
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const page = items.slice(0, q.limit);
  const last = page.at(-1);
  const count = async () => {
    const [h, a] = await Promise.all([
      wantsHeld
        ? heldCount(db, held)
            .execute(values)
            .then((r) => r[0]?.n ?? 0)
        : 0,
      wantsAway
        ? awayCount(db, away)
            .execute(values)
            .then((r) => r[0]?.n ?? 0)
        : 0,
    ]);
    return h + a;
  };
  const remaining = q.count ? await count() : undefined;
  return {
    applications: page.map((item) => item.view),
    nextCursor: items.length > q.limit && last ? encodeCursor(last.at, last.id) : null,
    endCursor: last ? encodeCursor(last.at, last.id) : null,
    ...(remaining === undefined ? {} : { remaining }),
  };
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  // A forged cursor is refused here, before the query: a UUID PostgreSQL reads, a date it can hold.
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 2000 || year > 9999 || !id || !UUID.test(id)) {
    throw antsError('VALIDATION', 'Curseur de synchronisation invalide.');
  }
  return { at: date, id };
}
