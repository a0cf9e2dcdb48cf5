import { notFound } from '@permis/platform';
import { and, eq } from 'drizzle-orm';
import type { SchoolDb } from '../db/index.ts';
import { offices } from '../db/schema.ts';

/** An agency (office) of the school, as the administrative pages name it; 404 for another school's. */
export async function findAgency(db: SchoolDb, schoolId: string, officeId: string) {
  const [row] = await db
    .select()
    .from(offices)
    .where(and(eq(offices.id, officeId), eq(offices.schoolId, schoolId)))
    .limit(1);
  if (!row) throw notFound("Cette agence n'existe pas dans votre auto-école.");
  return row;
}
