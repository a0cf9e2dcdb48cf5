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
  /** Secure cookies: whenever the public URL is https (or SECURE_COOKIES=1); off for http://localhost. */
  secureCookies: boolean;
  /** Folder of the built web page (vite build output). */
  webDir: string;
  /**
   * TRUST_PROXY: behind a load balancer, which proxies' X-Forwarded-For to believe (a hop count, or
   * addresses / CIDR ranges separated by commas), so throttles count the client, not the balancer.
   */
  trustProxy?: TrustProxy;
};

export type TrustProxy = boolean | number | string;

/** TRUST_PROXY as Fastify takes it: absent → trust nobody; "2" → two hops; else the address list. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  if (!value) return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}

export function readServiceConfig(
  name: ServiceConfig['name'],
  defaults: { port: number; webDir: string; mailFrom: string },
  env: NodeJS.ProcessEnv = process.env,
): ServiceConfig {
  const port = Number(env.PORT ?? defaults.port);
  const host = env.HOST ?? '127.0.0.1';
  const dataDir = path.resolve(env.DATA_DIR ?? path.join('data', name));
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${port}`;
  return {
    name,
    host,
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    smtpUrl: env.SMTP_URL ?? 'smtp://127.0.0.1:1025',
    mailFrom: env.MAIL_FROM ?? defaults.mailFrom,
    publicUrl,
    logLevel: env.LOG_LEVEL ?? 'info',
    seedDemo: env.SEED_DEMO === '1',
    // Served over https, the cookies are Secure whatever SECURE_COOKIES says.
    secureCookies: env.SECURE_COOKIES === '1' || publicUrl.startsWith('https:'),
    webDir: defaults.webDir,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
  };
}

export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}
