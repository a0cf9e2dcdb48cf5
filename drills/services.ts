import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinnedNodeBinary } from '../scripts/runtime.ts';

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
  const url = `http://127.0.0.1:${env.PORT}`;
  const deadline = Date.now() + 90000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} s'est arrêté (code ${child.exitCode}).`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return child;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} ne répond pas.`);
}

export function kill9(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** A browser-like session on the school back office: cookie and CSRF token. */
export async function schoolSession(baseUrl: string, login: string, password: string) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const answer = await fetch(`${baseUrl}${route}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await answer.json()) as T;
  };
}
