import { conflict, type HttpServer, notFound } from '@permis/platform';
import { and, asc, eq, ilike, or } from 'drizzle-orm';
import { z } from 'zod';
import { type AuthContext, requireRight, requireUser } from '../auth/context.ts';
import { auditEvents, offices, students } from '../db/schema.ts';
import type { Right } from '../users/rights.ts';

const idParams = z.object({ id: z.uuid() });

/** Espace Clients: the school's students. A student of another school is simply not found. */
export function studentRoutes(app: HttpServer, ctx: AuthContext) {
  app.get(
    '/api/students',
    { schema: { querystring: z.object({ q: z.string().trim().max(100).optional() }) } },
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

  app.get('/api/students/:id', { schema: { params: idParams } }, async (request) => {
    const me = await requireUser(ctx, request);
    return { student: await findStudent(ctx, me.schoolId, request.params.id) };
  });

  // The places of the fiche, as corrected in the "Vérification des villes, départements et pays"
  // popup. The values are saved as chosen: the popup lets the user keep a value the lists lack.
  app.put(
    '/api/students/:id/places',
    {
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
        }),
      },
    },
    async (request) => {
      const me = await requireUser(ctx, request);
      const student = await findStudent(ctx, me.schoolId, request.params.id);
      const [updated] = await ctx.db.transaction(async (tx) => {
        await tx.insert(auditEvents).values({
          schoolId: me.schoolId,
          actorUserId: me.id,
          action: 'student.places_corrected',
          targetType: 'student',
          targetId: student.id,
        });
        return tx
          .update(students)
          .set({ ...request.body, updatedAt: new Date() })
          .where(and(eq(students.id, student.id), eq(students.schoolId, me.schoolId)))
          .returning();
      });
      return { student: updated };
    },
  );

  // The three actions guarded by the seed's rights. The right is checked first, on the server;
  // the online application itself arrives with the professional API (issue 6), so until one exists
  // for the student the answer is the truthful "no online application".
  const guarded: [string, string, Right][] = [
    ['POST', '/api/students/:id/online-application/validate', 'ants_validate_application'],
    ['DELETE', '/api/students/:id/online-application', 'ants_delete_application'],
    ['DELETE', '/api/students/:id/online-application/ephoto', 'ants_delete_ephoto'],
  ];
  for (const [method, url, right] of guarded) {
    app.route({
      method: method as 'POST' | 'DELETE',
      url,
      schema: { params: idParams },
      handler: async (request) => {
        const me = await requireRight(ctx, request, right);
        await findStudent(ctx, me.schoolId, (request.params as { id: string }).id);
        throw conflict('NO_ONLINE_APPLICATION', "Aucune demande en ligne n'est enregistrée pour cet élève.");
      },
    });
  }
}

async function findStudent(ctx: AuthContext, schoolId: string, id: string) {
  const [row] = await ctx.db
    .select()
    .from(students)
    .where(and(eq(students.id, id), eq(students.schoolId, schoolId)))
    .limit(1);
  if (!row) throw notFound("Cet élève n'existe pas dans votre auto-école.");
  return row;
}
