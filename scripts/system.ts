import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateKey } from '@permis/platform';
import { LOCAL_FRANCECONNECT_CLIENT, startLocalFranceConnect } from './franceConnectLocal.ts';
import { pinnedNodeBinary, treeCpuTicks } from './runtime.ts';

/**
 * Starts the whole system: the mail catcher (maildev, loopback only), the local stand-in for
 * FranceConnect, the national service and the school back office, each in its own process with its own database. Used by `npm start` and by
 * the browser tests (with other ports and a throw-away data folder).
 */
export type SystemOptions = {
  dataDir: string;
  antsPort: number;
  schoolPort: number;
  smtpPort: number;
  mailWebPort: number;
  /** The local OpenID provider standing in for FranceConnect. */
  franceConnectPort: number;
  seedDemo: boolean;
  logLevel?: string;
  /** Per-service PostgreSQL servers; PGlite under dataDir when absent. */
  antsDatabaseUrl?: string;
  schoolDatabaseUrl?: string;
};

export type RunningSystem = {
  stop(): Promise<void>;
  urls: { ants: string; school: string; mail: string; franceConnect: string };
};

const root = path.resolve(import.meta.dirname, '..');

/** The school's key for secrets at rest: SCHOOL_SECRET_KEY, or one made once for this data folder. */
/** A service's sealing key: from the environment, or generated once and kept under the data folder. */
function secretKey(dataDir: string, name: 'SCHOOL_SECRET_KEY' | 'ANTS_SECRET_KEY'): string {
  const fromEnv = process.env[name];
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, name === 'SCHOOL_SECRET_KEY' ? 'school-secret.key' : 'ants-secret.key');
  if (!existsSync(file)) writeFileSync(file, generateKey(), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function startMaildev(options: SystemOptions) {
  const { MailDev } = await import('maildev');
  const maildev = new MailDev({
    smtp: options.smtpPort,
    web: options.mailWebPort,
    ip: '127.0.0.1',
    webIp: '127.0.0.1',
  });
  await maildev.start();
  return maildev;
}

function startService(name: 'ants' | 'school', env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(pinnedNodeBinary(), ['--import', 'tsx', path.join(root, `apps/${name}/src/main.ts`)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

/** How long a starting service may use no CPU at all before it is called stuck. */
const STALL_MS = 60_000;
/** How often the wait says what it is waiting for. */
const REPORT_MS = 15_000;

/**
 * Waits until `ready` says so, as long as the processes it waits for make progress: no deadline on
 * the whole (transpiling, migrating, starting a database or sending a backlog take several times
 * longer on a busy machine), but a minute in which none of them computed stops the wait, as does
 * the exit of `stopIfExited`. Says every 15 s what it is waiting for.
 */
export async function waitUntil(
  what: string,
  ready: () => Promise<boolean>,
  {
    watch,
    stopIfExited,
    everyMs = 250,
  }: { watch: readonly { pid?: number }[]; stopIfExited?: ChildProcess; everyMs?: number },
): Promise<void> {
  const started = Date.now();
  const spent = () => watch.reduce((total, child) => total + (treeCpuTicks(child.pid) ?? 0), 0);
  let lastTicks = spent();
  let lastProgress = Date.now();
  let lastReport = Date.now();
  for (;;) {
    if (stopIfExited && stopIfExited.exitCode !== null) {
      throw new Error(`${what} : le processus s'est arrêté (code ${stopIfExited.exitCode}).`);
    }
    if (await ready().catch(() => false)) return;
    const ticks = spent();
    if (ticks !== lastTicks) {
      lastTicks = ticks;
      lastProgress = Date.now();
    } else if (Date.now() - lastProgress > STALL_MS) {
      throw new Error(`${what} : rien ne progresse depuis ${STALL_MS / 1000} s, l'attente s'arrête.`);
    }
    if (Date.now() - lastReport > REPORT_MS) {
      lastReport = Date.now();
      console.log(`En attente : ${what} (depuis ${Math.round((Date.now() - started) / 1000)} s).`);
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Waits for a process to be ready (`waitUntil`), stopping if it exits. */
export function waitReady(what: string, child: ChildProcess, ready: () => Promise<boolean>): Promise<void> {
  return waitUntil(what, ready, { watch: [child], stopIfExited: child });
}

/** Waits for a service's health answer (`waitReady`). */
export function waitHealthy(url: string, child: ChildProcess, name: string): Promise<void> {
  return waitReady(`« ${name} » (${url})`, child, async () => (await fetch(`${url}/api/health`)).ok);
}

export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  mkdirSync(options.dataDir, { recursive: true });
  const maildev = await startMaildev(options);
  const common = {
    SMTP_URL: `smtp://127.0.0.1:${options.smtpPort}`,
    SEED_DEMO: options.seedDemo ? '1' : '0',
    LOG_LEVEL: options.logLevel ?? 'info',
    HOST: '127.0.0.1',
  };
  const antsUrl = `http://localhost:${options.antsPort}`;
  const schoolUrl = `http://localhost:${options.schoolPort}`;
  const franceConnect = await startLocalFranceConnect({ port: options.franceConnectPort, antsUrl });
  const ants = startService('ants', {
    ...common,
    PORT: String(options.antsPort),
    DATA_DIR: path.join(options.dataDir, 'ants'),
    DATABASE_URL: options.antsDatabaseUrl ?? '',
    PUBLIC_URL: antsUrl,
    // The /dev routes (clock for the 7-day expiry): a development and test system only.
    DEV_TOOLS: '1',
    // The school pushes to http://localhost: allowed in this development system only.
    WEBHOOKS_ALLOW_PRIVATE: '1',
    // An answer of the professional API its OpenAPI document does not list fails loudly here.
    CONTRACT_CHECKS: 'strict',
    ANTS_SECRET_KEY: secretKey(options.dataDir, 'ANTS_SECRET_KEY'),
    FRANCECONNECT_ISSUER: franceConnect.issuer,
    FRANCECONNECT_CLIENT_ID: LOCAL_FRANCECONNECT_CLIENT.clientId,
    FRANCECONNECT_CLIENT_SECRET: LOCAL_FRANCECONNECT_CLIENT.clientSecret,
  });
  const school = startService('school', {
    ...common,
    PORT: String(options.schoolPort),
    DATA_DIR: path.join(options.dataDir, 'school'),
    DATABASE_URL: options.schoolDatabaseUrl ?? '',
    PUBLIC_URL: schoolUrl,
    SCHOOL_SECRET_KEY: secretKey(options.dataDir, 'SCHOOL_SECRET_KEY'),
    ANTS_URL: `http://127.0.0.1:${options.antsPort}`,
  });
  const children = [ants, school];
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 8000).unref();
          }),
      ),
    );
    await maildev.stop();
    await franceConnect.stop();
  };
  try {
    await Promise.all([waitHealthy(antsUrl, ants, 'ants'), waitHealthy(schoolUrl, school, 'school')]);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    stop,
    urls: {
      ants: antsUrl,
      school: schoolUrl,
      mail: `http://localhost:${options.mailWebPort}/index.html`,
      franceConnect: franceConnect.issuer,
    },
  };
}
