import type { HttpServer } from '@permis/platform';
import { z } from 'zod';
import { callAnts } from '../ants/clients.ts';
import { requireDirigeant, requireUser } from '../auth/context.ts';
import { schoolError } from '../errors.ts';
import type { SchoolServices } from '../services.ts';
import { officeForm } from './form.ts';
import { checkCredentials, createOffice, findOffice, listOffices, type OfficeRow, updateOffice } from './save.ts';

const PREFECTURES_NEED =
  "Le code postal, le n° d'agrément et les identifiants de l'agence sont obligatoires pour initialiser la liste des préfectures.";

/**
 * Offices. Every user sees their names and addresses; the "Agrément pour Cerfa" block belongs to
 * Espace Dirigeant > Paramètres > Bureaux. The ANTS password never leaves the server: only whether one is set.
 */
export function officeRoutes(app: HttpServer, ctx: SchoolServices) {
  const { box, clients, webhooks } = ctx;
  const list = (schoolId: string) => listOffices(ctx.db, schoolId);
  const find = (schoolId: string, id: string) => findOffice(ctx.db, schoolId, id);

  const forDirigeant = ({
    antsPasswordSealed,
    webhookSecretSealed: _w,
    syncCursor: _c,
    schoolId: _s,
    ...office
  }: OfficeRow) => ({
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

  app.post(
    '/api/dirigeant/offices',
    { config: { access: 'dirigeant' }, schema: { body: officeForm } },
    async (request, reply) => {
      const me = await requireDirigeant(ctx, request);
      const row = await createOffice(ctx.db, box, { schoolId: me.schoolId, userId: me.id }, request.body);
      return reply.status(201).send({ office: forDirigeant(row) });
    },
  );

  app.put(
    '/api/dirigeant/offices/:id',
    { config: { access: 'dirigeant' }, schema: { params: z.object({ id: z.uuid() }), body: officeForm } },
    async (request) => {
      const me = await requireDirigeant(ctx, request);
      const current = await find(me.schoolId, request.params.id);
      const row = await updateOffice(ctx.db, box, { schoolId: me.schoolId, userId: me.id }, current, request.body);
      // Saved credentials are tried at once on the national service: a wrong password is said now,
      // not at the secretary's first demand. Accepted, the national service is told where to push
      // this office's changes (not reachable now: a job tries again until it is).
      const { credentials, office } = await checkCredentials(ctx.db, clients, row);
      const webhook =
        credentials === 'accepted' || credentials === 'unreachable' ? await webhooks.subscribe(office) : 'none';
      return { office: forDirigeant(office), webhook, credentials };
    },
  );

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
