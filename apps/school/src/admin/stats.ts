import { and, eq, gte, sql } from 'drizzle-orm';
import type { SchoolDb } from '../db/index.ts';
import { onlineApplications } from '../db/schema.ts';

/** The chart: an office's applications per state, by month of last change, over the last 12 months. */
export async function monthlyStates(db: SchoolDb, schoolId: string, officeId: string) {
  const since = new Date();
  since.setUTCMonth(since.getUTCMonth() - 11, 1);
  since.setUTCHours(0, 0, 0, 0);
  const month = sql<string>`to_char(${onlineApplications.remoteUpdatedAt} at time zone 'Europe/Paris', 'YYYY-MM')`;
  return db
    .select({ month, state: onlineApplications.state, n: sql<number>`count(*)::int` })
    .from(onlineApplications)
    .where(
      and(
        eq(onlineApplications.schoolId, schoolId),
        eq(onlineApplications.officeId, officeId),
        gte(onlineApplications.remoteUpdatedAt, since),
      ),
    )
    .groupBy(month, onlineApplications.state);
}
