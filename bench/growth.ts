import { createApplicationSchema, listQuerySchema } from '@permis/ants-api';
import { createSecretBox, generateKey, openDatabase, parseKey } from '@permis/platform';
import { adminListQuerySchema as listQuery } from '@permis/school-api';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { createApplication } from '../apps/ants/src/applications/create.ts';
import { findOwnApplication } from '../apps/ants/src/applications/find.ts';
import { listApplications } from '../apps/ants/src/applications/list.ts';
import { MIGRATIONS_FOLDER as ANTS_MIGRATIONS } from '../apps/ants/src/config.ts';
import { schema as antsSchema } from '../apps/ants/src/db/index.ts';
import { proAccounts } from '../apps/ants/src/db/schema.ts';
import { seedDemo as seedAnts } from '../apps/ants/src/seed/demo.ts';
import { draftRequest } from '../apps/ants/test/api.ts';
import { counters, listPage } from '../apps/school/src/admin/query.ts';
import { MIGRATIONS_FOLDER as SCHOOL_MIGRATIONS } from '../apps/school/src/config.ts';
import { schema as schoolSchema } from '../apps/school/src/db/index.ts';
import { offices, schools } from '../apps/school/src/db/schema.ts';
import { seedDemo as seedSchool } from '../apps/school/src/seed/demo.ts';
import { startPostgres } from '../drills/postgres.ts';
import { measure, medianOf, type Row } from './stats.ts';

/** Repetitions of each figure (its median and spread), and calls per repetition (their p50). */
const RUNS = 5;
const CALLS = 200;

type Statement = { query: string; params: unknown[] };

/**
 * A database whose query builder's statements can be recorded: the baseline of a figure is the
 * exact SQL the domain function sent (same text, same values, same indexes), run bare with `pg`.
 */
async function recordingDatabase<T extends Record<string, unknown>>(schema: T, url: string) {
  let recording: Statement[] | undefined;
  const database = await openDatabase({
    schema,
    url,
    logQuery: (query, params) => recording?.push({ query, params }),
  });
  return {
    database,
    async capture(work: () => Promise<unknown>): Promise<Statement[]> {
      recording = [];
      await work();
      const captured = recording;
      recording = undefined;
      return captured;
    },
  };
}

/** The p50 of `CALLS` calls, `RUNS` times: the median of those p50s and their spread. */
async function figure(work: () => Promise<unknown>) {
  const p50s: number[] = [];
  for (let run = 0; run < RUNS; run++) p50s.push((await measure(CALLS, work)).p50);
  return medianOf(p50s, 'ms', 2);
}

/** The statements as the function sent them: together when it sent them together (its Promise.all). */
const bare = (pool: pg.Pool, statements: Statement[]) => () =>
  Promise.all(statements.map((s) => pool.query(s.query, s.params as unknown[])));

/** How cost grows from the first size to the last: t ∝ size^exponent (0: flat, 1: linear). */
const exponent = (sizes: number[], times: number[]) =>
  Math.log(times.at(-1)! / times[0]!) / Math.log(sizes.at(-1)! / sizes[0]!);

const count = (n: number) => n.toLocaleString('fr-FR');

/**
 * Issue 17's growth table, on a PostgreSQL server of its own: a school account's page of the
 * professional list and a read by number as the account holds 10,000 → 100,000 → 1,000,000
 * demands, and the school's list + counters as an office holds 2,000 → 20,000 → 200,000; each
 * against the same SQL run bare.
 */
export async function growthScenario(): Promise<Row[]> {
  const rows: Row[] = [];
  const sizes = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
  const officeSizes = (process.env.BENCH_OFFICE_SIZES ?? '2000,20000,200000').split(',').map(Number);
  const postgres = await startPostgres();
  const pool = new pg.Pool({ connectionString: await postgres.createDatabase('ants'), max: 10 });
  try {
    const ants = await recordingDatabase(antsSchema, pool.options.connectionString!);
    await openDatabase({
      schema: antsSchema,
      url: pool.options.connectionString!,
      migrationsFolder: ANTS_MIGRATIONS,
    }).then(async (d) => {
      await seedAnts(d.db);
      await d.close();
    });
    const db = ants.database.db;
    const [account] = await db.select().from(proAccounts).limit(1);
    // One demand made as a school makes it; the others are its copies.
    const { row: seed } = await createApplication(
      db,
      { id: account!.id, userId: null },
      'bench',
      createApplicationSchema.parse(draftRequest()),
    );
    let held = 1;
    const list: number[] = [];
    const listBare: number[] = [];
    const byNumber: number[] = [];
    const byNumberBare: number[] = [];
    const texts: string[] = [];
    for (const size of sizes) {
      await db.execute(sql`
        insert into applications (number, type, state, pro_account_id, candidate_id, candidate, dossier, created_at, updated_at)
        select '9012026' || lpad(g::text, 16, '0'), type, state, pro_account_id, candidate_id, candidate, dossier,
               timestamptz '2026-01-01' + (g || ' seconds')::interval, timestamptz '2026-01-01' + (g || ' seconds')::interval
          from applications, generate_series(${held}::int, ${size - 1}::int) g where id = ${seed.id}`);
      held = size;
      await pool.query('vacuum analyze applications');
      const query = listQuerySchema.parse({ limit: 50 });
      const middle = `9012026${String(Math.floor(size / 2)).padStart(16, '0')}`;
      const page = () => listApplications(db, account!.id, query);
      const one = () => findOwnApplication(db, account!.id, middle);
      const pageFigure = await figure(page);
      const pageBare = await figure(bare(pool, await ants.capture(page)));
      const oneFigure = await figure(one);
      const oneBare = await figure(bare(pool, await ants.capture(one)));
      list.push(pageFigure.median);
      listBare.push(pageBare.median);
      byNumber.push(oneFigure.median);
      byNumberBare.push(oneBare.median);
      texts.push(
        `${count(size)} : page ${pageFigure.text}, SQL nu ${pageBare.text} ; par numéro ${oneFigure.text}, SQL nu ${oneBare.text}`,
      );
    }
    const at100k = sizes.indexOf(100000);
    rows.push(
      ...texts.map((text) => ({
        scenario: 'liste pro (50 par page) et lecture par numéro',
        figure: text,
        detail: true as const,
      })),
      {
        scenario: `croissance ${count(sizes[0]!)} → ${count(sizes.at(-1)!)} demandes d’un compte`,
        figure: `exposant page ${exponent(sizes, list).toFixed(2)} (SQL nu ${exponent(sizes, listBare).toFixed(2)}), par numéro ${exponent(sizes, byNumber).toFixed(2)} (SQL nu ${exponent(sizes, byNumberBare).toFixed(2)})`,
        target: `page < 5 ms à 100 000${at100k >= 0 ? ` : ${list[at100k]!.toFixed(2)} ms` : ''} ; exposant ≤ 0,05`,
        met: (at100k < 0 || list[at100k]! < 5) && exponent(sizes, list) <= 0.05 && exponent(sizes, byNumber) <= 0.05,
      },
    );
    await ants.database.close();

    // The school: an office's list + counters as it grows.
    const schoolUrl = await postgres.createDatabase('school');
    const school = await recordingDatabase(schoolSchema, schoolUrl);
    await openDatabase({ schema: schoolSchema, url: schoolUrl, migrationsFolder: SCHOOL_MIGRATIONS }).then(
      async (d) => {
        await seedSchool(d.db, createSecretBox(parseKey(generateKey())));
        await d.close();
      },
    );
    const schoolPool = new pg.Pool({ connectionString: schoolUrl, max: 10 });
    const sdb = school.database.db;
    const [{ id: schoolId }] = (await sdb.select({ id: schools.id }).from(schools).limit(1)) as [{ id: string }];
    const [office] = await sdb.select().from(offices).where(eq(offices.name, 'BREQUIGNY'));
    const [other] = await sdb.select().from(offices).where(eq(offices.name, 'SAINT-PRIEST'));
    let filled = 0;
    const officeTimes: number[] = [];
    const officeBare: number[] = [];
    const officeTexts: string[] = [];
    for (const size of officeSizes) {
      // As many in the other office: the list reads one office among others.
      await sdb.execute(sql`
        insert into online_applications (school_id, office_id, type, number, candidate_name, ants_id, state, state_label,
                                         remote_created_at, remote_updated_at)
        select ${schoolId}::uuid, case when g % 2 = 0 then ${office!.id}::uuid else ${other!.id}::uuid end,
               case when g % 3 = 0 then '06' else '02' end, '9012026' || lpad(g::text, 16, '0'), 'Camille MARTIN', gen_random_uuid(),
               (array['draft','awaiting_candidate','under_instruction','to_complete','accepted','rejected'])[1 + g % 6], 'Brouillon',
               timestamptz '2025-01-01' + (g || ' minutes')::interval, timestamptz '2025-01-01' + (g || ' minutes')::interval
          from generate_series(${filled * 2 + 1}::int, ${size * 2}::int) g`);
      filled = size;
      await schoolPool.query('vacuum analyze online_applications');
      const q = listQuery.parse({ officeId: office!.id });
      const work = () => Promise.all([listPage(sdb, schoolId, q), counters(sdb, schoolId, q)]);
      const measured = await figure(work);
      const baseline = await figure(bare(schoolPool, await school.capture(work)));
      officeTimes.push(measured.median);
      officeBare.push(baseline.median);
      officeTexts.push(`${count(size)} : ${measured.text}, SQL nu ${baseline.text}`);
    }
    const ratio = officeTimes[1]! / officeTimes[0]!;
    rows.push(
      ...officeTexts.map((text) => ({
        scenario: 'liste + compteurs d’une agence',
        figure: text,
        detail: true as const,
      })),
      {
        scenario: `croissance ${count(officeSizes[0]!)} → ${count(officeSizes.at(-1)!)} demandes d’une agence`,
        figure: `${count(officeSizes[1]!)} / ${count(officeSizes[0]!)} = ${ratio.toFixed(2)}× ; exposant ${exponent(officeSizes, officeTimes).toFixed(2)} (SQL nu ${exponent(officeSizes, officeBare).toFixed(2)})`,
        target: '≤ 3× de 2 000 à 20 000',
        met: ratio <= 3,
      },
    );
    await schoolPool.end();
    await school.database.close();
  } finally {
    await pool.end();
    await postgres.stop();
  }
  return rows;
}
