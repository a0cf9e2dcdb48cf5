import { execFileSync, spawn } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { waitReady } from '../scripts/system.ts';
import { freePort } from './services.ts';

/**
 * A PostgreSQL server of its own for a drill (Debian's `postgresql` package): a fresh cluster in a
 * temporary folder, on a free loopback port, trusted locally, gone when stopped or when this
 * process ends. As root, it runs as the `postgres` user, since the server refuses to run as root.
 */
export async function startPostgres() {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  const bin = path.join('/usr/lib/postgresql', versions.at(-1)!, 'bin');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'drill-pg-'));
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot
    ? {
        uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
        gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
      }
    : {};
  if (asRoot) chownSync(dir, ids.uid!, ids.gid!);
  execFileSync(path.join(bin, 'initdb'), ['-D', dir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale'], {
    ...ids,
    stdio: 'ignore',
  });
  const port = await freePort();
  // Through a small shell that holds the server's life to this process's: when the pipe on its
  // standard input closes (stop(), or this process ending however it ends, kill -9 included), it
  // stops the server and removes its folder. No server is left running after a killed drill.
  const server = spawn(
    '/bin/sh',
    [
      '-c',
      `exec 3<&0
dir=$1; shift
"$@" </dev/null & pid=$!
(cat <&3 >/dev/null; kill -INT $pid 2>/dev/null) &
wait $pid; status=$?
rm -rf "$dir"
exit $status`,
      'drill-postgres',
      dir,
      path.join(bin, 'postgres'),
      ...['-D', dir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    ],
    { ...ids, stdio: ['pipe', 'ignore', 'ignore'] },
  );
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  // The server runs under a wrapper shell: the wait watches the CPU time of both.
  await waitReady('PostgreSQL', server, async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.end();
    return true;
  });
  return {
    /** A new empty database on this server. */
    async createDatabase(name: string) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database "${name}"`);
      await admin.end();
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      await new Promise<void>((resolve) => {
        if (server.exitCode !== null || server.signalCode !== null) return resolve();
        server.once('exit', () => resolve());
        server.stdin?.end(); // the shell stops the server (fast shutdown) and removes its folder
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
