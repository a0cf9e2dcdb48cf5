import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The Node.js that runs the project: the `node` devDependency pinned in package.json (decision 0006).
 * npm puts node_modules/.bin first on the PATH of every npm script, so `npm start`, `npm test` and
 * `npm run …` run on it whatever Node the machine has; the processes the scripts start (services,
 * drills, benchmarks) are given the same binary.
 */
const root = path.resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};

export const PINNED_NODE = manifest.devDependencies.node as string;

/** Why the running Node is not the project's, or null when it is. */
export function runtimeMismatch(): string | null {
  if (process.versions.node === PINNED_NODE && process.release.lts) return null;
  return (
    `Ce script tourne sur Node ${process.version} ; le projet tourne sur Node ${PINNED_NODE} LTS ` +
    '(devDependency « node »). Lancez-le par npm (npm start, npm test, npm run …) après npm install.'
  );
}

/** The binary to start the project's processes with; refuses to run on another Node. */
export function pinnedNodeBinary(): string {
  const mismatch = runtimeMismatch();
  if (mismatch) throw new Error(mismatch);
  return process.execPath;
}

/** "Node 24.21.0 LTS (Krypton)": for banners and the benchmarks' machine line. */
export function runtimeLabel(): string {
  const lts = process.release.lts ? ` LTS (${process.release.lts})` : '';
  return `Node ${process.versions.node}${lts}`;
}

// `npm run runtime` (CI): prints the Node in use, fails when it is not the pinned LTS.
if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const mismatch = runtimeMismatch();
  console.log(mismatch ?? `${runtimeLabel()}, celle que fixe package.json.`);
  process.exit(mismatch ? 1 : 0);
}

/** The machine a figure was taken on, printed at the head of the bench and drill reports. */
export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'inconnu';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${runtimeLabel()}, ${os.platform()} ${os.release()}`;
}

/**
 * The CPU time a process has used so far (user + system), in clock ticks of 1/100 s, from Linux's
 * /proc; undefined where it cannot be read (the process is gone, or another system).
 */
export function cpuTicks(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime, stime
  } catch {
    return undefined;
  }
}

/** The processes a process started and that still run, from /proc (none where it cannot be read). */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/**
 * The CPU time of a process and of every process under it (a shell that runs a server, a launcher
 * that runs Node): what a wait for progress watches.
 */
export function treeCpuTicks(pid: number | undefined): number | undefined {
  const own = cpuTicks(pid);
  if (own === undefined || pid === undefined) return own;
  return childrenOf(pid).reduce((total, child) => total + (treeCpuTicks(child) ?? 0), own);
}
