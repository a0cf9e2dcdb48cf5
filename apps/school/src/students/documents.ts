import { contentDisposition, type HttpServer, notFound, readUploadedFile, sniffMediaType } from '@permis/platform';
import { MAX_PIECE_FILE_BYTES } from '@permis/referentiel';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { type AuthContext, requireUser } from '../auth/context.ts';
import { studentDocuments } from '../db/schema.ts';
import { recordAudit } from '../domain/audit.ts';
import { findStudent } from './find.ts';

const params = z.object({ id: z.uuid() });
const documentParams = params.extend({ documentId: z.uuid() });

/** The documents kept on a student's fiche (scans); they can be sent as pièces justificatives. */
export function studentDocumentRoutes(app: HttpServer, ctx: AuthContext) {
  app.get('/api/students/:id/documents', { config: { access: 'user' }, schema: { params } }, async (request) => {
    const me = await requireUser(ctx, request);
    const student = await findStudent(ctx, me.schoolId, request.params.id);
    const rows = await ctx.db
      .select({
        id: studentDocuments.id,
        fileName: studentDocuments.fileName,
        mediaType: studentDocuments.mediaType,
        size: studentDocuments.size,
        createdAt: studentDocuments.createdAt,
      })
      .from(studentDocuments)
      .where(eq(studentDocuments.studentId, student.id))
      .orderBy(desc(studentDocuments.createdAt));
    return { documents: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })) };
  });

  app.post(
    '/api/students/:id/documents',
    { config: { access: 'user' }, schema: { params } },
    async (request, reply) => {
      const me = await requireUser(ctx, request);
      const student = await findStudent(ctx, me.schoolId, request.params.id);
      const file = await readUploadedFile(request, MAX_PIECE_FILE_BYTES);
      const [row] = await ctx.db.transaction(async (tx) => {
        const inserted = await tx
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
        return inserted;
      });
      return reply.status(201).send({ document: row });
    },
  );

  app.get(
    '/api/students/:id/documents/:documentId',
    { config: { access: 'user' }, schema: { params: documentParams } },
    async (request, reply) => {
      const me = await requireUser(ctx, request);
      const document = await findStudentDocument(ctx, me.schoolId, request.params.id, request.params.documentId);
      return sendFile(reply, document.fileName, document.content);
    },
  );

  app.delete(
    '/api/students/:id/documents/:documentId',
    { config: { access: 'user' }, schema: { params: documentParams } },
    async (request) => {
      const me = await requireUser(ctx, request);
      const document = await findStudentDocument(ctx, me.schoolId, request.params.id, request.params.documentId);
      await ctx.db.delete(studentDocuments).where(eq(studentDocuments.id, document.id));
      return { deleted: true };
    },
  );
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

/** A file download, typed from its own bytes (whatever was declared when stored), never sniffed by the browser. */
export function sendFile(reply: FastifyReply, fileName: string, bytes: Uint8Array) {
  return reply
    .header('content-type', sniffMediaType(bytes))
    .header('content-disposition', contentDisposition(fileName))
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(bytes));
}
