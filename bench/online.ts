import type { ApplicationState, HeldApplication } from '@permis/ants-api';
import { createSecretBox } from '@permis/platform';
import { eq, sql } from 'drizzle-orm';
import { draftRequest, startAntsHttp } from '../apps/ants/test/api.ts';
import { createAntsClients } from '../apps/school/src/ants/clients.ts';
import { saveApplications } from '../apps/school/src/applications/store.ts';
import { offices, onlineApplications, schools, syncRuns } from '../apps/school/src/db/schema.ts';
import { runSync } from '../apps/school/src/sync/run.ts';
import { startSchool, TEST_KEY } from '../apps/school/test/harness.ts';
import { heldApplication } from '../apps/school/test/heldApplication.ts';
import { medianOf, type Row } from './stats.ts';

const f = (n: number) => `${n.toFixed(1)} ms`;

/** An application as the national service describes it, the n-th of a bench. */
function application(n: number, state: ApplicationState = 'draft'): HeldApplication {
  const label = state === 'draft' ? 'Brouillon' : 'Dossier en cours de vérification des pièces justificatives';
  return heldApplication(n, state, { stateLabel: label });
}

/**
 * Issue 7's figures: the bulk update of 10,000 applications against the same batched upsert of the
 * same rows, bare; an unchanged re-sync against a full one. (The list + counters and the export are
 * measured as they grow, on a PostgreSQL server: growth.ts, exportMemory.ts.)
 */
export async function onlineScenario(): Promise<Row[]> {
  const rows: Row[] = [];
  const school = await startSchool();
  try {
    const db = school.db;
    const [{ id: schoolId }] = (await db.select({ id: schools.id }).from(schools).limit(1)) as [{ id: string }];
    const [office] = await db.select().from(offices).where(eq(offices.name, 'BREQUIGNY'));
    const owner = { schoolId, officeId: office!.id };

    // 1. Bulk update: 10,000 known applications come back changed, by pages of 200; five rounds,
    // each against the bare upsert of the same rows into a copy of the table holding them.
    const first = Array.from({ length: 10000 }, (_, i) => application(i));
    for (let i = 0; i < first.length; i += 200) await saveApplications(db, owner, first.slice(i, i + 200));
    // The baseline's table holds the same 10,000 rows, so that it updates them as the product does.
    await db.execute(sql`create table bench_raw (like online_applications including all)`);
    await db.execute(sql`insert into bench_raw select * from online_applications`);
    const upserts: number[] = [];
    const raws: number[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < 5; round++) {
      const changed = first.map((app) => ({
        ...app,
        state: round % 2 ? ('accepted' as const) : ('under_instruction' as const),
        updatedAt: new Date().toISOString(),
      }));
      let start = performance.now();
      for (let i = 0; i < changed.length; i += 200) {
        await saveApplications(db, owner, changed.slice(i, i + 200), { returning: false });
      }
      const upsertMs = performance.now() - start;
      start = performance.now();
      for (let i = 0; i < changed.length; i += 200) {
        // The same rows, the same upsert on the same unique index, bare: no linking to students,
        // no dossier filling, no returning.
        const tuples = changed
          .slice(i, i + 200)
          .map(
            (app) =>
              sql`(${schoolId}, ${office!.id}, ${app.type}, ${app.number}, ${`${app.candidate.firstName} ${app.candidate.birthName}`}, ${app.id}, ${app.state}, ${app.stateLabel}, ${app.stateReason}, ${app.neph}, ${app.transferred}, ${app.paperMandate}, ${app.createdAt}, ${app.updatedAt}, now())`,
          );
        await db.execute(
          sql`insert into bench_raw (school_id, office_id, type, number, candidate_name, ants_id, state, state_label, state_reason, neph, transferred, paper_mandate, remote_created_at, remote_updated_at, synced_at) values ${sql.join(tuples, sql`, `)}
              on conflict (school_id, office_id, number) do update set type = excluded.type, candidate_name = excluded.candidate_name, ants_id = excluded.ants_id, state = excluded.state, state_label = excluded.state_label, state_reason = excluded.state_reason, neph = excluded.neph, transferred = excluded.transferred, paper_mandate = excluded.paper_mandate, remote_created_at = excluded.remote_created_at, remote_updated_at = excluded.remote_updated_at, synced_at = excluded.synced_at`,
        );
      }
      const rawMs = performance.now() - start;
      upserts.push(10000 / (upsertMs / 1000));
      raws.push(rawMs);
      ratios.push((rawMs / upsertMs) * 100);
    }
    rows.push({
      scenario: 'mise à jour en masse (10 000 demandes)',
      figure: `${medianOf(upserts, 'demandes/s', 0).text}; part du débit brut (upsert nu ${f(medianOf(raws).median)}) ${medianOf(ratios, '%', 0).text}`,
      target: '≥ 25 % du débit brut',
      met: medianOf(ratios).median >= 25,
    });
    await db.execute(sql`drop table bench_raw`);
    await db.delete(onlineApplications);

    // 2. Unchanged re-sync against a full one, from a real national service (5,000 applications).
    const ants = await startAntsHttp();
    try {
      const seed = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
      await ants.db.execute(sql`
        insert into applications (number, type, state, pro_account_id, candidate_id, candidate, dossier, created_at, updated_at)
        select '9212026' || lpad(g::text, 16, '0'), type, state, pro_account_id, candidate_id, candidate, dossier,
               now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval
          from applications, generate_series(1, 4999) g where number = ${seed.number}`);
      const clients = createAntsClients({ baseUrl: ants.baseUrl, box: createSecretBox(TEST_KEY) });
      const newRun = async () => {
        const [run] = await db
          .insert(syncRuns)
          .values({ ...owner, status: 'queued', windows: {} })
          .returning();
        return run!.id;
      };
      const fulls: number[] = [];
      const agains: number[] = [];
      const shares: number[] = [];
      let fetched = { full: 0, again: 0 };
      for (let round = 0; round < 5; round++) {
        // A full run each round: no earlier run, no copy, no cursor kept by the office.
        await db.delete(syncRuns);
        await db.delete(onlineApplications);
        await db.update(offices).set({ syncCursor: null }).where(eq(offices.id, office!.id));
        let start = performance.now();
        const full = await runSync(db, clients, await newRun());
        const fullMs = performance.now() - start;
        start = performance.now();
        const again = await runSync(db, clients, await newRun());
        const againMs = performance.now() - start;
        fulls.push(fullMs);
        agains.push(againMs);
        shares.push((againMs / fullMs) * 100);
        fetched = { full: full.fetched, again: again.fetched };
      }
      rows.push({
        scenario: 'resynchronisation sans changement',
        figure: `${medianOf(agains).text} (${fetched.again} reçue) contre ${f(medianOf(fulls).median)} pour la complète (${fetched.full}) → ${medianOf(shares, '%').text}`,
        target: '< 5 % de la complète',
        met: medianOf(shares).median < 5,
      });
    } finally {
      await ants.close();
    }
    await db.delete(syncRuns);
    await db.delete(onlineApplications);
  } finally {
    await school.close();
  }
  return rows;
}
