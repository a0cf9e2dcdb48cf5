import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { openTestDatabase } from '@permis/platform/testing';
import { buildAntsApp } from '../src/app.ts';
import { MIGRATIONS_FOLDER } from '../src/config.ts';
import { schema } from '../src/db/index.ts';
import { seedDemo } from '../src/seed/demo.ts';

/** A national-service app on its own fresh database with the demo accounts. */
export async function startAnts(options: { logStream?: NodeJS.WritableStream } = {}) {
  const database = await openTestDatabase(schema, MIGRATIONS_FOLDER);
  await seedDemo(database.db);
  const filesDir = mkdtempSync(path.join(os.tmpdir(), 'ants-files-'));
  const app = await buildAntsApp({
    config: { logLevel: 'info', secureCookies: false, webDir: '/nonexistent', filesDir },
    database,
    logStream: options.logStream ?? new Writable({ write: (_c, _e, cb) => cb() }),
  });
  return {
    app,
    db: database.db,
    filesDir,
    async close() {
      await app.close();
      await database.close();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

export const PRO = { agrementNumber: 'E1703500010', login: 'brequigny35', password: 'Brequigny35!ants' };
export const AGENT = { login: 'agent.cert', password: 'Instruction-2026!' };
