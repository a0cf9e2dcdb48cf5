import { applicationNumberSchema, parisToday } from '@permis/ants-api';
import type { HttpServer } from '@permis/platform';
import { z } from 'zod';
import { type CurrentUser, requireUser } from '../auth/context.ts';
import { linkApplication } from '../online/link.ts';
import type { SchoolServices } from '../services.ts';
import { findStudent } from '../students/find.ts';
import { latestSyncRun, startSync } from '../sync/run.ts';
import { findAgency } from './agency.ts';
import { exportList } from './export.ts';
import { counters, listPage, listQuery, officeCriteria } from './query.ts';
import { monthlyStates } from './stats.ts';

const isoDate = z.iso.date('Date invalide (jj/mm/aaaa).');

/**
 * Espace Administratif › Bordereaux dossiers › "Demandes en ligne (site ANTS)": the list of an
 * office's online applications with the seed's counters, the update from the national service, the
 * link of an application to a student, the Excel export and the chart of the last months.
 */
export function adminRoutes(app: HttpServer, ctx: SchoolServices) {
  const { db, clients, jobs } = ctx;
  /** Registers the office's webhook if needed (best effort: the sync works without it). */
  const ensureWebhook = ctx.webhooks.ensure;

  const office = (me: CurrentUser, officeId: string) => findAgency(db, me.schoolId, officeId);

  app.get(
    '/api/admin/online-applications',
    { config: { access: 'user' }, schema: { querystring: listQuery } },
    async (request) => {
      const me = await requireUser(ctx, request);
      const shown = await office(me, request.query.officeId);
      const [{ rows, total }, rowsOfCounters] = await Promise.all([
        listPage(db, me.schoolId, request.query),
        counters(db, me.schoolId, request.query),
      ]);
      return {
        /** When the national service last told this office something (a push or a completed update). */
        office: { lastHeardAt: shown.antsLastHeardAt?.toISOString() ?? null },
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        counters: rowsOfCounters,
        rows: rows.map((row) => ({
          number: row.number,
          type: row.type,
          state: row.state,
          stateLabel: row.stateLabel,
          neph: row.neph,
          createdAt: row.createdAt.toISOString(),
          updatedAt: row.updatedAt.toISOString(),
          student: row.studentId
            ? { id: row.studentId, name: `${row.studentFirstName} ${row.studentBirthName}` }
            : null,
          candidateName: row.candidateName,
        })),
      };
    },
  );

  app.get(
    '/api/admin/online-applications/export',
    { config: { access: 'user' }, schema: { querystring: listQuery } },
    async (request, reply) => {
      const me = await requireUser(ctx, request);
      const { name } = await office(me, request.query.officeId);
      const day = parisToday();
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="demandes-en-ligne-${name.replace(/[^A-Za-z0-9-]/g, '_')}-${day}.xlsx"`,
        )
        .send(exportList(db, me.schoolId, request.query));
    },
  );

  // "Mettre à jour depuis le site de la préfecture": a background run, followed by the page.
  app.post(
    '/api/admin/offices/:officeId/sync',
    {
      config: { access: 'user' },
      schema: {
        params: z.object({ officeId: z.uuid() }),
        body: z.object({
          createdFrom: isoDate.optional(),
          createdTo: isoDate.optional(),
          updatedFrom: isoDate.optional(),
          updatedTo: isoDate.optional(),
        }),
      },
    },
    async (request, reply) => {
      const me = await requireUser(ctx, request);
      const target = await office(me, request.params.officeId);
      clients.forOffice(target); // Refuses at once an office without its Agrément pour Cerfa.
      void ensureWebhook(target).catch(() => undefined);
      const windows = Object.fromEntries(Object.entries(request.body).filter(([, v]) => v));
      const run = await startSync(db, jobs, { schoolId: me.schoolId, officeId: target.id, userId: me.id }, windows);
      return reply.status(202).send({ run });
    },
  );

  app.get(
    '/api/admin/offices/:officeId/sync',
    { config: { access: 'user' }, schema: { params: z.object({ officeId: z.uuid() }) } },
    async (request) => {
      const me = await requireUser(ctx, request);
      await office(me, request.params.officeId);
      return { run: await latestSyncRun(db, request.params.officeId) };
    },
  );

  // "Relier une demande à un élève" (or "Changer d'élève"), optionally overwriting the fiche with the
  // national record.
  app.post(
    '/api/admin/online-applications/:number/link',
    {
      config: { access: 'user' },
      schema: {
        params: z.object({ number: applicationNumberSchema }),
        body: z.object({
          officeId: z.uuid('Choisissez une agence.'),
          studentId: z.uuid('Choisissez un élève.'),
          overwrite: z.boolean().default(false),
          change: z.boolean().default(false),
          confirmMismatch: z.boolean().default(false),
        }),
      },
    },
    async (request) => {
      const me = await requireUser(ctx, request);
      const student = await findStudent(ctx, me.schoolId, request.body.studentId);
      const linked = await linkApplication(
        db,
        clients,
        { schoolId: me.schoolId, userId: me.id },
        { ...request.body, number: request.params.number, student },
      );
      return { linked };
    },
  );

  // The chart: applications per state, by month of last change, over the last 12 months.
  app.get(
    '/api/admin/online-applications/stats',
    { config: { access: 'user' }, schema: { querystring: officeCriteria } },
    async (request) => {
      const me = await requireUser(ctx, request);
      await office(me, request.query.officeId);
      return { months: await monthlyStates(db, me.schoolId, request.query.officeId) };
    },
  );
}
