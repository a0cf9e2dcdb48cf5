import { applicationNumberSchema, createApplicationSchema, transferRequestSchema } from '@permis/ants-api';
import type { HttpServer } from '@permis/platform';
import { z } from 'zod';
import { findOwnApplication } from '../applications/find.ts';
import { applicationHistory } from '../applications/history.ts';
import { applicationRecap } from '../applications/recap.ts';
import { updateDraft } from '../applications/update.ts';
import { toView } from '../applications/view.ts';
import { PRO, requirePro } from '../auth/context.ts';
import type { AntsServices } from '../services.ts';
import { changeProPassword, passwordChangeSchema } from './account.ts';
import { dashboardQuerySchema, proDashboard } from './dashboard.ts';

/**
 * The school's professional space on the agency's own site (signed in with its Cerfa agrément,
 * login and password): the same domain functions as the professional API, behind a session.
 */
export function proWebRoutes(app: HttpServer, ctx: AntsServices) {
  const { db } = ctx;
  const proSession = { config: { access: 'proSession' } } as const;

  // "Tableau de bord": counters, search, sort and pages of the school's demands.
  app.get(
    '/api/pro/web/applications',
    { ...proSession, schema: { querystring: dashboardQuerySchema } },
    async (request) => proDashboard(db, (await requirePro(ctx, request)).id, request.query),
  );

  // "Modifier le mot de passe": every bearer token of the account is revoked, every other session
  // ends; this one goes on with a new session (and a new CSRF token).
  app.post(
    '/api/pro/web/account/password',
    { ...proSession, schema: { body: passwordChangeSchema } },
    async (request, reply) => {
      const account = await requirePro(ctx, request);
      const revokedTokens = await changeProPassword(db, account, request.ip, request.body);
      await ctx.sessions.endAll(PRO, account.userId);
      const { csrfToken } = await ctx.sessions.start(reply, PRO, account.userId);
      return { revokedTokens, csrfToken };
    },
  );

  // The actions of the demand's page: the same school actions as the professional API's.
  const numberParams = { params: z.object({ number: applicationNumberSchema }) };
  for (const action of ['validate', 'complete'] as const) {
    app.post(
      `/api/pro/web/applications/:number/${action}`,
      { ...proSession, schema: numberParams },
      async (request) => ({
        application: await ctx.actions[action](await requirePro(ctx, request), request.params.number),
      }),
    );
  }
  // "Modifier la demande": a draft only, checked as a creation is.
  app.put(
    '/api/pro/web/applications/:number',
    { ...proSession, schema: { ...numberParams, body: createApplicationSchema } },
    async (request) => ({
      application: toView(await updateDraft(db, await requirePro(ctx, request), request.params.number, request.body)),
    }),
  );
  app.delete('/api/pro/web/applications/:number', { ...proSession, schema: numberParams }, async (request) => ({
    application: await ctx.actions.remove(await requirePro(ctx, request), request.params.number),
  }));

  // "Transférer une demande": number + agrément of the school that holds it + the candidate.
  app.post('/api/pro/web/transfers', { ...proSession, schema: { body: transferRequestSchema } }, async (request) => ({
    application: await ctx.actions.transfer(await requirePro(ctx, request), request.ip, request.body),
  }));

  // "Récapitulatif": the demand in the agency's form, reread before the school validates it.
  app.get('/api/pro/web/applications/:number/recap', { ...proSession, schema: numberParams }, async (request) => {
    const account = await requirePro(ctx, request);
    return {
      application: await applicationRecap(
        db,
        await findOwnApplication(db, account.id, request.params.number),
        'school',
      ),
    };
  });

  // "Historique": who did what, when, on the demand.
  app.get('/api/pro/web/applications/:number/history', { ...proSession, schema: numberParams }, async (request) => {
    const account = await requirePro(ctx, request);
    return {
      history: await applicationHistory(
        db,
        account.id,
        await findOwnApplication(db, account.id, request.params.number),
      ),
    };
  });

  // A demand of the school, as the professional API answers it.
  app.get(
    '/api/pro/web/applications/:number',
    { ...proSession, schema: { params: z.object({ number: applicationNumberSchema }) } },
    async (request) => {
      const account = await requirePro(ctx, request);
      return { application: toView(await findOwnApplication(db, account.id, request.params.number)) };
    },
  );
}
