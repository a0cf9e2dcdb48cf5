import { type HttpServer, notFound } from '@permis/platform';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { callAnts, isAuthenticationFailure } from '../ants/clients.ts';
import { requireDirigeant, requireUser } from '../auth/context.ts';
import { auditEvents, offices } from '../db/schema.ts';
import { schoolError } from '../errors.ts';
import type { SchoolServices } from '../services.ts';

const PREFECTURES_NEED =
  "Le code postal, le n° d'agrément et les identifiants de l'agence sont obligatoires pour initialiser la liste des préfectures.";

const text = (max: number) => z.string().trim().max(max).default('');

/** The office form of Espace Dirigeant › Paramètres › Bureaux (address and "Agrément pour Cerfa"). */
const officeForm = z.object({
  name: z.string().trim().min(1, 'Indiquez le nom du bureau.').max(100),
  addressLine: text(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, 'Le code postal doit comporter 5 chiffres.')
    .default(''),
  city: text(100),
  phone: text(20),
  cerfaAgrement: text(20).transform((v) => v.toUpperCase()),
  antsLogin: text(100),
  /** Empty keeps the stored password: it is never shown back. */
  antsPassword: z.string().max(200).default(''),
  prefectureCode: text(10),
  prefectureName: text(100),
});

/**
 * Offices. Every user sees their names and addresses; the "Agrément pour Cerfa" block belongs to
 * Espace Dirigeant > Paramètres > Bureaux. The ANTS password never leaves the server: only whether one is set.
 */
export function officeRoutes(app: HttpServer, ctx: SchoolServices) {
  const { box, clients, webhooks } = ctx;
  const list = (schoolId: string) =>
    ctx.db.select().from(offices).where(eq(offices.schoolId, schoolId)).orderBy(asc(offices.name));

  const find = async (schoolId: string, id: string) => {
    const [row] = await ctx.db
      .select()
      .from(offices)
      .where(and(eq(offices.id, id), eq(offices.schoolId, schoolId)))
      .limit(1);
    if (!row) throw notFound("Ce bureau n'existe pas dans votre auto-école.");
    return row;
  };

  const forDirigeant = ({
    antsPasswordSealed,
    webhookSecretSealed: _w,
    syncCursor: _c,
    schoolId: _s,
    ...office
  }: typeof offices.$inferSelect) => ({
    ...office,
    hasAntsPassword: Boolean(antsPasswordSealed),
  });

  app.get('/api/offices', { config: { access: 'user' } }, async (request) => {
    const me = await requireUser(ctx, request);
    const rows = await list(me.schoolId);
    return {
      offices: rows.map((o) => ({
        id: o.id,
        name: o.name,
        addressLine: o.addressLine,
        postalCode: o.postalCode,
        city: o.city,
        hasAgrement: Boolean(o.cerfaAgrement && o.antsLogin && o.antsPasswordSealed),
      })),
    };
  });

  app.get('/api/dirigeant/offices', { config: { access: 'dirigeant' } }, async (request) => {
    const me = await requireDirigeant(ctx, request);
    return { offices: (await list(me.schoolId)).map(forDirigeant) };
  });

  const values = (form: z.infer<typeof officeForm>) => {
    const { antsPassword, ...rest } = form;
    return {
      ...rest,
      cerfaAgrement: rest.cerfaAgrement || null,
      antsLogin: rest.antsLogin || null,
      prefectureCode: rest.prefectureCode || null,
      prefectureName: rest.prefectureName || null,
      ...(antsPassword ? { antsPasswordSealed: box.seal(antsPassword) } : {}),
    };
  };

  const audit = (schoolId: string, userId: string, action: string, officeId: string) =>
    ctx.db.insert(auditEvents).values({
      schoolId,
      actorUserId: userId,
      action,
      targetType: 'office',
      targetId: officeId,
    });

  app.post(
    '/api/dirigeant/offices',
    { config: { access: 'dirigeant' }, schema: { body: officeForm } },
    async (request, reply) => {
      const me = await requireDirigeant(ctx, request);
      const [row] = await ctx.db
        .insert(offices)
        .values({ ...values(request.body), schoolId: me.schoolId })
        .returning();
      await audit(me.schoolId, me.id, 'office.create', row!.id);
      return reply.status(201).send({ office: forDirigeant(row!) });
    },
  );

  app.put(
    '/api/dirigeant/offices/:id',
    { config: { access: 'dirigeant' }, schema: { params: z.object({ id: z.uuid() }), body: officeForm } },
    async (request) => {
      const me = await requireDirigeant(ctx, request);
      const current = await find(me.schoolId, request.params.id);
      const next = values(request.body);
      // Other credentials are another account on the national service: its webhook is registered anew.
      const otherAccount =
        next.cerfaAgrement !== current.cerfaAgrement ||
        next.antsLogin !== current.antsLogin ||
        'antsPasswordSealed' in next;
      const [row] = await ctx.db
        .update(offices)
        .set({
          ...next,
          ...(otherAccount ? { webhookUrl: null, webhookSecretSealed: null } : {}),
          updatedAt: new Date(),
        })
        .where(eq(offices.id, current.id))
        .returning();
      await audit(me.schoolId, me.id, 'office.update', current.id);
      // Saved credentials are tried at once on the national service: a wrong password is said now,
      // not at the secretary's first demand. Accepted, the national service is told where to push
      // this office's changes (not reachable now: a job tries again until it is).
      const { credentials, office } = await checkCredentials(row!);
      const webhook =
        credentials === 'accepted' || credentials === 'unreachable' ? await webhooks.subscribe(office) : 'none';
      return { office: forDirigeant(office), webhook, credentials };
    },
  );

  /**
   * Asks the national service whether the office's credentials open a session, and keeps the answer
   * on the office (answers the office as it now is).
   */
  const checkCredentials = async (
    office: typeof offices.$inferSelect,
  ): Promise<{ credentials: 'accepted' | 'refused' | 'unreachable' | 'incomplete'; office: typeof office }> => {
    if (!office.cerfaAgrement || !office.antsLogin || !office.antsPasswordSealed) {
      return { credentials: 'incomplete', office };
    }
    const answer = await clients
      .forOffice(office)
      .authenticate()
      .then(
        () => 'accepted' as const,
        (error: unknown) => (isAuthenticationFailure(error) ? ('refused' as const) : ('unreachable' as const)),
      );
    if (answer === 'unreachable') return { credentials: answer, office };
    const [checked] = await ctx.db
      .update(offices)
      .set({ antsCredentialsCheck: answer, antsCredentialsCheckedAt: new Date() })
      .where(eq(offices.id, office.id))
      .returning();
    return { credentials: answer, office: checked! };
  };

  // The button that "met à jour la liste des préfectures": asks the national service with the
  // credentials as typed (the stored password when none is typed) and the office's postal code.
  app.post(
    '/api/dirigeant/offices/:id/prefectures',
    {
      config: { access: 'dirigeant' },
      schema: {
        params: z.object({ id: z.uuid() }),
        body: officeForm.pick({ postalCode: true, cerfaAgrement: true, antsLogin: true, antsPassword: true }),
      },
    },
    async (request) => {
      const me = await requireDirigeant(ctx, request);
      const office = await find(me.schoolId, request.params.id);
      const { postalCode, cerfaAgrement, antsLogin } = request.body;
      const password =
        request.body.antsPassword || (office.antsPasswordSealed ? box.open(office.antsPasswordSealed) : '');
      const missing = [
        !postalCode && { path: 'postalCode', message: 'Indiquez le code postal du bureau.' },
        !cerfaAgrement && { path: 'cerfaAgrement', message: "Indiquez le numéro d'agrément Cerfa." },
        !antsLogin && { path: 'antsLogin', message: "Indiquez l'identifiant ANTS." },
        !password && { path: 'antsPassword', message: 'Indiquez le mot de passe ANTS.' },
      ].filter((f): f is { path: string; message: string } => Boolean(f));
      if (missing.length > 0) throw schoolError('PREFECTURES_NEED', PREFECTURES_NEED, missing);
      const client = clients.withCredentials({ agrementNumber: cerfaAgrement, login: antsLogin, password });
      const prefectures = await callAnts(() => client.prefectures(postalCode), office.name);
      return { prefectures };
    },
  );
}
