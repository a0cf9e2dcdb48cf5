import { and, eq } from 'drizzle-orm';
import type { AntsDb } from '../db/index.ts';
import { applications } from '../db/schema.ts';
import { proError } from '../pro/errors.ts';
import type { ApplicationRow } from './machine.ts';

/** An application of this school by its number; another school's is simply not found. */
export async function findOwnApplication(db: AntsDb, schoolId: string, number: string): Promise<ApplicationRow> {
  const [row] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.number, number), eq(applications.proAccountId, schoolId)))
    .limit(1);
  if (!row) throw proError('NOT_FOUND');
  return row;
}
