import { type Application, type listQuerySchema, parisDayStart, TRANSFERRED } from '@permis/ants-api';
import { and, asc, eq, gt, gte, lt, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { AntsDb } from '../db/index.ts';
import { applications, formerHolders } from '../db/schema.ts';
import { antsError } from '../domain/errors.ts';
import { toTransferredView, toView } from './view.ts';

type Query = z.output<typeof listQuerySchema>;

/**
 * A school's applications, in the order of their last change for this school (`updatedAt`, then
 * id), the way incremental sync reads them. Two indexed reads merged: the applications it holds
 * (by `updatedAt`) and the ones it handed over (by when they left, "Transféré", nothing more).
 */
export async function listApplications(db: AntsDb, schoolId: string, q: Query) {
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const wantsHeld = q.state !== TRANSFERRED;
  const wantsAway = !q.state || q.state === TRANSFERRED;
  const common = (sortAt: PgColumn, id: PgColumn): (SQL | undefined)[] => [
    q.number ? eq(applications.number, q.number) : undefined,
    q.type ? eq(applications.type, q.type) : undefined,
    q.createdFrom ? gte(applications.createdAt, parisDayStart(q.createdFrom)) : undefined,
    q.createdTo ? lt(applications.createdAt, parisDayStart(q.createdTo, 1)) : undefined,
    q.updatedFrom ? gte(sortAt, parisDayStart(q.updatedFrom)) : undefined,
    q.updatedTo ? lt(sortAt, parisDayStart(q.updatedTo, 1)) : undefined,
    after ? or(gt(sortAt, after.at), and(eq(sortAt, after.at), gt(id, after.id))) : undefined,
  ];
  const held = and(
    eq(applications.proAccountId, schoolId),
    q.state && q.state !== TRANSFERRED ? eq(applications.state, q.state) : undefined,
    ...common(applications.updatedAt, applications.id),
  );
  const away = and(
    eq(formerHolders.proAccountId, schoolId),
    ...common(formerHolders.leftAt, formerHolders.applicationId),
  );

  type Item = { at: Date; id: string; view: Application };
  const [heldRows, awayRows] = await Promise.all([
    wantsHeld
      ? db
          .select()
          .from(applications)
          .where(held)
          .orderBy(asc(applications.updatedAt), asc(applications.id))
          .limit(q.limit + 1)
      : [],
    wantsAway
      ? db
          .select({ application: applications, leftAt: formerHolders.leftAt })
          .from(formerHolders)
          .innerJoin(applications, eq(applications.id, formerHolders.applicationId))
          .where(away)
          .orderBy(asc(formerHolders.leftAt), asc(formerHolders.applicationId))
          .limit(q.limit + 1)
      : [],
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
        ? db
            .select({ n: sql<number>`count(*)::int` })
            .from(applications)
            .where(held)
            .then((r) => r[0]?.n ?? 0)
        : 0,
      wantsAway
        ? db
            .select({ n: sql<number>`count(*)::int` })
            .from(formerHolders)
            .innerJoin(applications, eq(applications.id, formerHolders.applicationId))
            .where(away)
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
