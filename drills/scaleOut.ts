import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AntsApiError, type AntsClient, createAntsClient } from '@permis/ants-api';
import { generateKey } from '@permis/platform';
import pg from 'pg';
import { draftRequest, PNG, pdf } from '../apps/ants/test/api.ts';
import { AGENT, PRO } from '../apps/ants/test/harness.ts';
import { waitUntil } from '../scripts/system.ts';
import { startPostgres } from './postgres.ts';
import type { Figure } from './report.ts';
import { freePort, kill9, schoolSession, startServiceProcess, webSession } from './services.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Requests each demand of the drill makes: creation, two pièces, two downloads, validation, decision. */
const REQUESTS_PER_DEMAND = 7;
/** Clients working at once. */
const WORKERS = 8;

/**
 * Three instances of the national service on one PostgreSQL server, behind HAProxy (the repo's
 * deploy/haproxy.cfg), and the school against it. A vendor's software and an agent send `requests`
 * mixed requests while one instance is killed (`kill -9`) and later restarted; every unanswered
 * call is retried as a client does (same idempotency key, same file). Then: every demand once,
 * every pièce once and readable through every instance, every webhook event received, the
 * school's "Mettre à jour" holding what the national service holds.
 */
export async function scaleOutDrill(requests: number): Promise<Figure[]> {
  try {
    return await scaleOut(requests);
  } catch (error) {
    // Said in the report with the other drills, rather than stopping them all.
    return [{ drill: SCALE_OUT, figure: `échec : ${(error as Error).message}`, ok: false }];
  }
}

const SCALE_OUT = '3 instances derrière HAProxy, kill -9 de l’une puis relance';

async function scaleOut(requests: number): Promise<Figure[]> {
  const postgres = await startPostgres();
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  let receiver: http.Server | undefined;
  let national: pg.Client | undefined;
  try {
    const databaseUrl = await postgres.createDatabase('ants');
    const [lbPort, statsPort, receiverPort, schoolPort] = await Promise.all([1, 2, 3, 4].map(() => freePort()));
    const lb = `http://127.0.0.1:${lbPort}`;
    const ports = await Promise.all([1, 2, 3].map(() => freePort()));
    const secretKey = generateKey();
    const instanceEnv = (port: number) => {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'drill-ants-'));
      dirs.push(dataDir);
      return {
        PORT: String(port),
        DATA_DIR: dataDir, // its own disk: nothing on it may matter to the others
        DATABASE_URL: databaseUrl,
        SEED_DEMO: '1',
        ANTS_SECRET_KEY: secretKey,
        PUBLIC_URL: lb,
        TRUST_PROXY: '127.0.0.1',
        WEBHOOKS_ALLOW_PRIVATE: '1',
        PRO_RATE_LIMIT_PER_MINUTE: '1000000',
      };
    };
    const envs = ports.map(instanceEnv);
    // The three start together on the empty database: they migrate and seed one after the other.
    const instances = await Promise.all(envs.map((env) => startServiceProcess('ants', env)));
    children.push(...instances);

    const haproxy = spawn('haproxy', ['-db', '-f', path.join(root, 'deploy/haproxy.cfg')], {
      env: {
        ...process.env,
        ANTS_LB_BIND: `127.0.0.1:${lbPort}`,
        ANTS_1: `127.0.0.1:${ports[0]}`,
        ANTS_2: `127.0.0.1:${ports[1]}`,
        ANTS_3: `127.0.0.1:${ports[2]}`,
        HAPROXY_STATS: `127.0.0.1:${statsPort}`,
      },
      stdio: 'ignore',
    });
    children.push(haproxy);
    await waitFor(async () => (await fetch(`${lb}/api/health`)).ok, 'HAProxy', children);

    // The school's webhook address goes through a counter of every delivery, then to the school.
    const received: string[] = [];
    receiver = http.createServer((request, response) => {
      if (request.method === 'POST' && request.url?.startsWith('/api/ants/webhook/')) {
        received.push(String(request.headers['webhook-id']));
      }
      const forward = http.request(
        { host: '127.0.0.1', port: schoolPort, path: request.url, method: request.method, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      forward.on('error', () => response.writeHead(502).end());
      request.pipe(forward);
    });
    await new Promise<void>((resolve) => receiver!.listen(receiverPort, '127.0.0.1', resolve));
    const schoolDir = mkdtempSync(path.join(os.tmpdir(), 'drill-school-'));
    dirs.push(schoolDir);
    children.push(
      await startServiceProcess('school', {
        PORT: String(schoolPort),
        DATA_DIR: schoolDir,
        DATABASE_URL: '',
        SEED_DEMO: '1',
        SCHOOL_SECRET_KEY: generateKey(),
        ANTS_URL: lb,
        PUBLIC_URL: `http://127.0.0.1:${receiverPort}`,
      }),
    );
    const client = new pg.Client({ connectionString: databaseUrl });
    national = client;
    // The server stops at the end of the drill, after a failure too: not an unhandled error.
    client.on('error', () => {});
    await client.connect();
    const one = async <T>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows[0] as T;
    const [{ id: accountId }] = [
      await one<{ id: string }>(`select id from pro_accounts where agrement_number = $1`, [PRO.agrementNumber]),
    ];
    // The school subscribes its offices at start: the drill's events all go to it.
    await waitFor(
      async () =>
        (await one<{ n: number }>(`select count(*)::int n from pro_webhooks where pro_account_id = $1`, [accountId]))
          .n === 1,
      "l'abonnement de l'auto-école aux webhooks",
      children,
    );

    // The load: a vendor's software and an agent, through the load balancer.
    const vendor = createAntsClient({ baseUrl: lb, credentials: PRO, timeoutMs: 10000 });
    const direct = ports.map((port) =>
      createAntsClient({ baseUrl: `http://127.0.0.1:${port}`, credentials: PRO, timeoutMs: 10000 }),
    );
    const agent = await webSession(lb, '/api/agent/login', AGENT);
    const stats = { sent: 0, retries: 0, errors500: 0, refusedAfterRetry: 0, mismatched: 0 };
    const alive = [true, true, true];
    const demands = Math.ceil(requests / REQUESTS_PER_DEMAND);
    const killAt = Math.floor(requests / 3);
    const restartAt = Math.floor((2 * requests) / 3);
    let restarted: Promise<void> | undefined;
    let killed = false;
    const victim = 1;
    const afterEach = async () => {
      stats.sent++;
      if (!killed && stats.sent >= killAt) {
        killed = true;
        alive[victim] = false;
        await kill9(instances[victim]!);
      }
      if (killed && !restarted && stats.sent >= restartAt) {
        restarted = startServiceProcess('ants', envs[victim]!).then((child) => {
          instances[victim] = child;
          children.push(child);
          alive[victim] = true;
        });
      }
    };
    /** One call as a client makes it: an unanswered one (5xx from the balancer, cut) is sent again. */
    const call = async <T>(work: () => Promise<T>): Promise<{ value: T; retried: boolean }> => {
      for (let attempt = 0; ; attempt++) {
        try {
          const value = await work();
          await afterEach();
          return { value, retried: attempt > 0 };
        } catch (error) {
          const unanswered = error instanceof AntsApiError && error.code === 'UNAVAILABLE';
          if (!unanswered || attempt >= 60) throw error;
          if (error.status === 500) stats.errors500++;
          stats.retries++;
          await pause(100);
        }
      }
    };
    const anotherInstance = (): AntsClient => {
      const up = direct.filter((_, i) => alive[i]);
      return up[Math.floor(Math.random() * up.length)]!;
    };
    /** A transition retried after a lost answer may find itself done: the state says whether it is. */
    const transition = async (number: string, work: () => Promise<unknown>, done: (state: string) => boolean) => {
      try {
        await call(work);
      } catch (error) {
        if (!(error instanceof AntsApiError) || error.status !== 409) throw error;
        const { value } = await call(() => vendor.getApplication(number));
        if (!done(value.state)) throw error;
        stats.refusedAfterRetry++;
      }
    };
    const identityBytes = await pdf(1);
    let completed = 0;
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < demands; i = next++) {
        const key = crypto.randomUUID();
        const request = draftRequest({ paperMandate: true });
        const { value: app } = await call(() => vendor.createApplication(request, key));
        const files = [
          { kind: 'identity' as const, name: 'cni.pdf', bytes: identityBytes },
          { kind: 'proof_of_address' as const, name: 'facture.png', bytes: PNG },
        ];
        for (const file of files) {
          const { value: kept } = await call(() => vendor.uploadPiece(app.number, file.kind, file));
          const { value: read } = await call(() => anotherInstance().downloadPieceFile(app.number, kept.id));
          if (sha256(read.bytes) !== sha256(file.bytes)) stats.mismatched++;
        }
        await transition(
          app.number,
          () => vendor.validateApplication(app.number),
          (s) => s !== 'draft',
        );
        const accept = i % 2 === 0;
        await transition(
          app.number,
          async () => {
            const answer = accept
              ? await agent('POST', `/api/agent/applications/${app.number}/accept`, {})
              : await agent('POST', `/api/agent/applications/${app.number}/reject`, { reason: 'Pièce illisible' });
            if (answer.status >= 500 || answer.status === 0) {
              throw new AntsApiError(answer.status, 'UNAVAILABLE', 'indisponible');
            }
            if (answer.status === 409) throw new AntsApiError(409, 'TRANSITION_REFUSED', 'déjà fait');
            if (answer.status !== 200) throw new Error(`décision : ${answer.status}`);
          },
          (s) => s === (accept ? 'accepted' : 'rejected'),
        );
        completed++;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: WORKERS }, worker));
    await restarted;
    const loadSeconds = (performance.now() - started) / 1000;
    const load = stats.sent;

    // What the national service holds.
    const held = await one<{ n: number; keys: number }>(
      `select count(*)::int n, count(distinct idempotency_key)::int keys from applications where pro_account_id = $1`,
      [accountId],
    );
    const pieces = await one<{ n: number; twice: number; orphans: number; missing: number }>(
      `select (select count(*)::int from piece_files) n,
              (select count(*)::int from (select 1 from piece_files group by application_id, kind having count(*) > 1) t) twice,
              (select count(*)::int from stored_files s where not exists (select 1 from piece_files p where p.storage_name = s.name)) orphans,
              (select count(*)::int from piece_files p where not exists (select 1 from stored_files s where s.name = p.storage_name)) missing`,
    );
    // Every file kept, read through each of the three instances.
    const kept = (
      await client.query(
        `select a.number, p.id, p.sha256 from piece_files p join applications a on a.id = p.application_id`,
      )
    ).rows as { number: string; id: string; sha256: string }[];
    let unreadable = 0;
    for (const file of kept) {
      for (const client of direct) {
        const { value } = await call(() => client.downloadPieceFile(file.number, file.id));
        if (sha256(value.bytes) !== file.sha256) unreadable++;
      }
    }
    // Every webhook event delivered (none left to send), each received by the school.
    await waitFor(
      async () =>
        (await one<{ n: number }>(`select count(*)::int n from webhook_events where status = 'pending'`)).n === 0,
      "l'envoi de tous les webhooks",
      children,
    );
    const events = (await client.query(`select id, status from webhook_events where pro_account_id = $1`, [accountId]))
      .rows as { id: string; status: string }[];
    const receivedOnce = new Set(received);
    const notReceived = events.filter((e) => !receivedOnce.has(e.id)).length;
    const repeats = received.length - receivedOnce.size;
    const failed = events.filter((e) => e.status !== 'delivered').length;
    // The school's "Mettre à jour" of the office, through the load balancer.
    const school = await schoolSession(`http://127.0.0.1:${schoolPort}`, 'dirigeant', 'Dirigeant-2026!');
    const { offices } = await school<{ offices: { id: string; name: string }[] }>('GET', '/api/offices');
    const officeId = offices.find((o) => o.name === 'BREQUIGNY')!.id;
    await school('POST', `/api/admin/offices/${officeId}/sync`, {});
    await waitFor(
      async () =>
        (await school<{ run: { status: string } }>('GET', `/api/admin/offices/${officeId}/sync`)).run.status === 'done',
      'la fin de « Mettre à jour »',
      children,
    );
    const list = await school<{ total: number }>(
      'GET',
      `/api/admin/online-applications?officeId=${officeId}&pageSize=10`,
    );
    const lost = demands - completed;
    const duplicated = Math.max(0, held.n - demands);
    const ok =
      lost === 0 &&
      held.n === demands &&
      held.keys === demands &&
      pieces.twice === 0 &&
      pieces.orphans === 0 &&
      pieces.missing === 0 &&
      pieces.n === demands && // the identity file goes with the decision; the proof of address stays
      unreadable === 0 &&
      stats.mismatched === 0 &&
      stats.errors500 === 0 &&
      notReceived === 0 &&
      failed === 0 &&
      // A delivery in flight when its instance died is sent again once its claim ends (the school
      // drops the repeat by its webhook-id): at most one, the school's pushes going one at a time.
      repeats <= 1 &&
      list.total === demands;
    return [
      {
        drill: `${SCALE_OUT} (${load} requêtes mêlées)`,
        figure:
          `${demands} demandes en ${loadSeconds.toFixed(1)} s (${Math.round(load / loadSeconds)} req/s) ; ` +
          `${stats.retries} nouvelles tentatives (${stats.refusedAfterRetry} trouvées déjà faites), ${stats.errors500} réponse 500 ; ` +
          `${held.n} enregistrées, ${lost} perdue, ${duplicated} doublon ; pièces ${pieces.n} (${pieces.twice} en double, ` +
          `${pieces.orphans} orpheline, ${pieces.missing} manquante), ${kept.length * 3 - unreadable}/${kept.length * 3} lectures ` +
          `par les 3 instances ; webhooks ${events.length} événements, ${receivedOnce.size} reçus, ${repeats} répétés, ` +
          `${notReceived} non reçus ; « Mettre à jour » : ${list.total} dans la liste`,
        ok,
      },
    ];
  } finally {
    await national?.end().catch(() => undefined);
    for (const child of children) await kill9(child).catch(() => undefined);
    receiver?.close();
    await postgres.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

/** Waits for what the drill reads as long as its processes (or this one) compute (`waitUntil`). */
function waitFor(check: () => Promise<boolean>, what: string, watched: readonly ChildProcess[]) {
  return waitUntil(what, check, { watch: [...watched, process] });
}
