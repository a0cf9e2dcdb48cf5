import { prepared } from '@permis/platform';
import { and, eq, sql } from 'drizzle-orm';
import type { AntsDb } from '../db/index.ts';
import { applications } from '../db/schema.ts';
import { antsError } from '../domain/errors.ts';
import type { ApplicationRow } from './machine.ts';

/** Built once: most calls of the professional API start with it. */
const ownApplication = prepared((db: AntsDb) =>
  db
    .select()
    .from(applications)
    .where(
      and(
        eq(applications.number, sql.placeholder('number')),
        eq(applications.proAccountId, sql.placeholder('schoolId')),
      ),
    )
    .limit(1)
    .prepare('own_application_by_number'),
);

/** An application of this school by its number; another school's is simply not found. */
export async function findOwnApplication(db: AntsDb, schoolId: string, number: string): Promise<ApplicationRow> {
  const [row] = await ownApplication(db).execute({ number, schoolId });
  if (!row) throw antsError('NOT_FOUND');
  return row;
}
