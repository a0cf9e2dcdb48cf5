import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateKey, openDatabase, sha256 } from '@permis/platform';
import autocannon from 'autocannon';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { buildAntsApp } from '../apps/ants/src/app.ts';
import { readAntsConfig } from '../apps/ants/src/config.ts';
import { schema } from '../apps/ants/src/db/index.ts';
import { applications } from '../apps/ants/src/db/schema.ts';
import { draftRequest } from '../apps/ants/test/api.ts';
import { startPostgres } from '../drills/postgres.ts';
import { freePort, kill9, startServiceProcess } from '../drills/services.ts';
import { cpuTicks, pinnedNodeBinary } from '../scripts/runtime.ts';
import { waitReady } from '../scripts/system.ts';
import { medianOf, type Row } from './stats.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const RUNS = 5;
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
const CONNECTIONS = 10;
/** Schools calling at once, and demands each reads: many accounts and many numbers, not one row hot. */
const SCHOOLS = 20;
const DEMANDS_PER_SCHOOL = 25;

type Statement = { query: string; params: unknown[] };

/** A school of the bench: its account, its user, its API token (and the token's hash), its demands. */
type School = { accountId: string; userId: string; token: string; hash: string; numbers: string[] };

/**
 * Schools made for the bench straight in the database, each with a user and an API token (a
 * sign-in per school would cost an argon2id hash each, and is not what is measured).
 */
async function addSchools(url: string, count: number): Promise<School[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const schools: School[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const agrement = `E99BENCH${String(i).padStart(3, '0')}`;
      const account = await client.query(
        `insert into pro_accounts (agrement_number, school_name, address_line, postal_code, city, email)
         values ($1, $2, '1 rue de la Gare', '35000', 'RENNES', $3) returning id`,
        [agrement, `AUTO-ÉCOLE DU BANC ${i}`, `banc${i}@example.fr`],
      );
      const accountId = account.rows[0].id as string;
      const user = await client.query(
        `insert into pro_users (pro_account_id, login, email, manager) values ($1, $2, $3, true) returning id`,
        [accountId, `banc${i}`, `banc${i}@example.fr`],
      );
      const userId = user.rows[0].id as string;
      const token = `bench-${crypto.randomUUID()}`;
      const hash = sha256(token);
      await client.query(
        `insert into api_tokens (token_hash, pro_account_id, pro_user_id, expires_at)
         values ($1, $2, $3, now() + interval '1 day')`,
        [hash, accountId, userId],
      );
      schools.push({ accountId, userId, token, hash, numbers: [] });
    }
  } finally {
    await client.end();
  }
  return schools;
}

const bearer = (school: School) => ({ authorization: `Bearer ${school.token}`, 'content-type': 'application/json' });
/** What the bare server is told of the school a request is for (its token it reads as the service does). */
const schoolHeaders = (school: School) => ({
  ...bearer(school),
  'x-bench-school': `${school.accountId} ${school.userId}`,
});

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
 * Issues 17 and 37's load figures: a read by number, the list's first page and a creation through
 * the professional API of one national-service process on a PostgreSQL server, going round 20
 * schools and their demands, with autocannon, against a bare server sent the same requests and
 * sending the same statements (captured from the service's query builder for the same request) with
 * `pg`, alternately, 5 runs each after a round of each not counted; requests a second and CPU use of
 * the process under test. And what the quota costs: the same reads against a second process of the
 * service on the same database with the quota off.
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
      // As deployed (docs/deploy.md): answers projected on their schema, not checked value by value.
      NODE_ENV: 'production',
    };
    const service = await startServiceProcess('ants', env);
    children.push(service);
    const base = `http://127.0.0.1:${port}`;
    // The same service without its quota, on the same database: what the quota costs a read.
    const unlimitedPort = await freePort();
    const unlimited = await startServiceProcess('ants', {
      ...env,
      PORT: String(unlimitedPort),
      SEED_DEMO: '',
      PUBLIC_URL: `http://127.0.0.1:${unlimitedPort}`,
      PRO_RATE_LIMIT_PER_MINUTE: 'off',
    });
    children.push(unlimited);
    const unlimitedBase = `http://127.0.0.1:${unlimitedPort}`;
    const schools = await addSchools(url, SCHOOLS);
    await Promise.all(
      schools.map(async (school) => {
        for (let i = 0; i < DEMANDS_PER_SCHOOL; i++) {
          const answer = await fetch(`${base}/api/pro/v1/applications`, {
            method: 'POST',
            headers: { ...bearer(school), 'idempotency-key': crypto.randomUUID() },
            body: JSON.stringify(draftRequest()),
          });
          if (answer.status !== 201) throw new Error(`création refusée (${answer.status}) : ${await answer.text()}`);
          school.numbers.push(((await answer.json()) as { application: { number: string } }).application.number);
        }
      }),
    );
    const [first] = schools as [School];
    const number = first.numbers[0]!;
    const auth = bearer(first);

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
    const list = await capture(() => app.inject({ method: 'GET', url: '/api/pro/v1/applications', headers: auth }));
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
    // Where the captured statements name the first school and its demand, the bare server puts the
    // request's own school (token hash, account, user) and demand.
    const school = { hash: first.hash, accountId: first.accountId, userId: first.userId, number };
    writeFileSync(
      file,
      JSON.stringify({ get, list, create, markers: { ...markers, number: markerNumber }, school, ids }),
    );
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
    await waitReady('le serveur nu', bare, async () => (await fetch(`${bareBase}/ready`)).ok);

    type Figures = Awaited<ReturnType<typeof run>>[];
    const figures = {
      get: [] as Figures,
      getBare: [] as Figures,
      /** Reads with the quota, each run beside one without: the quota's share. */
      getQuota: [] as Figures,
      getUnlimited: [] as Figures,
      list: [] as Figures,
      listBare: [] as Figures,
      create: [] as Figures,
      createBare: [] as Figures,
    };
    /**
     * Requests that go round the schools and their demands, the same sequence to the service and
     * to the bare server: `to` gives each request's path (and the bare server's headers).
     */
    const rotating = (
      method: 'GET' | 'POST',
      to: (school: School, nth: number) => { path: string; body?: string; headers?: Record<string, string> },
    ): autocannon.Options['requests'] => {
      let nth = 0;
      return [
        {
          method,
          setupRequest: (request) => {
            const school = schools[nth % SCHOOLS]!;
            const target = to(school, Math.floor(nth / SCHOOLS));
            nth++;
            return { ...request, ...target, headers: { ...request.headers, ...bearer(school), ...target.headers } };
          },
        },
      ];
    };
    const readNumber = (school: School, nth: number) => school.numbers[nth % DEMANDS_PER_SCHOOL]!;
    const reads = {
      service: () =>
        rotating('GET', (school, nth) => ({ path: `/api/pro/v1/applications/${readNumber(school, nth)}` })),
      bare: () =>
        rotating('GET', (school, nth) => ({ path: `/get/${readNumber(school, nth)}`, headers: schoolHeaders(school) })),
    };
    const lists = {
      service: () => rotating('GET', () => ({ path: '/api/pro/v1/applications' })),
      bare: () => rotating('GET', (school) => ({ path: '/list', headers: schoolHeaders(school) })),
    };
    let sent = 0;
    const creationBody = () => {
      sent++;
      return JSON.stringify(
        draftRequest({ candidate: { email: `load${sent}@example.fr`, birthName: `CHARGE-${sent}` } }),
      );
    };
    const creations = {
      service: () =>
        rotating('POST', () => ({
          path: '/api/pro/v1/applications',
          body: creationBody(),
          headers: { 'idempotency-key': crypto.randomUUID() },
        })),
      bare: () =>
        rotating('POST', (school) => ({
          path: '/create',
          body: creationBody(),
          headers: { ...schoolHeaders(school), 'idempotency-key': crypto.randomUUID() },
        })),
    };
    // A round of each not counted, then fresh statistics: the figures are those of a service in
    // its steady state, not of the first seconds, when the planner still believes the tables
    // hold the demo's five rows (whichever ran first paid for it).
    await run(service.pid!, { url: base, requests: creations.service() });
    await run(bare.pid!, { url: bareBase, requests: creations.bare() });
    await analyze(url);
    // Each pair in turn, the service first in one round and the bare server first in the next:
    // what a run leaves behind (dead row versions, a warmer cache) weighs on both alike.
    const pair = async (i: number, service: () => Promise<void>, bare: () => Promise<void>) => {
      for (const step of i % 2 === 0 ? [service, bare] : [bare, service]) await step();
    };
    /** One side of a pair: a run of `requests` against a process, its figures kept in `into`. */
    const side =
      (into: Figures, target: ChildProcess, url: string, requests: () => autocannon.Options['requests']) =>
      async () => {
        into.push(await run(target.pid!, { url, requests: requests() }));
      };
    const pairs = [
      [side(figures.get, service, base, reads.service), side(figures.getBare, bare, bareBase, reads.bare)],
      [
        side(figures.getUnlimited, unlimited, unlimitedBase, reads.service),
        side(figures.getQuota, service, base, reads.service),
      ],
      [side(figures.list, service, base, lists.service), side(figures.listBare, bare, bareBase, lists.bare)],
      [
        side(figures.create, service, base, creations.service),
        side(figures.createBare, bare, bareBase, creations.bare),
      ],
    ] as const;
    for (let i = 0; i < RUNS; i++) {
      for (const [first, second] of pairs) await pair(i, first, second);
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
    const limited = rate(figures.getQuota);
    const unlimitedRate = rate(figures.getUnlimited);
    // Each run with the quota beside the run without it just before or after: the median of the
    // pairs' shares, which the machine's drift from pair to pair does not skew.
    const shares = medianOf(
      figures.getQuota.map((withQuota, i) => (1 - withQuota.rate / figures.getUnlimited[i]!.rate) * 100),
      '%',
      1,
    );
    const quotaShare = shares.median;
    const across = `${SCHOOLS} écoles × ${DEMANDS_PER_SCHOOL} demandes`;
    return [
      line(`lecture par numéro, ${across}`, figures.get, figures.getBare, 0.8),
      line(`liste, page par défaut, ${SCHOOLS} écoles`, figures.list, figures.listBare, 0.8),
      line(`création (clé d’idempotence), ${SCHOOLS} écoles`, figures.create, figures.createBare, 0.7),
      {
        scenario: `quota des écoles : lecture par numéro avec et sans quota (${SECONDS} s × ${RUNS} chacun)`,
        figure: `avec ${limited.text}, sans (PRO_RATE_LIMIT_PER_MINUTE=off) ${unlimitedRate.text} → le quota coûte ${shares.text} du débit ; CPU par requête ${cpuPerRequest(figures.getQuota).toFixed(2)} ms contre ${cpuPerRequest(figures.getUnlimited).toFixed(2)} ms`,
        target: '≤ 5 % du débit de lecture',
        met: quotaShare <= 5,
      },
    ];
  } finally {
    for (const child of children) await kill9(child);
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
