import { createSecretBox, runService } from '@permis/platform';
import { buildSchoolApp } from './app.ts';
import { MIGRATIONS_FOLDER, readSchoolConfig } from './config.ts';
import { schema } from './db/index.ts';
import { isEmpty, seedDemo } from './seed/demo.ts';

const config = readSchoolConfig();
await runService({
  config,
  schema,
  migrationsFolder: MIGRATIONS_FOLDER,
  seed: { isEmpty, run: (db) => seedDemo(db, createSecretBox(config.secretKey)) },
  build: ({ database, mail, jobs }) => buildSchoolApp({ config, database, mail, jobs }),
});
