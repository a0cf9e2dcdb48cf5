import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import type { ServiceConfig } from './config.ts';
import { ensureDir } from './config.ts';
import { type Database, openDatabase } from './db.ts';
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
    migrationsFolder: options.migrationsFolder,
  });
  if (config.seedDemo && (await options.seed.isEmpty(database.db))) {
    await options.seed.run(database.db);
    log.info('données de démonstration créées');
  }
  const mailer = createMailer(config.smtpUrl, config.mailFrom);
  const jobs = await startJobs(database, log, { box: createSecretBox(config.secretKey) });
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
