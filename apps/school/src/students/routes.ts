import type { HttpServer } from '@permis/platform';
import { z } from 'zod';
import { type AuthContext, requireUser } from '../auth/context.ts';
import { studentDrift } from '../online/drift.ts';
import { loadDossierWithDate, saveDossier } from './dossier.ts';
import { findStudent } from './find.ts';
import { dossierFormSchema, studentFormSchema } from './form.ts';
import { listStudents } from './list.ts';
import { correctPlaces } from './places.ts';
import { assertOffice, saveStudent } from './save.ts';

const idParams = z.object({ id: z.uuid() });

/** Espace Clients: the school's students. A student of another school is simply not found. */
export function studentRoutes(app: HttpServer, ctx: AuthContext) {
  app.get(
    '/api/students',
    { config: { access: 'user' }, schema: { querystring: z.object({ q: z.string().trim().max(100).optional() }) } },
    async (request) => {
      const me = await requireUser(ctx, request);
      return { students: await listStudents(ctx.db, me.schoolId, request.query.q) };
    },
  );

  app.post(
    '/api/students',
    { config: { access: 'user' }, schema: { body: studentFormSchema } },
    async (request, reply) => {
      const me = await requireUser(ctx, request);
      await assertOffice(ctx.db, me.schoolId, request.body.officeId);
      const student = await saveStudent(ctx.db, me, null, request.body);
      return reply.status(201).send({ student });
    },
  );

  app.put(
    '/api/students/:id',
    { config: { access: 'user' }, schema: { params: idParams, body: studentFormSchema } },
    async (request) => {
      const me = await requireUser(ctx, request);
      const current = await findStudent(ctx, me.schoolId, request.params.id);
      await assertOffice(ctx.db, me.schoolId, request.body.officeId);
      const student = await saveStudent(ctx.db, me, current.id, request.body);
      return { student, drift: await studentDrift(ctx.db, student) };
    },
  );

  app.get(
    '/api/students/:id/dossier',
    { config: { access: 'user' }, schema: { params: idParams } },
    async (request) => {
      const me = await requireUser(ctx, request);
      const student = await findStudent(ctx, me.schoolId, request.params.id);
      return loadDossierWithDate(ctx.db, student.id);
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
      const updated = await correctPlaces(ctx.db, me, student, request.body);
      return { student: updated };
    },
  );
}
