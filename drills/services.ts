import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinnedNodeBinary } from '../scripts/runtime.ts';
import { waitHealthy } from '../scripts/system.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** One service as its own process (`node apps/<name>/src/main.ts`), ready once /api/health answers. */
export async function startServiceProcess(name: 'ants' | 'school', env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(pinnedNodeBinary(), ['--import', 'tsx', path.join(root, `apps/${name}/src/main.ts`)], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'error', SMTP_URL: 'smtp://127.0.0.1:9', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitHealthy(`http://127.0.0.1:${env.PORT}`, child, name);
  return child;
}

export function kill9(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/**
 * A browser-like session on a service's web routes (cookie and CSRF token), signed in through
 * `route`; each call answers its status (0: no answer) and JSON body.
 */
export async function webSession(baseUrl: string, route: string, credentials: object) {
  const response = await fetch(`${baseUrl}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return async (method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> => {
    try {
      const answer = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: answer.status, body: await answer.json().catch(() => null) };
    } catch {
      return { status: 0, body: null };
    }
  };
}

/** A browser-like session on the school back office, answering the JSON bodies. */
export async function schoolSession(baseUrl: string, login: string, password: string) {
  const call = await webSession(baseUrl, '/api/auth/login', { login, password });
  return async <T>(method: string, route: string, body?: unknown): Promise<T> =>
    (await call(method, route, body)).body as T;
}
