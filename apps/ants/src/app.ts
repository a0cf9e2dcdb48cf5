import { createHttpServer, type MailQueue, registerSessions, serveWebApp } from '@permis/platform';
import { referentielRoutes } from '@permis/referentiel/routes';
import { sql } from 'drizzle-orm';
import type { AuthContext } from './auth/context.ts';
import { authRoutes } from './auth/routes.ts';
import type { AntsConfig } from './config.ts';
import type { AntsDatabase } from './db/index.ts';

export type AntsDeps = {
  config: Pick<AntsConfig, 'logLevel' | 'secureCookies' | 'webDir'>;
  database: AntsDatabase;
  mail?: MailQueue;
  logStream?: NodeJS.WritableStream;
};

/** The national service's HTTP app, used by main.ts and by the tests. */
export async function buildAntsApp(deps: AntsDeps) {
  const app = await createHttpServer({ service: 'ants', logLevel: deps.config.logLevel, logStream: deps.logStream });
  const { db } = deps.database;
  const sessions = registerSessions(app, { db, cookieName: 'ants_session', secure: deps.config.secureCookies });
  const ctx: AuthContext = { db, sessions };

  app.get('/api/health', async () => {
    await db.execute(sql`select 1`);
    return { status: 'ok', service: 'ants', database: deps.database.kind };
  });
  authRoutes(app, ctx);
  // Official public lists (as the State's geographic APIs are): no account needed.
  referentielRoutes(app, async () => {});
  await serveWebApp(app, deps.config.webDir);
  return app;
}
