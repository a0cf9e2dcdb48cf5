import { pgErrorCode } from '@permis/platform';
import { and, eq } from 'drizzle-orm';
import type { SchoolDb } from '../db/index.ts';
import { offices, students } from '../db/schema.ts';
import { recordAudit } from '../domain/audit.ts';
import { schoolError } from '../errors.ts';
import type { StudentForm } from './form.ts';

type Author = { id: string; schoolId: string };

/** The office a fiche names must be one of the school's. */
export async function assertOffice(db: SchoolDb, schoolId: string, officeId: string) {
  const [office] = await db
    .select({ id: offices.id })
    .from(offices)
    .where(and(eq(offices.id, officeId), eq(offices.schoolId, schoolId)))
    .limit(1);
  if (!office) {
    throw schoolError('VALIDATION', 'Certains champs sont invalides.', [
      { path: 'officeId', message: 'Choisissez un bureau de votre auto-école.' },
    ]);
  }
}

const EMAIL_TAKEN =
  "Cet email est déjà utilisé par un autre élève : chaque élève doit avoir un email unique (le site de l'ANTS refuse un email partagé, même au sein d'une famille).";

/** Creates (id null) or updates a fiche; the email stays unique within the school. */
export async function saveStudent(db: SchoolDb, me: Author, id: string | null, form: StudentForm) {
  const [taken] = await db
    .select({ id: students.id })
    .from(students)
    .where(and(eq(students.schoolId, me.schoolId), eq(students.email, form.email)))
    .limit(1);
  if (taken && taken.id !== id) {
    throw schoolError('EMAIL_TAKEN', EMAIL_TAKEN, [{ path: 'email', message: EMAIL_TAKEN }]);
  }
  const save = db.transaction(async (tx) => {
    const [row] =
      id === null
        ? await tx
            .insert(students)
            .values({ ...form, schoolId: me.schoolId })
            .returning()
        : await tx
            .update(students)
            .set({ ...form, updatedAt: new Date() })
            .where(and(eq(students.id, id), eq(students.schoolId, me.schoolId)))
            .returning();
    await recordAudit(tx, {
      by: { schoolId: me.schoolId, userId: me.id },
      action: id === null ? 'student.create' : 'student.update',
      target: 'student',
      targetId: row!.id,
    });
    return row!;
  });
  // Two saves racing for the same email: the unique index decides, with the same message.
  return save.catch((error: unknown) => {
    if (pgErrorCode(error) === '23505') {
      throw schoolError('EMAIL_TAKEN', EMAIL_TAKEN, [{ path: 'email', message: EMAIL_TAKEN }]);
    }
    throw error;
  });
}
