import fastifyMultipart from '@fastify/multipart';
import { problemCatalogue } from '@permis/ants-api';
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
import { createSchoolActions } from './applications/schoolActions.ts';
import { AGENT, type AntsAccess, CANDIDATE, PRO } from './auth/context.ts';
import { requireProCaller } from './auth/proToken.ts';
import { candidateDevRoutes } from './candidates/devRoutes.ts';
import { createFranceConnect, franceConnectRoutes } from './candidates/franceConnect.ts';
import { candidateHomeRoutes } from './candidates/homeRoutes.ts';
import { startCandidateNotifications } from './candidates/notifications.ts';
import { candidateOtherAddressRoutes } from './candidates/otherAddressRoutes.ts';
import { candidateOwnApplicationRoutes } from './candidates/ownApplicationRoutes.ts';
import { candidatePersonalDataRoutes } from './candidates/personalDataRoutes.ts';
import { candidateRecoveryRoutes } from './candidates/recoveryRoutes.ts';
import { candidateAccountRoutes } from './candidates/routes.ts';
import { candidateSpaceRoutes } from './candidates/spaceRoutes.ts';
import type { AntsConfig } from './config.ts';
import type { AntsDatabase } from './db/index.ts';
import { checkContract } from './doors/operation.ts';
import { authRoutes } from './doors/sessionRoutes.ts';
import { boothRoutes, requireBooth } from './ephoto/boothRoutes.ts';
import { instructionRoutes } from './instruction/routes.ts';
import { deliveryRoutes } from './notify/deliveryRoutes.ts';
import { smsOutboxRoutes } from './notify/outboxPage.ts';
import { databaseFileStore, fileStoreKind, folderFileStore } from './pieces/fileStore.ts';
import { closePdfAnalysis } from './pieces/pdfAnalysis.ts';
import { applicationRoutes } from './pro/applicationRoutes.ts';
import { entryRoutes } from './pro/entryRoutes.ts';
import { registerOpenApi } from './pro/openapi.ts';
import { prefectureRoutes } from './pro/prefectures.ts';
import { rateLimitProApi } from './pro/rateLimit.ts';
import { tokenRoutes } from './pro/tokenRoutes.ts';
import { proUserRoutes } from './pro/userRoutes.ts';
import { webhookRoutes } from './pro/webhookRoutes.ts';
import { proWebRoutes } from './pro/webRoutes.ts';
import type { AntsServices } from './services.ts';
import { startWebhookDispatcher } from './webhooks/dispatch.ts';

export type AntsDeps = {
  config: Pick<
    AntsConfig,
    | 'logLevel'
    | 'secureCookies'
    | 'webDir'
    | 'filesDir'
    | 'fileStore'
    | 'sms'
    | 'publicUrl'
    | 'devTools'
    | 'secretKey'
    | 'franceConnect'
    | 'trustProxy'
    | 'webhooksAllowPrivate'
    | 'contractChecks'
    | 'proRatePerMinute'
  >;
  database: AntsDatabase;
  mail?: MailQueue;
  /** The job queue: without it (some tests), nothing is sent after a validation. */
  jobs?: Jobs;
  logStream?: NodeJS.WritableStream;
  /** The time the quotas count in (tests fix it, so a window cannot end mid-test). */
  clock?: () => Date;
};

const SESSION_COOKIE = 'ants_session';
/** Each space's home and its login page (as the pages' own Layout.tsx sends a signed-out visitor). */
const SPACE_LOGINS = { '/monespace': '/monespace/connexion', '/pro': '/pro/connexion', '/agent': '/agent/connexion' };

/** The national service's HTTP app, used by main.ts and by the tests. */
export async function buildAntsApp(deps: AntsDeps) {
  const app = await createHttpServer({
    service: 'ants',
    logLevel: deps.config.logLevel,
    logStream: deps.logStream,
    trustProxy: deps.config.trustProxy,
    problems: problemCatalogue,
  });
  const { db } = deps.database;
  const sessions = registerSessions(app, {
    db,
    cookieName: SESSION_COOKIE,
    secure: deps.config.secureCookies,
    publicUrl: deps.config.publicUrl,
  });
  // Who may call each route is declared on the route (`config.access`) and checked here, before a
  // body is read: the agents' console, the candidate's space, the professional API (bearer token),
  // the photo booths (their key) each need their own credentials.
  enforceAccess<AntsAccess>(app, {
    public: null,
    dev: null,
    session: async (request) => sessions.require(request, PRO, AGENT, CANDIDATE),
    proSession: async (request) => sessions.require(request, PRO),
    agent: async (request) => sessions.require(request, AGENT),
    candidate: async (request) => sessions.require(request, CANDIDATE),
    pro: (request) => requireProCaller(db, request),
    booth: (request) => requireBooth(db, request),
  });
  await registerOpenApi(app, deps.config.publicUrl);
  checkContract(app, deps.config.contractChecks === 'strict');
  if (deps.config.proRatePerMinute !== 'off') rateLimitProApi(app, db, deps.config.proRatePerMinute, deps.clock);

  mountHealth(app, 'ants', deps.database);
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_PIECE_FILE_BYTES, files: 1, fields: 5 } });
  app.addHook('onClose', closePdfAnalysis);
  const box = createSecretBox(deps.config.secretKey);
  const destinations = { allowPrivate: deps.config.webhooksAllowPrivate ?? false };
  const notices =
    deps.jobs && deps.mail
      ? await startCandidateNotifications(db, deps.jobs, deps.mail, deps.config, app.log)
      : undefined;
  app.addHook('onClose', async () => notices?.stop());
  // The one dependencies object every route module is built from.
  const hooks: AntsServices['hooks'] = {
    onAwaitingCandidate: async (id) => notices?.invite(id),
  };
  const services: AntsServices = {
    db,
    sessions,
    box,
    files:
      fileStoreKind(deps.config.fileStore, deps.database.kind) === 'database'
        ? databaseFileStore(db, deps.config.filesDir)
        : folderFileStore(db, deps.config.filesDir),
    publicUrl: deps.config.publicUrl,
    destinations,
    mail: deps.mail,
    jobs: deps.jobs,
    actions: createSchoolActions({ db, hooks }),
    hooks,
  };
  // Sign-in with FranceConnect, when configured (FRANCECONNECT_CLIENT_ID); a session it opened ends there too.
  const franceConnect =
    deps.config.franceConnect &&
    createFranceConnect(deps.config.franceConnect, deps.config.publicUrl, box, deps.config.secureCookies);
  authRoutes(app, { ...services, franceConnect });
  franceConnectRoutes(app, { ...services, franceConnect });
  for (const routes of [
    // The web pages: the candidate's space, the instruction console.
    candidateAccountRoutes,
    candidateRecoveryRoutes,
    candidateSpaceRoutes,
    candidateHomeRoutes,
    candidatePersonalDataRoutes,
    candidateOtherAddressRoutes,
    candidateOwnApplicationRoutes,
    instructionRoutes,
    deliveryRoutes,
    // The school's professional space on the agency's own site (its web session).
    proWebRoutes,
    proUserRoutes,
    entryRoutes,
    // The professional API used by driving-school software (bearer token from /api/pro/v1/token).
    tokenRoutes,
    prefectureRoutes,
    applicationRoutes,
    boothRoutes,
    webhookRoutes,
  ]) {
    routes(app, services);
  }
  // Official public lists (as the State's geographic APIs are): no account needed.
  referentielRoutes(app, 'public');
  // Pushes to the schools' webhooks run beside the job queue (not in tests without one).
  if (deps.jobs) {
    const stop = startWebhookDispatcher(db, box, app.log, destinations);
    app.addHook('onClose', async () => stop());
  }
  // Development routes exist only with DEV_TOOLS=1: the outbox shows activation links to whoever asks.
  if (deps.config.devTools) {
    if (deps.config.sms.provider === 'outbox') smsOutboxRoutes(app, services);
    candidateDevRoutes(app, db);
  }
  await serveWebApp(app, deps.config.webDir, { signIn: { cookie: SESSION_COOKIE, homes: SPACE_LOGINS } });
  return app;
}
