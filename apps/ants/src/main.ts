import { runService } from '@permis/platform';
import { buildAntsApp } from './app.ts';
import { MIGRATIONS_FOLDER, readAntsConfig } from './config.ts';
import { schema } from './db/index.ts';
import { isEmpty, seedDemo } from './seed/demo.ts';

const config = readAntsConfig();
await runService({
  config,
  schema,
  migrationsFolder: MIGRATIONS_FOLDER,
  seed: { isEmpty, run: seedDemo },
  build: ({ database, mail, jobs }) => buildAntsApp({ config, database, mail, jobs }),
});
