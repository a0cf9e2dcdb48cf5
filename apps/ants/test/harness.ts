import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import {
  createMailer,
  createSecretBox,
  generateKey,
  type Jobs,
  parseKey,
  startJobs,
  startMailQueue,
} from '@permis/platform';
import { openTestDatabase, type SmtpSink, startSmtpSink } from '@permis/platform/testing';
import { buildAntsApp } from '../src/app.ts';
import { type FranceConnectConfig, MIGRATIONS_FOLDER } from '../src/config.ts';
import { type AntsDatabase, schema } from '../src/db/index.ts';
import { storedFiles } from '../src/db/schema.ts';
import { fileStoreKind } from '../src/pieces/fileStore.ts';
import { seedDemo } from '../src/seed/demo.ts';

export const TEST_KEY = parseKey(generateKey());

/** A national-service app on its own fresh database with the demo accounts. */
export async function startAnts(
  options: {
    logStream?: NodeJS.WritableStream;
    notify?: boolean;
    devTools?: boolean;
    webhooksAllowPrivate?: boolean;
    /** How often idle job workers look for work (tests: 0.5 s; production: 2 s). */
    jobPollingSeconds?: number;
    /** The professional API's quota per account and minute (tests not about it: out of reach). */
    proRatePerMinute?: number;
    clock?: () => Date;
    /** Sign-in with FranceConnect against this provider (the local stand-in). */
    franceConnect?: FranceConnectConfig;
    /** Where the pièces' bytes go (by default as in production: the database on a server, else a folder). */
    fileStore?: 'database' | 'folder';
    /** Another instance on this database (it is not seeded again, and closing it leaves the database). */
    database?: AntsDatabase;
    /** The files folder of an instance that ran before on this machine (a fresh one by default). */
    filesDir?: string;
  } = {},
) {
  const shared = options.database;
  const database = shared ?? (await openTestDatabase(schema, MIGRATIONS_FOLDER));
  if (!shared) await seedDemo(database.db);
  const filesDir = options.filesDir ?? mkdtempSync(path.join(os.tmpdir(), 'ants-files-'));
  // With `notify`, mail and SMS really leave: pg-boss on this database, mail to an SMTP sink.
  let sink: SmtpSink | undefined;
  let jobs: Jobs | undefined;
  let mailer: ReturnType<typeof createMailer> | undefined;
  if (options.notify) {
    sink = await startSmtpSink();
    mailer = createMailer(sink.url, 'ANTS <ne-pas-repondre@ants.localhost>');
    jobs = await startJobs(
      database,
      { error: () => {} },
      { box: createSecretBox(TEST_KEY), pollingIntervalSeconds: options.jobPollingSeconds ?? 0.5 },
    );
  }
  const mail = jobs && mailer ? await startMailQueue(jobs, mailer) : undefined;
  const app = await buildAntsApp({
    jobs,
    mail,
    config: {
      logLevel: 'info',
      secureCookies: false,
      webDir: '/nonexistent',
      filesDir,
      fileStore: options.fileStore,
      publicUrl: 'http://localhost:3100',
      sms: { provider: 'outbox' },
      devTools: options.devTools ?? false,
      // The school's receiver in the tests listens on 127.0.0.1.
      webhooksAllowPrivate: options.webhooksAllowPrivate ?? true,
      contractChecks: 'strict',
      proRatePerMinute: options.proRatePerMinute ?? 100_000,
      secretKey: TEST_KEY,
      franceConnect: options.franceConnect,
    },
    database,
    logStream: options.logStream ?? new Writable({ write: (_c, _e, cb) => cb() }),
    clock: options.clock,
  });
  return {
    app,
    db: database.db,
    database,
    filesDir,
    /** How many files the service keeps, in whichever store it uses. */
    async storedFileCount() {
      return fileStoreKind(options.fileStore, database.kind) === 'database'
        ? database.db.$count(storedFiles)
        : readdirSync(filesDir).length;
    },
    sink,
    jobs,
    async close() {
      await app.close();
      await jobs?.stop();
      mailer?.close();
      await sink?.close();
      if (!shared) await database.close();
      if (!options.filesDir) rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

export const PRO = { agrementNumber: 'E1703500010', login: 'brequigny35', password: 'Brequigny35!ants' };
export const AGENT = { login: 'agent.cert', password: 'Instruction-2026!' };
