import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** Settings every service reads from its environment; each service adds its own on top. */
export type ServiceConfig = {
  name: 'ants' | 'school';
  host: string;
  port: number;
  /** PostgreSQL server URL; when absent the service uses embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  smtpUrl: string;
  mailFrom: string;
  publicUrl: string;
  logLevel: string;
  /** Seed demo data when the database is empty (set by `npm start`). */
  seedDemo: boolean;
  /** Secure cookies need HTTPS; off for localhost. */
  secureCookies: boolean;
  /** Folder of the built web page (vite build output). */
  webDir: string;
};

export function readServiceConfig(
  name: ServiceConfig['name'],
  defaults: { port: number; webDir: string; mailFrom: string },
  env: NodeJS.ProcessEnv = process.env,
): ServiceConfig {
  const port = Number(env.PORT ?? defaults.port);
  const host = env.HOST ?? '127.0.0.1';
  const dataDir = path.resolve(env.DATA_DIR ?? path.join('data', name));
  return {
    name,
    host,
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    smtpUrl: env.SMTP_URL ?? 'smtp://127.0.0.1:1025',
    mailFrom: env.MAIL_FROM ?? defaults.mailFrom,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
    logLevel: env.LOG_LEVEL ?? 'info',
    seedDemo: env.SEED_DEMO === '1',
    secureCookies: env.SECURE_COOKIES === '1',
    webDir: defaults.webDir,
  };
}

export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}
