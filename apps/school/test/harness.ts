import { Writable } from 'node:stream';
import { createSecretBox, generateKey, type Jobs, type MailQueue, parseKey, startJobs } from '@permis/platform';
import { openTestDatabase, WAIT_GUARD_MS } from '@permis/platform/testing';
import { buildSchoolApp } from '../src/app.ts';
import { MIGRATIONS_FOLDER } from '../src/config.ts';
import { schema } from '../src/db/index.ts';
import { seedDemo } from '../src/seed/demo.ts';

export const TEST_KEY = parseKey(generateKey());

/** A school app on its own fresh database with the demo data, as the tests see it. */
export async function startSchool(
  options: {
    mail?: MailQueue;
    logStream?: NodeJS.WritableStream;
    antsUrl?: string;
    antsTimeoutMs?: number;
    publicUrl?: string;
    /** With the job queue, as the service runs (the jobs started at start run too). */
    jobs?: boolean;
  } = {},
) {
  const database = await openTestDatabase(schema, MIGRATIONS_FOLDER);
  await seedDemo(database.db, createSecretBox(TEST_KEY));
  const jobs: Jobs | undefined = options.jobs
    ? await startJobs(database, { error: () => {} }, { box: createSecretBox(TEST_KEY), pollingIntervalSeconds: 0.5 })
    : undefined;
  const app = await buildSchoolApp({
    config: {
      logLevel: 'info',
      secureCookies: false,
      webDir: '/nonexistent',
      publicUrl: options.publicUrl ?? 'http://localhost:3200',
      secretKey: TEST_KEY,
      // No national service unless a test starts one: calls then fail fast as "unavailable".
      antsUrl: options.antsUrl ?? 'http://127.0.0.1:9',
      // Only a guard against a hang (a busy machine answers late, not wrong); a test of the timeout sets its own.
      antsTimeoutMs: options.antsTimeoutMs ?? WAIT_GUARD_MS,
    },
    database,
    jobs,
    mail: options.mail,
    logStream: options.logStream ?? devNull(),
  });
  return {
    app,
    db: database.db,
    database,
    async close() {
      await app.close();
      await jobs?.stop();
      await database.close();
    },
  };
}

function devNull(): NodeJS.WritableStream {
  return new Writable({ write: (_c: unknown, _e: unknown, cb: () => void) => cb() });
}

export const LOGIN = {
  dirigeant: { login: 'dirigeant', password: 'Dirigeant-2026!' },
  secretaire: { login: 'secretaire', password: 'Secretaire-2026!' },
  moniteur: { login: 'moniteur', password: 'Moniteur-2026!' },
};
