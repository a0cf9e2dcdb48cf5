import { type HttpServer, mount } from '@permis/platform';
import { officeRoutes as contract } from '@permis/school-api';
import { callAnts } from '../ants/clients.ts';
import { requireDirigeant, requireUser } from '../auth/context.ts';
import { schoolError } from '../errors.ts';
import type { SchoolServices } from '../services.ts';
import { checkCredentials, createOffice, findOffice, listOffices, updateOffice } from './save.ts';
import { officeSummary, officeView } from './view.ts';

const PREFECTURES_NEED =
  "Le code postal, le n° d'agrément et les identifiants de l'agence sont obligatoires pour initialiser la liste des préfectures.";

const dirigeant = { access: 'dirigeant' };

/**
 * Offices. Every user sees their names and addresses; the "Agrément pour Cerfa" block belongs to
 * Espace Dirigeant > Paramètres > Bureaux. The ANTS password never leaves the server: only whether one is set.
 */
export function officeRoutes(app: HttpServer, ctx: SchoolServices) {
  const { box, clients, webhooks } = ctx;
  const list = (schoolId: string) => listOffices(ctx.db, schoolId);
  const find = (schoolId: string, id: string) => findOffice(ctx.db, schoolId, id);

  mount(app, contract.list, { access: 'user' }, async (request) => {
    const me = await requireUser(ctx, request);
    return { offices: (await list(me.schoolId)).map(officeSummary) };
  });

  mount(app, contract.setup, dirigeant, async (request) => {
    const me = await requireDirigeant(ctx, request);
    return { offices: (await list(me.schoolId)).map(officeView) };
  });

  mount(app, contract.create, dirigeant, async (request) => {
    const me = await requireDirigeant(ctx, request);
    const row = await createOffice(ctx.db, box, { schoolId: me.schoolId, userId: me.id }, request.body);
    return { office: officeView(row) };
  });

  mount(app, contract.update, dirigeant, async (request) => {
    const me = await requireDirigeant(ctx, request);
    const current = await find(me.schoolId, request.params.id);
    const row = await updateOffice(ctx.db, box, { schoolId: me.schoolId, userId: me.id }, current, request.body);
    // Saved credentials are tried at once on the national service: a wrong password is said now,
    // not at the secretary's first demand. Accepted, the national service is told where to push
    // this office's changes (not reachable now: a job tries again until it is).
    const { credentials, office } = await checkCredentials(ctx.db, clients, row);
    const webhook =
      credentials === 'accepted' || credentials === 'unreachable'
        ? await webhooks.subscribe(office)
        : ('none' as const);
    return { office: officeView(office), webhook, credentials };
  });

  // The button that "met à jour la liste des préfectures": asks the national service with the
  // credentials as typed (the stored password when none is typed) and the office's postal code.
  mount(app, contract.prefectures, dirigeant, async (request) => {
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
  });
}
