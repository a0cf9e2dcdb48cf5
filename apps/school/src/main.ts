import { createMailer, createSecretBox, ensureDir, loggerOptions, openDatabase, startJobs, startMailQueue } from '@permis/platform';
import { pino } from 'pino';
import { buildSchoolApp } from './app.ts';
import { MIGRATIONS_FOLDER, readSchoolConfig } from './config.ts';
import { schema } from './db/index.ts';
import { isEmpty, seedDemo } from './seed/demo.ts';

const config = readSchoolConfig();
const log = pino(loggerOptions('school', config.logLevel));
const database = await openDatabase({
  schema,
  url: config.databaseUrl,
  dataDir: config.databaseUrl ? undefined : ensureDir(`${config.dataDir}/pgdata`),
  migrationsFolder: MIGRATIONS_FOLDER,
});
if (config.seedDemo && (await isEmpty(database.db))) {
  await seedDemo(database.db, createSecretBox(config.secretKey));
  log.info('données de démonstration créées');
}
const mailer = createMailer(config.smtpUrl, config.mailFrom);
const jobs = await startJobs(database, log);
const mail = await startMailQueue(jobs, mailer);
const app = await buildSchoolApp({ config, database, mail });
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
