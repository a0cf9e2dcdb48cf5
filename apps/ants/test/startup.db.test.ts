import { randomBytes } from 'node:crypto';
import { createSecretBox, openDatabase, prepareDatabase, startJobs } from '@permis/platform';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../src/config.ts';
import { schema } from '../src/db/index.ts';
import { proAccounts } from '../src/db/schema.ts';
import { isEmpty, seedDemo } from '../src/seed/demo.ts';
import { TEST_KEY } from './harness.ts';

const serverUrl = process.env.TEST_DATABASE_URL;

// Several processes on one database exist only on a PostgreSQL server (PGlite is one process):
// CI runs this suite there.
describe.skipIf(!serverUrl)('instances starting together on an empty PostgreSQL database', () => {
  it('migrate and seed one after the other: every one starts, the demo data is made once', async () => {
    const name = `startup_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const instances = await Promise.all([1, 2, 3].map(() => openDatabase({ schema, url: url.toString() })));
    try {
      const started = await Promise.all(
        instances.map((database) =>
          prepareDatabase(database, {
            migrationsFolder: MIGRATIONS_FOLDER,
            seed: { isEmpty, run: seedDemo },
            startJobs: () => startJobs(database, { error: () => {} }, { box: createSecretBox(TEST_KEY) }),
          }),
        ),
      );
      expect(started.filter((s) => s.seeded)).toHaveLength(1);
      expect(await instances[0]!.db.$count(proAccounts)).toBe(2);
      await Promise.all(started.map((s) => s.started.stop()));
    } finally {
      await Promise.all(instances.map((database) => database.close()));
      await admin.query(`drop database "${name}" with (force)`);
      await admin.end();
    }
  });
});
