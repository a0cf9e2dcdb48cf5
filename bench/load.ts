import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateKey, openDatabase } from '@permis/platform';
import autocannon from 'autocannon';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { buildAntsApp } from '../apps/ants/src/app.ts';
import { readAntsConfig } from '../apps/ants/src/config.ts';
import { schema } from '../apps/ants/src/db/index.ts';
import { applications } from '../apps/ants/src/db/schema.ts';
import { draftRequest } from '../apps/ants/test/api.ts';
import { PRO } from '../apps/ants/test/harness.ts';
import { startPostgres } from '../drills/postgres.ts';
import { freePort, kill9, startServiceProcess } from '../drills/services.ts';
import { cpuTicks, pinnedNodeBinary } from '../scripts/runtime.ts';
import { medianOf, type Row } from './stats.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const RUNS = 5;
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
const CONNECTIONS = 10;

type Statement = { query: string; params: unknown[] };

/** CPU seconds a process has used so far (user + system), from the kernel. */
function cpuSeconds(pid: number): number {
  const ticks = cpuTicks(pid);
  if (ticks === undefined) throw new Error(`processus ${pid} introuvable`);
  return ticks / 100;
}

async function analyze(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('analyze');
  await client.end();
}

/** One autocannon run against `url`: requests a second, and the target's CPU use meanwhile. */
async function run(pid: number, options: autocannon.Options) {
  const cpuBefore = cpuSeconds(pid);
  const started = performance.now();
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });
  const seconds = (performance.now() - started) / 1000;
  const errors = result.non2xx + result.errors;
  return { rate: result.requests.average, cpu: (cpuSeconds(pid) - cpuBefore) / seconds, errors };
}

/**
 * Issue 17's load figures: a read by number and a creation through the professional API of one
 * national-service process on a PostgreSQL server, with autocannon, against a bare server sent the
 * same requests and sending the same statements (captured from the service's query builder for the
 * same request) with `pg`, alternately, 5 runs each after a round of each not counted; requests a
 * second and CPU use of the process under test.
 */
export async function loadScenario(): Promise<Row[]> {
  const postgres = await startPostgres();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-load-'));
  const children: ChildProcess[] = [];
  try {
    const url = await postgres.createDatabase('ants');
    const port = await freePort();
    const env = {
      PORT: String(port),
      DATA_DIR: dir,
      DATABASE_URL: url,
      SEED_DEMO: '1',
      ANTS_SECRET_KEY: generateKey(),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      PRO_RATE_LIMIT_PER_MINUTE: '100000000',
    };
    const service = await startServiceProcess('ants', env);
    children.push(service);
    const base = `http://127.0.0.1:${port}`;
    const token = (
      (await (
        await fetch(`${base}/api/pro/v1/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(PRO),
        })
      ).json()) as { token: string }
    ).token;
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = (await (
      await fetch(`${base}/api/pro/v1/applications`, {
        method: 'POST',
        headers: { ...auth, 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify(draftRequest()),
      })
    ).json()) as { application: { number: string } };
    const number = created.application.number;

    // The statements of each request, from an in-process app on the same database.
    let recording: Statement[] | undefined;
    const database = await openDatabase({
      schema,
      url,
      logQuery: (query, params) => recording?.push({ query, params }),
    });
    const app = await buildAntsApp({
      config: readAntsConfig({ ...process.env, ...env, LOG_LEVEL: 'error' }),
      database,
    });
    const capture = async (work: () => Promise<unknown>) => {
      recording = [];
      await work();
      // Transaction boundaries included: the bare server opens and ends its transactions where the
      // service did (a rate window counted outside the creation's transaction holds its row lock
      // for one statement, not for the whole creation).
      const captured = recording;
      recording = undefined;
      return captured;
    };
    const get = await capture(() =>
      app.inject({ method: 'GET', url: `/api/pro/v1/applications/${number}`, headers: auth }),
    );
    const markerRequest = draftRequest();
    const markers = {
      key: crypto.randomUUID(),
      email: markerRequest.candidate.email!,
      birthName: markerRequest.candidate.birthName,
    };
    let markerNumber = '';
    const create = await capture(async () => {
      const answer = await app.inject({
        method: 'POST',
        url: '/api/pro/v1/applications',
        headers: { ...auth, 'idempotency-key': markers.key },
        payload: markerRequest,
      });
      markerNumber = answer.json().application.number;
    });
    // The ids the database gave the marker's rows: later statements carry them as parameters, and
    // the bare server puts in their place the ids its own inserts get back.
    const [made] = await database.db
      .select({ application: applications.id, candidate: applications.candidateId })
      .from(applications)
      .where(eq(applications.number, markerNumber));
    await app.close();
    await database.close();
    const file = path.join(dir, 'statements.json');
    const ids = { applications: made!.application, candidates: made!.candidate };
    writeFileSync(file, JSON.stringify({ get, create, markers: { ...markers, number: markerNumber }, ids }));
    const barePort = await freePort();
    const bare = spawn(
      pinnedNodeBinary(),
      ['--import', 'tsx', path.join(here, 'bareServer.ts'), url, file, String(barePort)],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    children.push(bare);
    const bareBase = `http://127.0.0.1:${barePort}`;
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(`${bareBase}/get`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    let n = 0;
    const figures = {
      get: [] as Awaited<ReturnType<typeof run>>[],
      getBare: [] as Awaited<ReturnType<typeof run>>[],
      create: [] as Awaited<ReturnType<typeof run>>[],
      createBare: [] as Awaited<ReturnType<typeof run>>[],
    };
    const creation: autocannon.Options = {
      url: `${base}/api/pro/v1/applications`,
      method: 'POST',
      headers: auth,
      requests: [
        {
          setupRequest: (request) => {
            n++;
            const body = draftRequest({ candidate: { email: `load${n}@example.fr`, birthName: `CHARGE-${n}` } });
            return {
              ...request,
              headers: { ...request.headers, 'idempotency-key': crypto.randomUUID() },
              body: JSON.stringify(body),
            };
          },
        },
      ],
    };
    // A round of each not counted, then fresh statistics: the figures are those of a service in
    // its steady state, not of the first seconds, when the planner still believes the tables
    // hold the demo's five rows (whichever ran first paid for it).
    await run(service.pid!, creation);
    await run(bare.pid!, { ...creation, url: `${bareBase}/create` });
    await analyze(url);
    // Each pair in turn, the service first in one round and the bare server first in the next:
    // what a run leaves behind (dead row versions, a warmer cache) weighs on both alike.
    const pair = async (i: number, service: () => Promise<void>, bare: () => Promise<void>) => {
      for (const step of i % 2 === 0 ? [service, bare] : [bare, service]) await step();
    };
    for (let i = 0; i < RUNS; i++) {
      await pair(
        i,
        async () => {
          figures.get.push(
            await run(service.pid!, { url: `${base}/api/pro/v1/applications/${number}`, headers: auth }),
          );
        },
        async () => {
          figures.getBare.push(await run(bare.pid!, { url: `${bareBase}/get` }));
        },
      );
      await pair(
        i,
        async () => {
          figures.create.push(await run(service.pid!, creation));
        },
        async () => {
          figures.createBare.push(await run(bare.pid!, { ...creation, url: `${bareBase}/create` }));
        },
      );
    }
    // The baseline did the same work as the service: each of its creations has its own candidate.
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    const { rows } = await check.query(
      `select count(*)::int as n, count(distinct candidate_id)::int as candidates from applications
        where number like '90120260101%'`,
    );
    await check.end();
    if (rows[0].n === 0 || rows[0].n !== rows[0].candidates) {
      throw new Error(`serveur nu : ${rows[0].n} créations pour ${rows[0].candidates} candidats`);
    }
    const rate = (list: Awaited<ReturnType<typeof run>>[]) =>
      medianOf(
        list.map((r) => r.rate),
        'req/s',
        0,
      );
    const cpu = (list: Awaited<ReturnType<typeof run>>[]) => Math.round(medianOf(list.map((r) => r.cpu * 100)).median);
    const errors = (list: Awaited<ReturnType<typeof run>>[]) => list.reduce((sum, r) => sum + r.errors, 0);
    /** CPU milliseconds a request costs the process (the median run's CPU share over its rate). */
    const cpuPerRequest = (list: Awaited<ReturnType<typeof run>>[]) =>
      medianOf(list.map((r) => (r.cpu * 1000) / r.rate)).median;
    const line = (name: string, service: typeof figures.get, baseline: typeof figures.get, target: number) => {
      const measured = rate(service);
      const reference = rate(baseline);
      const cost = cpuPerRequest(service) / cpuPerRequest(baseline);
      return {
        scenario: `${name} (autocannon, ${CONNECTIONS} connexions, ${SECONDS} s × ${RUNS})`,
        figure: `${measured.text}, CPU ${cpu(service)} % ; serveur nu ${reference.text}, CPU ${cpu(baseline)} % → ${(measured.median / reference.median).toFixed(2)}× ; CPU par requête ${cpuPerRequest(service).toFixed(2)} ms contre ${cpuPerRequest(baseline).toFixed(2)} ms → ${cost.toFixed(2)}× ; erreurs ${errors(service)} / ${errors(baseline)}`,
        target: `débit ≥ ${target}× le même SQL nu ; CPU par requête ≤ 1,5×`,
        met: measured.median / reference.median >= target && cost <= 1.5 && errors(service) === 0,
      };
    };
    return [
      line('lecture par numéro', figures.get, figures.getBare, 0.8),
      line('création (clé d’idempotence)', figures.create, figures.createBare, 0.7),
    ];
  } finally {
    for (const child of children) await kill9(child);
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
