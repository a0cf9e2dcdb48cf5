import path from 'node:path';
import PgBossV10 from 'pg-boss-v10';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from './db.ts';
import { listFailedJobs } from './failedJobs.ts';
import { type Jobs, startJobs } from './jobs.ts';
import { createSecretBox, generateKey, parseKey } from './secrets.ts';
import { openTestDatabase } from './testing/testDatabase.ts';
import { until } from './testing/until.ts';

// A service database as the previous release left it: its migrations, and pg-boss 10's schema.
const migrations = path.resolve(import.meta.dirname, '../../../apps/ants/drizzle');

let jobs: Jobs | undefined;
let database: Database<Record<string, unknown>> | undefined;
afterEach(async () => {
  await jobs?.stop();
  await database?.close();
});

describe('job queue upgrade from pg-boss 10', () => {
  it('keeps the mails still to send and the failed ones listed, and drops the old schema', async () => {
    database = await openTestDatabase({}, migrations);
    const db = database;
    const old =
      db.kind === 'postgres'
        ? new PgBossV10({ connectionString: db.url, schema: 'pgboss' })
        : new PgBossV10({ schema: 'pgboss', db: { executeSql: (text, values) => db.executeSql(text, values) } });
    await old.start();
    await old.createQueue('mail-send', { name: 'mail-send', retryLimit: 0 });
    await old.send('mail-send', { to: 'refused@example.test' });
    const [first] = await old.fetch('mail-send');
    await old.fail('mail-send', first!.id, new Error('SMTP injoignable'));
    await old.send('mail-send', { to: 'waiting@example.test' });
    await old.stop({ graceful: false, wait: true });

    jobs = await startJobs(
      database,
      { error: () => {} },
      { box: createSecretBox(parseKey(generateKey())), pollingIntervalSeconds: 0.5 },
    );

    const failed = await listFailedJobs(jobs, ['mail-send']);
    expect(failed).toMatchObject([{ data: { to: 'refused@example.test' }, error: 'SMTP injoignable' }]);
    const sent: string[] = [];
    await jobs.work<{ to: string }>('mail-send', async ({ to }) => void sent.push(to));
    await until(async () => (sent.length > 0 ? true : undefined));
    expect(sent).toEqual(['waiting@example.test']);
    const { rows } = await database.executeSql(`SELECT to_regnamespace('pgboss_v10') IS NULL AS gone`, []);
    expect(rows).toEqual([{ gone: true }]);
  });
});
