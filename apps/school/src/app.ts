import fastifyMultipart from '@fastify/multipart';
import {
  createHttpServer,
  createSecretBox,
  enforceAccess,
  type Jobs,
  type MailQueue,
  mountHealth,
  registerSessions,
  serveWebApp,
} from '@permis/platform';
import { MAX_PIECE_FILE_BYTES } from '@permis/referentiel';
import { referentielRoutes } from '@permis/referentiel/routes';
import { schoolProblemCatalogue } from '@permis/school-api';
import { adminRoutes } from './admin/routes.ts';
import { createAntsClients } from './ants/clients.ts';
import { createWebhookSubscriber, WEBHOOK_QUEUE } from './ants/webhook.ts';
import { type AuthContext, requireDirigeant, type SchoolAccess, SUBJECT } from './auth/context.ts';
import { authRoutes } from './auth/routes.ts';
import type { SchoolConfig } from './config.ts';
import type { SchoolDatabase } from './db/index.ts';
import { officeRoutes } from './offices/routes.ts';
import { onlineApplicationRoutes } from './online/routes.ts';
import { webhookReceiverRoutes } from './online/webhookRoutes.ts';
import type { SchoolServices } from './services.ts';
import { studentRoutes } from './students/routes.ts';
import { resumeInterruptedSyncs, runSync, SYNC_QUEUE } from './sync/run.ts';
import { userRoutes } from './users/routes.ts';

export type SchoolDeps = {
  config: Pick<
    SchoolConfig,
    'logLevel' | 'secureCookies' | 'webDir' | 'publicUrl' | 'secretKey' | 'antsUrl' | 'antsTimeoutMs' | 'trustProxy'
  >;
  database: SchoolDatabase;
  mail?: MailQueue;
  /** The job queue (the sync from the national service runs there); absent in some tests. */
  jobs?: Jobs;
  logStream?: NodeJS.WritableStream;
};

/** The school back office's HTTP app, used by main.ts and by the tests. */
export async function buildSchoolApp(deps: SchoolDeps) {
  const app = await createHttpServer({
    service: 'school',
    logLevel: deps.config.logLevel,
    logStream: deps.logStream,
    trustProxy: deps.config.trustProxy,
    problems: schoolProblemCatalogue,
  });
  const { db } = deps.database;
  const sessions = registerSessions(app, {
    db,
    cookieName: 'school_session',
    secure: deps.config.secureCookies,
    publicUrl: deps.config.publicUrl,
  });
  const ctx: AuthContext = { db, sessions };
  // Who may call each route is declared on the route (`config.access`) and checked here, before a
  // body is read. `signed`: the national service's pushes carry their own signature.
  enforceAccess<SchoolAccess>(app, {
    public: null,
    signed: null,
    user: async (request) => sessions.require(request, SUBJECT),
    dirigeant: (request) => requireDirigeant(ctx, request),
  });

  mountHealth(app, 'school', deps.database);
  const box = createSecretBox(deps.config.secretKey);
  const clients = createAntsClients({ baseUrl: deps.config.antsUrl, box, timeoutMs: deps.config.antsTimeoutMs });
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_PIECE_FILE_BYTES, files: 1, fields: 5 } });
  const webhooks = createWebhookSubscriber(db, clients, box, deps.jobs, deps.config.publicUrl);
  // The one dependencies object every route module is built from.
  const services: SchoolServices = {
    db,
    sessions,
    box,
    clients,
    webhooks,
    publicUrl: deps.config.publicUrl,
    mail: deps.mail,
    jobs: deps.jobs,
  };
  for (const routes of [
    authRoutes,
    userRoutes,
    officeRoutes,
    webhookReceiverRoutes,
    studentRoutes,
    onlineApplicationRoutes,
    adminRoutes,
  ]) {
    routes(app, services);
  }
  if (deps.jobs) {
    await deps.jobs.work<{ runId: string }>(SYNC_QUEUE, async ({ runId }) => void (await runSync(db, clients, runId)));
    await resumeInterruptedSyncs(db, deps.jobs);
    await deps.jobs.work<{ officeId: string }>(WEBHOOK_QUEUE, ({ officeId }) => webhooks.subscribeOffice(officeId));
    await webhooks.subscribeAll();
  }
  referentielRoutes(app, 'user');
  await serveWebApp(app, deps.config.webDir);
  return app;
}
