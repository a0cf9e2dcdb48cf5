import { proSpace } from '@permis/ants-api';
import { type HttpServer, mount } from '@permis/platform';
import { PRO, requirePro } from '../auth/context.ts';
import type { AntsServices } from '../services.ts';
import {
  acceptProInvitation,
  inviteProUser,
  listProUsers,
  proInvitation,
  resendProInvitation,
  setProUserActive,
} from './users.ts';

/**
 * « Comptes de l'établissement »: the manager's list of the agrément's users, invitations,
 * disabling; and the page of the invitation link, where an invited user chooses a password.
 */
export function proUserRoutes(app: HttpServer, ctx: AntsServices) {
  const { db, sessions } = ctx;
  const proSession = { access: 'proSession' };
  const notify = { mail: ctx.mail, publicUrl: ctx.publicUrl };

  mount(app, proSpace.users, proSession, async (request) => ({
    users: await listProUsers(db, await requirePro(ctx, request)),
  }));
  mount(app, proSpace.inviteUser, proSession, async (request) => ({
    user: await inviteProUser(db, notify, await requirePro(ctx, request), request.body),
  }));
  mount(app, proSpace.resendInvitation, proSession, async (request) => {
    await resendProInvitation(db, notify, await requirePro(ctx, request), request.params.userId);
    return { ok: true as const };
  });
  for (const [contract, active] of [
    [proSpace.disableUser, false],
    [proSpace.enableUser, true],
  ] as const) {
    mount(app, contract, proSession, async (request) => {
      await setProUserActive(db, sessions, await requirePro(ctx, request), request.params.userId, active);
      return { ok: true as const };
    });
  }

  mount(app, proSpace.invitation, { access: 'public' }, async (request) => proInvitation(db, request.params.token));
  mount(app, proSpace.acceptInvitation, { access: 'public' }, async (request, reply) => {
    const userId = await acceptProInvitation(db, request.params.token, request.body);
    const { csrfToken } = await sessions.start(reply, PRO, userId);
    return { kind: PRO, csrfToken };
  });
}
