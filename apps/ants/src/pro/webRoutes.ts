import { proSpace } from '@permis/ants-api';
import { type HttpServer, mount } from '@permis/platform';
import { findOwnApplication } from '../applications/find.ts';
import { PRO, requirePro } from '../auth/context.ts';
import { applicationRecap } from '../documents/recap.ts';
import { mountSchoolOperations, sessionDoor } from '../doors/doors.ts';
import { SCHOOL_OPERATIONS } from '../doors/schoolOperationList.ts';
import type { AntsServices } from '../services.ts';
import { changeProPassword } from './account.ts';
import { proDashboard } from './dashboard.ts';

/**
 * The school's professional space on the agency's own site (signed in with its Cerfa agrément,
 * login and password): the same domain functions as the professional API, behind a session.
 */
export function proWebRoutes(app: HttpServer, ctx: AntsServices) {
  const { db } = ctx;
  const proSession = { access: 'proSession' };

  // "Tableau de bord": counters, search, sort and pages of the school's demands.
  mount(app, proSpace.dashboard, proSession, async (request) =>
    proDashboard(db, (await requirePro(ctx, request)).id, request.query),
  );

  // "Modifier le mot de passe": every bearer token of the account is revoked, every other session
  // ends; this one goes on with a new session (and a new CSRF token).
  mount(app, proSpace.changePassword, proSession, async (request, reply) => {
    const account = await requirePro(ctx, request);
    const revokedTokens = await changeProPassword(db, account, request.ip, request.body);
    await ctx.sessions.endAll(PRO, account.userId);
    const { csrfToken } = await ctx.sessions.start(reply, PRO, account.userId);
    return { revokedTokens, csrfToken };
  });

  // The demand's page and its files: the same operations as the professional API's (read, history,
  // modify, delete, validate, complete, transfer; pièces, ePhoto, documents), behind the session.
  mountSchoolOperations(app, ctx, sessionDoor(ctx), SCHOOL_OPERATIONS);

  // "Récapitulatif": the demand in the agency's form, reread before the school validates it.
  mount(app, proSpace.recap, proSession, async (request) => {
    const account = await requirePro(ctx, request);
    return {
      application: await applicationRecap(
        db,
        await findOwnApplication(db, account.id, request.params.number),
        'school',
      ),
    };
  });
}
