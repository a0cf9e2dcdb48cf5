import { type HttpServer, pgErrorCode } from '@permis/platform';
import { and, asc, eq, ilike, or } from 'drizzle-orm';
import { z } from 'zod';
import { type AuthContext, requireUser } from '../auth/context.ts';
import type { SchoolDb } from '../db/index.ts';
import { auditEvents, offices, studentDossiers, students } from '../db/schema.ts';
import { schoolError } from '../errors.ts';
import { studentDrift } from '../online/drift.ts';
import { loadDossier, saveDossier } from './dossier.ts';
import { findStudent } from './find.ts';
import { dossierFormSchema, readDossier, type StudentForm, studentFormSchema } from './form.ts';

const idParams = z.object({ id: z.uuid() });

/** Espace Clients: the school's students. A student of another school is simply not found. */
export function studentRoutes(app: HttpServer, ctx: AuthContext) {
  app.get(
    '/api/students',
    { config: { access: 'user' }, schema: { querystring: z.object({ q: z.string().trim().max(100).optional() }) } },
    async (request) => {
      const me = await requireUser(ctx, request);
      const q = request.query.q;
      const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
      const rows = await ctx.db
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
            eq(students.schoolId, me.schoolId),
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
      return { students: rows };
    },
  );

  app.post(
    '/api/students',
    { config: { access: 'user' }, schema: { body: studentFormSchema } },
    async (request, reply) => {
      const me = await requireUser(ctx, request);
      await assertOffice(ctx, me.schoolId, request.body.officeId);
      const student = await saveStudent(ctx, me, null, request.body);
      return reply.status(201).send({ student });
    },
  );

  app.put(
    '/api/students/:id',
    { config: { access: 'user' }, schema: { params: idParams, body: studentFormSchema } },
    async (request) => {
      const me = await requireUser(ctx, request);
      const current = await findStudent(ctx, me.schoolId, request.params.id);
      await assertOffice(ctx, me.schoolId, request.body.officeId);
      const student = await saveStudent(ctx, me, current.id, request.body);
      return { student, drift: await studentDrift(ctx.db, student) };
    },
  );

  app.get(
    '/api/students/:id/dossier',
    { config: { access: 'user' }, schema: { params: idParams } },
    async (request) => {
      const me = await requireUser(ctx, request);
      const student = await findStudent(ctx, me.schoolId, request.params.id);
      const [row] = await ctx.db.select().from(studentDossiers).where(eq(studentDossiers.studentId, student.id));
      return { dossier: readDossier(row?.form), updatedAt: row?.updatedAt.toISOString() ?? null };
    },
  );

  app.put(
    '/api/students/:id/dossier',
    { config: { access: 'user' }, schema: { params: idParams, body: dossierFormSchema } },
    async (request) => {
      const me = await requireUser(ctx, request);
      const student = await findStudent(ctx, me.schoolId, request.params.id);
      const now = await saveDossier(ctx.db, student.id, request.body, me.id);
      return { dossier: request.body, updatedAt: now.toISOString(), drift: await studentDrift(ctx.db, student) };
    },
  );

  app.get('/api/students/:id', { config: { access: 'user' }, schema: { params: idParams } }, async (request) => {
    const me = await requireUser(ctx, request);
    return { student: await findStudent(ctx, me.schoolId, request.params.id) };
  });

  // The places of the fiche, as corrected in the "Vérification des villes, départements et pays"
  // popup. The values are saved as chosen: the popup lets the user keep a value the lists lack.
  app.put(
    '/api/students/:id/places',
    {
      config: { access: 'user' },
      schema: {
        params: idParams,
        body: z.object({
          city: z.string().trim().max(100),
          postalCode: z
            .string()
            .trim()
            .regex(/^(\d{5})?$/, 'Le code postal doit comporter 5 chiffres.'),
          birthCity: z.string().trim().min(1, 'Indiquez la ville de naissance.').max(100),
          birthDepartment: z.string().trim().toUpperCase().max(3),
          birthCountry: z.string().trim().min(1, 'Indiquez le pays de naissance.').max(100),
          /** The legal representative's town, when the fiche has one. */
          legalRepresentative: z
            .object({ city: z.string().trim().max(100), postalCode: z.string().trim().max(5) })
            .nullish(),
          /** Where the last category was obtained (Dossier 02-06). */
          previousLicence: z
            .object({
              department: z.string().trim().toUpperCase().max(3),
              country: z.string().trim().toUpperCase().max(100),
            })
            .nullish(),
        }),
      },
    },
    async (request) => {
      const me = await requireUser(ctx, request);
      const student = await findStudent(ctx, me.schoolId, request.params.id);
      const { legalRepresentative, previousLicence, ...places } = request.body;
      const [updated] = await ctx.db.transaction(async (tx) => {
        if (previousLicence) {
          const form = {
            ...(await loadDossier(tx, student.id)),
            previousLicenceDepartment: previousLicence.department,
            previousLicenceCountry: previousLicence.country,
          };
          await saveDossier(tx as unknown as SchoolDb, student.id, form, me.id);
        }
        await tx.insert(auditEvents).values({
          schoolId: me.schoolId,
          actorUserId: me.id,
          action: 'student.places_corrected',
          targetType: 'student',
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
      return { student: updated };
    },
  );
}

async function assertOffice(ctx: AuthContext, schoolId: string, officeId: string) {
  const [office] = await ctx.db
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
async function saveStudent(
  ctx: AuthContext,
  me: { id: string; schoolId: string },
  id: string | null,
  form: StudentForm,
) {
  const [taken] = await ctx.db
    .select({ id: students.id })
    .from(students)
    .where(and(eq(students.schoolId, me.schoolId), eq(students.email, form.email)))
    .limit(1);
  if (taken && taken.id !== id) {
    throw schoolError('EMAIL_TAKEN', EMAIL_TAKEN, [{ path: 'email', message: EMAIL_TAKEN }]);
  }
  const save = ctx.db.transaction(async (tx) => {
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
    await tx.insert(auditEvents).values({
      schoolId: me.schoolId,
      actorUserId: me.id,
      action: id === null ? 'student.create' : 'student.update',
      targetType: 'student',
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
