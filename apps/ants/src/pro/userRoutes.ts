import type { HttpServer } from '@permis/platform';
import { z } from 'zod';
import { PRO, requirePro } from '../auth/context.ts';
import { linkTokenParam } from '../candidates/links.ts';
import type { AntsServices } from '../services.ts';
import {
  acceptProInvitation,
  inviteProUser,
  listProUsers,
  proInvitation,
  proUserIdParams,
  proUserInvitationSchema,
  resendProInvitation,
  setProUserActive,
} from './users.ts';

/**
 * « Comptes de l'établissement »: the manager's list of the agrément's users, invitations,
 * disabling; and the page of the invitation link, where an invited user chooses a password.
 */
export function proUserRoutes(app: HttpServer, ctx: AntsServices) {
  const { db, sessions } = ctx;
  const proSession = { config: { access: 'proSession' } } as const;
  const notify = { mail: ctx.mail, publicUrl: ctx.publicUrl };

  app.get('/api/pro/web/users', proSession, async (request) => ({
    users: await listProUsers(db, await requirePro(ctx, request)),
  }));
  app.post('/api/pro/web/users', { ...proSession, schema: { body: proUserInvitationSchema } }, async (request, reply) =>
    reply.status(201).send({ user: await inviteProUser(db, notify, await requirePro(ctx, request), request.body) }),
  );
  app.post(
    '/api/pro/web/users/:userId/invitation',
    { ...proSession, schema: { params: proUserIdParams } },
    async (request) => {
      await resendProInvitation(db, notify, await requirePro(ctx, request), request.params.userId);
      return { ok: true as const };
    },
  );
  for (const [action, active] of [
    ['disable', false],
    ['enable', true],
  ] as const) {
    app.post(
      `/api/pro/web/users/:userId/${action}`,
      { ...proSession, schema: { params: proUserIdParams } },
      async (request) => {
        await setProUserActive(db, sessions, await requirePro(ctx, request), request.params.userId, active);
        return { ok: true as const };
      },
    );
  }

  app.get(
    '/api/pro/invitations/:token',
    { config: { access: 'public' }, schema: { params: linkTokenParam } },
    async (request) => proInvitation(db, request.params.token),
  );
  app.post(
    '/api/pro/invitations/:token',
    {
      config: { access: 'public' },
      schema: {
        params: linkTokenParam,
        body: z.object({ password: z.string().max(200), passwordConfirmation: z.string().max(200) }),
      },
    },
    async (request, reply) => {
      const userId = await acceptProInvitation(db, request.params.token, request.body);
      const { csrfToken } = await sessions.start(reply, PRO, userId);
      return { kind: PRO, csrfToken };
    },
  );
}
