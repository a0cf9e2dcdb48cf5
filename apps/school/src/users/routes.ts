import { type HttpServer, mount } from '@permis/platform';
import { userRoutes as contract } from '@permis/school-api';
import { requireDirigeant } from '../auth/context.ts';
import { isRight, ROLE_LABELS } from '../auth/rights.ts';
import { schoolError } from '../errors.ts';
import type { SchoolServices } from '../services.ts';
import { createUser, findSchoolUser, listUsers, setUserRights, userRightsOf } from './manage.ts';

const dirigeant = { access: 'dirigeant' };

/** Espace Dirigeant > Connexions: the school's users and "Droits utilisateurs". */
export function userRoutes(app: HttpServer, ctx: SchoolServices) {
  const { mail, publicUrl } = ctx;
  mount(app, contract.list, dirigeant, async (request) => {
    const me = await requireDirigeant(ctx, request);
    return { users: await listUsers(ctx.db, me.schoolId) };
  });

  mount(app, contract.create, dirigeant, async (request) => {
    const me = await requireDirigeant(ctx, request);
    const body = request.body;
    const id = await createUser(ctx.db, me, body);
    // The welcome mail names the login, never the password: the dirigeant hands that over.
    await mail?.enqueue({
      to: body.email.toLowerCase(),
      subject: 'Votre accès au logiciel de votre auto-école',
      text: [
        `Bonjour ${body.firstName},`,
        '',
        `${me.firstName} ${me.lastName} vous a ouvert un accès (${ROLE_LABELS[body.role]}) pour ${me.schoolName}.`,
        `Votre identifiant : ${body.login}`,
        'Votre mot de passe vous sera communiqué par votre dirigeant.',
        '',
        `Adresse de connexion : ${publicUrl}/connexion`,
      ].join('\n'),
    });
    return { id };
  });

  mount(app, contract.rights, dirigeant, async (request) => {
    const me = await requireDirigeant(ctx, request);
    const user = await findSchoolUser(ctx.db, me.schoolId, request.params.id);
    return {
      user: { id: user.id, firstName: user.firstName, lastName: user.lastName },
      ...(await userRightsOf(ctx.db, user)),
    };
  });

  mount(app, contract.setRights, dirigeant, async (request) => {
    const me = await requireDirigeant(ctx, request);
    const user = await findSchoolUser(ctx.db, me.schoolId, request.params.id);
    const entries = Object.entries(request.body.rights);
    const unknown = entries.filter(([code]) => !isRight(code));
    if (unknown.length > 0) {
      throw schoolError('UNKNOWN_RIGHT', `Droit inconnu : ${unknown.map(([c]) => c).join(', ')}.`);
    }
    await setUserRights(ctx.db, me, user, entries);
    return { ok: true as const };
  });
}
