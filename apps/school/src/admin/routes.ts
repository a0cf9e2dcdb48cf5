import { parisToday } from '@permis/ants-api';
import { type HttpServer, mount } from '@permis/platform';
import { adminFiles, adminRoutes as contract } from '@permis/school-api';
import { type CurrentUser, requireUser } from '../auth/context.ts';
import { linkApplication } from '../online/link.ts';
import type { SchoolServices } from '../services.ts';
import { findStudent } from '../students/find.ts';
import { latestSyncRun, startSync } from '../sync/run.ts';
import { findAgency } from './agency.ts';
import { exportList } from './export.ts';
import { counters, listPage } from './query.ts';
import { monthlyStates } from './stats.ts';
import { adminRowView, syncRunView } from './view.ts';

const user = { access: 'user' };

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

  mount(app, contract.list, user, async (request) => {
    const me = await requireUser(ctx, request);
    const shown = await office(me, request.query.officeId);
    const [{ rows, total }, rowsOfCounters] = await Promise.all([
      listPage(db, me.schoolId, request.query),
      counters(db, me.schoolId, request.query),
    ]);
    return {
      office: { lastHeardAt: shown.antsLastHeardAt?.toISOString() ?? null },
      total,
      page: request.query.page,
      pageSize: request.query.pageSize,
      counters: rowsOfCounters,
      rows: rows.map(adminRowView),
    };
  });

  // The Excel file streams its bytes: a plain route, its address and query from the contract.
  app.get(
    adminFiles.export.path,
    { config: user, schema: { querystring: adminFiles.export.query } },
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
  mount(app, contract.startSync, user, async (request) => {
    const me = await requireUser(ctx, request);
    const target = await office(me, request.params.officeId);
    clients.forOffice(target); // Refuses at once an office without its Agrément pour Cerfa.
    void ensureWebhook(target).catch(() => undefined);
    const windows = Object.fromEntries(Object.entries(request.body).filter(([, v]) => v));
    const run = await startSync(db, jobs, { schoolId: me.schoolId, officeId: target.id, userId: me.id }, windows);
    return { run: syncRunView(run) };
  });

  mount(app, contract.sync, user, async (request) => {
    const me = await requireUser(ctx, request);
    await office(me, request.params.officeId);
    const run = await latestSyncRun(db, request.params.officeId);
    return { run: run && syncRunView(run) };
  });

  // "Relier une demande à un élève" (or "Changer d'élève"), optionally overwriting the fiche with the
  // national record.
  mount(app, contract.link, user, async (request) => {
    const me = await requireUser(ctx, request);
    const student = await findStudent(ctx, me.schoolId, request.body.studentId);
    const linked = await linkApplication(
      db,
      clients,
      { schoolId: me.schoolId, userId: me.id },
      { ...request.body, number: request.params.number, student },
    );
    return { linked };
  });

  // The chart: applications per state, by month of last change, over the last 12 months.
  mount(app, contract.stats, user, async (request) => {
    const me = await requireUser(ctx, request);
    await office(me, request.query.officeId);
    return { months: await monthlyStates(db, me.schoolId, request.query.officeId) };
  });
}
