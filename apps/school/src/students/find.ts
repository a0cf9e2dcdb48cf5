import { notFound } from '@permis/platform';
import { and, eq } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { students } from '../db/schema.ts';

/** A student of the user's school, or 404 (another school's student is simply not found). */
export async function findStudent(ctx: Pick<AuthContext, 'db'>, schoolId: string, id: string) {
  const [row] = await ctx.db
    .select()
    .from(students)
    .where(and(eq(students.id, id), eq(students.schoolId, schoolId)))
    .limit(1);
  if (!row) throw notFound("Cet élève n'existe pas dans votre auto-école.");
  return row;
}
