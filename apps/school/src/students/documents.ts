import { notFound, sniffMediaType } from '@permis/platform';
import type { StudentDocument } from '@permis/school-api';
import { and, desc, eq } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import type { SchoolDb } from '../db/index.ts';
import { studentDocuments } from '../db/schema.ts';
import { recordAudit } from '../domain/audit.ts';

/** The documents kept on a student's fiche (scans), newest first; they can be sent as pièces justificatives. */
export async function listStudentDocuments(db: SchoolDb, studentId: string): Promise<StudentDocument[]> {
  const rows = await db
    .select({
      id: studentDocuments.id,
      fileName: studentDocuments.fileName,
      mediaType: studentDocuments.mediaType,
      size: studentDocuments.size,
      createdAt: studentDocuments.createdAt,
    })
    .from(studentDocuments)
    .where(eq(studentDocuments.studentId, studentId))
    .orderBy(desc(studentDocuments.createdAt));
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

/** Keeps a file on the fiche (typed from its own bytes), audited. */
export async function addStudentDocument(
  db: SchoolDb,
  me: { id: string; schoolId: string },
  student: { id: string },
  file: { fileName: string; bytes: Buffer },
) {
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(studentDocuments)
      .values({
        schoolId: me.schoolId,
        studentId: student.id,
        fileName: file.fileName.slice(0, 200),
        mediaType: sniffMediaType(file.bytes),
        size: file.bytes.length,
        content: file.bytes,
        uploadedBy: me.id,
      })
      .returning({ id: studentDocuments.id, fileName: studentDocuments.fileName });
    await recordAudit(tx, {
      by: { schoolId: me.schoolId, userId: me.id },
      action: 'student.document_add',
      target: 'student',
      targetId: student.id,
    });
    return inserted!;
  });
}

export async function deleteStudentDocument(db: SchoolDb, document: { id: string }) {
  await db.delete(studentDocuments).where(eq(studentDocuments.id, document.id));
}

/** A document of one of the school's students, or 404. */
export async function findStudentDocument(
  ctx: Pick<AuthContext, 'db'>,
  schoolId: string,
  studentId: string,
  documentId: string,
) {
  const [row] = await ctx.db
    .select()
    .from(studentDocuments)
    .where(
      and(
        eq(studentDocuments.id, documentId),
        eq(studentDocuments.studentId, studentId),
        eq(studentDocuments.schoolId, schoolId),
      ),
    )
    .limit(1);
  if (!row) throw notFound("Ce document n'existe pas sur la fiche de l'élève.");
  return row;
}
