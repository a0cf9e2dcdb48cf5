import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AntsApiError, createAntsClient } from '@permis/ants-api';
import { generateKey } from '@permis/platform';
import { sql } from 'drizzle-orm';
import { draftRequest, startAntsHttp } from '../apps/ants/test/api.ts';
import { PRO } from '../apps/ants/test/harness.ts';
import { waitUntil } from '../scripts/system.ts';
import type { Figure } from './report.ts';
import { freePort, kill9, schoolSession, startServiceProcess } from './services.ts';

type Run = { status: string; fetched: number; total: number | null };

/**
 * kill -9 of the school in the middle of "Mettre à jour" (3,000 applications), then a restart: the
 * run resumes from its saved cursor and completes, nothing duplicated or lost.
 */
export async function killSchoolDrill(): Promise<Figure[]> {
  const ants = await startAntsHttp();
  const seed = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
  await ants.db.execute(sql`
    insert into applications (number, type, state, pro_account_id, candidate_id, candidate, dossier, created_at, updated_at)
    select '9212026' || lpad(g::text, 16, '0'), type, state, pro_account_id, candidate_id, candidate, dossier,
           now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval
      from applications, generate_series(1, 2999) g where number = ${seed.number}`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'drill-school-'));
  const port = await freePort();
  const env = {
    PORT: String(port),
    DATA_DIR: dataDir,
    SEED_DEMO: '1',
    SCHOOL_SECRET_KEY: generateKey(),
    ANTS_URL: ants.baseUrl,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: '',
  };
  const url = `http://127.0.0.1:${port}`;
  let school = await startServiceProcess('school', env);
  try {
    let call = await schoolSession(url, 'dirigeant', 'Dirigeant-2026!');
    const { offices } = await call<{ offices: { id: string; name: string }[] }>('GET', '/api/offices');
    const officeId = offices.find((o) => o.name === 'BREQUIGNY')!.id;
    await call('POST', `/api/admin/offices/${officeId}/sync`, {});
    let run: Run = { status: 'queued', fetched: 0, total: null };
    // Killed once well started: polled often, so that the kill comes long before the end.
    await waitUntil(
      '« Mettre à jour » à 400 demandes lues',
      async () => {
        run = (await call<{ run: Run }>('GET', `/api/admin/offices/${officeId}/sync`)).run;
        return run.fetched >= 400;
      },
      { watch: [school, process], everyMs: 20 },
    );
    const atKill = run.fetched;
    await kill9(school);
    const restartAt = performance.now();
    school = await startServiceProcess('school', env);
    call = await schoolSession(url, 'dirigeant', 'Dirigeant-2026!');
    await waitUntil(
      'la fin de « Mettre à jour » après la relance',
      async () => {
        run = (await call<{ run: Run }>('GET', `/api/admin/offices/${officeId}/sync`)).run;
        return run.status === 'done';
      },
      { watch: [school, process] },
    );
    const resumedIn = (performance.now() - restartAt) / 1000;
    const list = await call<{ total: number }>(
      'GET',
      `/api/admin/online-applications?officeId=${officeId}&pageSize=10`,
    );
    return [
      {
        drill: 'kill -9 de l’auto-école pendant « Mettre à jour » (3 000 demandes)',
        figure: `tuée à ${atKill}/${run.total ?? '?'} ; relancée, terminée en ${resumedIn.toFixed(1)} s (« ${run.status} ») ; ${list.total} demandes dans la liste`,
        ok: run.status === 'done' && list.total === 3000 && atKill < 3000,
      },
    ];
  } finally {
    await kill9(school).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    await ants.close();
  }
}

/**
 * kill -9 of the national service while a school creates applications (retrying with the same key),
 * then a restart: every application exists once.
 */
export async function killAntsDrill(runs: number): Promise<Figure[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'drill-ants-'));
  const port = await freePort();
  const env = {
    PORT: String(port),
    DATA_DIR: dataDir,
    SEED_DEMO: '1',
    ANTS_SECRET_KEY: generateKey(),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: '',
  };
  let ants = await startServiceProcess('ants', env);
  const client = createAntsClient({ baseUrl: `http://127.0.0.1:${port}`, credentials: PRO, timeoutMs: 3000 });
  let retries = 0;
  let killedAt = -1;
  const numbers = new Set<string>();
  try {
    for (let i = 0; i < runs; i++) {
      const key = crypto.randomUUID();
      const request = draftRequest();
      if (i === Math.floor(runs / 2)) {
        // Killed while this creation is on its way (committed or not), then brought back: the
        // client retries it with the same key, as after any unanswered call.
        const pending = client.createApplication(request, key).catch(() => null);
        await new Promise((resolve) => setTimeout(resolve, 5));
        await kill9(ants);
        killedAt = i;
        await pending;
        ants = await startServiceProcess('ants', env);
      }
      for (let attempt = 1; attempt <= 100; attempt++) {
        try {
          numbers.add((await client.createApplication(request, key)).number);
          break;
        } catch (error) {
          if (!(error instanceof AntsApiError) || error.code !== 'UNAVAILABLE') throw error;
          retries++;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    }
    let listed = 0;
    let cursor: string | undefined;
    do {
      const page = await client.listApplications({ cursor, limit: 500 });
      listed += page.applications.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const ok = numbers.size === runs && listed === runs;
    return [
      {
        drill: `kill -9 du service national pendant les créations (${runs})`,
        figure: `tué pendant la création ${killedAt}, relancé ; ${retries} nouvelles tentatives ; ${numbers.size}/${runs} créées, ${listed} enregistrées, ${listed - numbers.size} doublon`,
        ok,
      },
    ];
  } finally {
    await kill9(ants).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
