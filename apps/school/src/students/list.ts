import { and, asc, eq, ilike, or } from 'drizzle-orm';
import type { SchoolDb } from '../db/index.ts';
import { offices, students } from '../db/schema.ts';

/** The school's students whose names contain `q` (all without it), by name, 200 at most. */
export async function listStudents(db: SchoolDb, schoolId: string, q: string | undefined) {
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return db
    .select({
      id: students.id,
      firstName: students.firstName,
      birthName: students.birthName,
      usageName: students.usageName,
      birthDate: students.birthDate,
      email: students.email,
      officeName: offices.name,
    })
    .from(students)
    .innerJoin(offices, eq(offices.id, students.officeId))
    .where(
      and(
        eq(students.schoolId, schoolId),
        pattern
          ? or(
              ilike(students.birthName, pattern),
              ilike(students.firstName, pattern),
              ilike(students.usageName, pattern),
            )
          : undefined,
      ),
    )
    .orderBy(asc(students.birthName), asc(students.firstName))
    .limit(200);
}
