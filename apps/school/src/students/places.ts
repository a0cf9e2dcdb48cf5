import type { PlacesCorrection } from '@permis/school-api';
import { and, eq } from 'drizzle-orm';
import type { SchoolDb } from '../db/index.ts';
import { students } from '../db/schema.ts';
import { recordAudit } from '../domain/audit.ts';
import { loadDossier, saveDossier } from './dossier.ts';

type StudentRow = typeof students.$inferSelect;

/** Saves the places as chosen (the popup lets the user keep a value the lists lack). */
export async function correctPlaces(
  db: SchoolDb,
  me: { id: string; schoolId: string },
  student: StudentRow,
  correction: PlacesCorrection,
) {
  const { legalRepresentative, previousLicence, ...places } = correction;
  const [updated] = await db.transaction(async (tx) => {
    if (previousLicence) {
      const form = {
        ...(await loadDossier(tx, student.id)),
        previousLicenceDepartment: previousLicence.department,
        previousLicenceCountry: previousLicence.country,
      };
      await saveDossier(tx as unknown as SchoolDb, student.id, form, me.id);
    }
    await recordAudit(tx, {
      by: { schoolId: me.schoolId, userId: me.id },
      action: 'student.places_corrected',
      target: 'student',
      targetId: student.id,
    });
    const representative =
      legalRepresentative && student.legalRepresentative
        ? { ...student.legalRepresentative, ...legalRepresentative }
        : student.legalRepresentative;
    return tx
      .update(students)
      .set({ ...places, legalRepresentative: representative, updatedAt: new Date() })
      .where(and(eq(students.id, student.id), eq(students.schoolId, me.schoolId)))
      .returning();
  });
  return updated!;
}
