import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseKey, readServiceConfig, type ServiceConfig } from '@permis/platform';

const here = path.dirname(fileURLToPath(import.meta.url));
export const MIGRATIONS_FOLDER = path.resolve(here, '../drizzle');

export type AntsConfig = ServiceConfig & {
  /** The folder of the pièces justificatives' files when they are kept in one (DATA_DIR/files). */
  filesDir: string;
  /**
   * FILE_STORE: where the pièces' bytes are kept, `database` (the default on a PostgreSQL server:
   * every instance sees them) or `folder` (the default on the embedded PGlite).
   */
  fileStore?: 'database' | 'folder';
  /** SMS_PROVIDER=http sends through SMS_HTTP_URL (bearer SMS_HTTP_TOKEN); `outbox` keeps them for /api/dev/sms. */
  sms: { provider: 'http'; url: string; token?: string } | { provider: 'outbox' };
  /** Key sealing the schools' webhook secrets (ANTS_SECRET_KEY, 32 bytes in base64). */
  secretKey: Buffer;
  /** DEV_TOOLS=1 (set by `npm start` and the browser tests, never in production): the /dev routes. */
  devTools: boolean;
  /**
   * WEBHOOKS_ALLOW_PRIVATE=1 (development: the school beside it on localhost): http and local
   * addresses accepted for webhooks. Otherwise https to public addresses only.
   */
  webhooksAllowPrivate?: boolean;
  /**
   * CONTRACT_CHECKS=strict (tests, `npm start`): an answer of the professional API that its
   * published description does not list fails loudly (500). Otherwise it is logged.
   */
  contractChecks?: 'strict' | 'log';
  /**
   * PRO_RATE_LIMIT_PER_MINUTE: requests of the professional API per school account and minute
   * (1200). `off`: no quota at all, for an instance behind a gateway that counts, or to measure what
   * the quota itself costs (`npm run bench -- load`).
   */
  proRatePerMinute: number | 'off';
  /** Sign-in with FranceConnect, offered when FRANCECONNECT_CLIENT_ID is set. */
  franceConnect?: FranceConnectConfig;
};

export type FranceConnectConfig = {
  /**
   * FRANCECONNECT_ISSUER: the provider's issuer, its discovery document under
   * /.well-known/openid-configuration. FranceConnect's production one by default.
   */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** FRANCECONNECT_USERINFO_ALG (FranceConnect v2: ES256 or RS256): the userinfo answer is a signed JWT. */
  userinfoAlg?: string;
};

/** FranceConnect v2's production issuer (its discovery: …/.well-known/openid-configuration). */
export const FRANCECONNECT_ISSUER = 'https://oidc.franceconnect.gouv.fr/api/v2';

export function readAntsConfig(env: NodeJS.ProcessEnv = process.env): AntsConfig {
  const base = readServiceConfig(
    'ants',
    {
      port: 3100,
      webDir: path.resolve(here, '../dist'),
      mailFrom: 'Agence Nationale des Titres Sécurisés <ne-pas-repondre@ants.localhost>',
    },
    env,
  );
  const sms: AntsConfig['sms'] =
    env.SMS_PROVIDER === 'http'
      ? { provider: 'http', url: required(env, 'SMS_HTTP_URL'), token: env.SMS_HTTP_TOKEN }
      : { provider: 'outbox' };
  if (!env.ANTS_SECRET_KEY) {
    throw new Error('ANTS_SECRET_KEY manquant : une clé de 32 octets en base64 (`npm start` en crée une).');
  }
  return {
    ...base,
    filesDir: path.join(base.dataDir, 'files'),
    fileStore: fileStoreOf(env.FILE_STORE),
    sms,
    devTools: env.DEV_TOOLS === '1',
    webhooksAllowPrivate: env.WEBHOOKS_ALLOW_PRIVATE === '1',
    contractChecks: env.CONTRACT_CHECKS === 'strict' ? 'strict' : 'log',
    proRatePerMinute: env.PRO_RATE_LIMIT_PER_MINUTE === 'off' ? 'off' : positive(env.PRO_RATE_LIMIT_PER_MINUTE, 1200),
    secretKey: parseKey(env.ANTS_SECRET_KEY),
    franceConnect: env.FRANCECONNECT_CLIENT_ID
      ? {
          issuer: env.FRANCECONNECT_ISSUER || FRANCECONNECT_ISSUER,
          clientId: env.FRANCECONNECT_CLIENT_ID,
          clientSecret: required(env, 'FRANCECONNECT_CLIENT_SECRET'),
          userinfoAlg: env.FRANCECONNECT_USERINFO_ALG || undefined,
        }
      : undefined,
  };
}

function fileStoreOf(value: string | undefined): AntsConfig['fileStore'] {
  if (value === undefined || value === '') return undefined;
  if (value === 'database' || value === 'folder') return value;
  throw new Error(`FILE_STORE : « database » ou « folder » attendu, reçu « ${value} ».`);
}

function positive(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`Nombre entier positif attendu, reçu « ${value} ».`);
  return parsed;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} manquant.`);
  return value;
}
