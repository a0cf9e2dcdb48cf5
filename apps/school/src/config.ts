import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseKey, readServiceConfig, type ServiceConfig } from '@permis/platform';

const here = path.dirname(fileURLToPath(import.meta.url));
export const MIGRATIONS_FOLDER = path.resolve(here, '../drizzle');

export type SchoolConfig = ServiceConfig & {
  /** Key sealing the offices' ANTS passwords (SCHOOL_SECRET_KEY, 32 bytes in base64). */
  secretKey: Buffer;
  /** Base URL of the national service's professional API. */
  antsUrl: string;
  /** Beyond this (ANTS_TIMEOUT_MS, default 20 s) a call to the national service counts as unanswered. */
  antsTimeoutMs: number;
};

export function readSchoolConfig(env: NodeJS.ProcessEnv = process.env): SchoolConfig {
  const base = readServiceConfig(
    'school',
    { port: 3200, webDir: path.resolve(here, '../dist'), mailFrom: 'Auto-école <no-reply@auto-ecole.localhost>' },
    env,
  );
  if (!env.SCHOOL_SECRET_KEY) {
    throw new Error('SCHOOL_SECRET_KEY manquant : une clé de 32 octets en base64 (`npm start` en crée une).');
  }
  return {
    ...base,
    secretKey: parseKey(env.SCHOOL_SECRET_KEY),
    antsUrl: env.ANTS_URL ?? 'http://127.0.0.1:3100',
    antsTimeoutMs: Number(env.ANTS_TIMEOUT_MS ?? 20000),
  };
}
