import { eq } from 'drizzle-orm';
import type { SchoolDb } from '../db/index.ts';
import { studentDossiers } from '../db/schema.ts';
import { type DossierForm, readDossier } from './form.ts';

/** A student's Dossier 02-06 (the database or a transaction), with the defaults where it has none. */
export async function loadDossier(db: Pick<SchoolDb, 'select'>, studentId: string): Promise<DossierForm> {
  const [row] = await db.select().from(studentDossiers).where(eq(studentDossiers.studentId, studentId)).limit(1);
  return readDossier(row?.form);
}

/** A student's Dossier 02-06 and when it was last saved (null: never). */
export async function loadDossierWithDate(db: SchoolDb, studentId: string) {
  const [row] = await db.select().from(studentDossiers).where(eq(studentDossiers.studentId, studentId));
  return { dossier: readDossier(row?.form), updatedAt: row?.updatedAt.toISOString() ?? null };
}

/** Saves a student's Dossier 02-06 (the database or a transaction); answers when. */
export async function saveDossier(db: SchoolDb, studentId: string, form: DossierForm, userId: string): Promise<Date> {
  const now = new Date();
  await db
    .insert(studentDossiers)
    .values({ studentId, form, updatedAt: now, updatedBy: userId })
    .onConflictDoUpdate({ target: studentDossiers.studentId, set: { form, updatedAt: now, updatedBy: userId } });
  return now;
}
