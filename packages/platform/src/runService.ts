import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import type { ServiceConfig } from './config.ts';
import { ensureDir } from './config.ts';
import { type Database, migrateDatabase, openDatabase, STARTUP_LOCK } from './db.ts';
import { type Jobs, startJobs } from './jobs.ts';
import { loggerOptions } from './logger.ts';
import { createMailer } from './mail.ts';
import { type MailQueue, startMailQueue } from './mailJob.ts';
import { createSecretBox } from './secrets.ts';

/**
 * The `main` of either service: open and migrate its database, seed demo data when asked and the
 * database is empty, start the job queue and mail, listen, and stop cleanly on SIGINT/SIGTERM.
 */
export async function runService<TSchema extends Record<string, unknown>>(options: {
  /** The service's settings, with the key that seals its secrets at rest (and its jobs' data). */
  config: ServiceConfig & { secretKey: Buffer };
  schema: TSchema;
  migrationsFolder: string;
  seed: { isEmpty(db: Database<TSchema>['db']): Promise<boolean>; run(db: Database<TSchema>['db']): Promise<void> };
  build(deps: { database: Database<TSchema>; mail: MailQueue; jobs: Jobs }): Promise<FastifyInstance>;
}) {
  const { config } = options;
  const log = pino(loggerOptions(config.name, config.logLevel));
  const database = await openDatabase({
    schema: options.schema,
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : ensureDir(`${config.dataDir}/pgdata`),
  });
  const prepared = await prepareDatabase(database, {
    migrationsFolder: options.migrationsFolder,
    seed: config.seedDemo ? options.seed : undefined,
    startJobs: () => startJobs(database, log, { box: createSecretBox(config.secretKey) }),
  });
  if (prepared.seeded) log.info('données de démonstration créées');
  const jobs = prepared.started;
  const mailer = createMailer(config.smtpUrl, config.mailFrom);
  const mail = await startMailQueue(jobs, mailer);
  const app = await options.build({ database, mail, jobs });
  await app.listen({ host: config.host, port: config.port });

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      await app.close();
      await jobs.stop();
      mailer.close();
      await database.close();
      process.exit(0);
    });
  }
}

/**
 * What an instance does to its database before serving, under one database-wide lock: migrate,
 * seed the demo data if the database is empty, and start the job queue (whose own schema set-up
 * and pg-boss 10 upgrade then never race). Several instances starting at once on an empty database
 * take turns: the first migrates and seeds, the others find it done.
 */
export async function prepareDatabase<TSchema extends Record<string, unknown>, TJobs>(
  database: Database<TSchema>,
  options: {
    migrationsFolder: string;
    seed?: { isEmpty(db: Database<TSchema>['db']): Promise<boolean>; run(db: Database<TSchema>['db']): Promise<void> };
    startJobs(): Promise<TJobs>;
  },
): Promise<{ seeded: boolean; started: TJobs }> {
  return database.exclusively(STARTUP_LOCK, async () => {
    await migrateDatabase(database, options.migrationsFolder);
    const seeded = Boolean(options.seed && (await options.seed.isEmpty(database.db)));
    if (seeded) await options.seed!.run(database.db);
    return { seeded, started: await options.startJobs() };
  });
}
