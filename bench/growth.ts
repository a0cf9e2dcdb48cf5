import { createApplicationSchema, listQuerySchema } from '@permis/ants-api';
import { createSecretBox, generateKey, openDatabase, parseKey } from '@permis/platform';
import { adminListQuerySchema as listQuery } from '@permis/school-api';
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
import { seedDemo as seedSchool } from '../apps/school/src/seed/demo.ts';
import { startPostgres } from '../drills/postgres.ts';
import { measure, medianOf, type Row } from './stats.ts';

/** Repetitions of each figure (its median and spread), and calls per repetition (their p50). */
const RUNS = 5;
const CALLS = 200;
/** Schools (and the back office's offices) of the national volume. */
const SCHOOLS = 12_000;
/**
 * The schools (offices) the figures read, ranks 0 to 39: their own demands are fixed, of every size
 * (1 to 1,000 each, 9,380 in all), while the others' grow around them. What a school's page costs
 * must depend on its own demands, never on how many the 12,000 others hold.
 */
const MEASURED_OWN = [1, 5, 20, 50, 100, 200, 500, 1000];
const SAMPLED = 40;
const OWN_SQL = `(array[${MEASURED_OWN.join(',')}])[1 + s.rank % ${MEASURED_OWN.length}]`;
const OWN_TOTAL = Array.from({ length: SAMPLED }, (_, rank) => MEASURED_OWN[rank % MEASURED_OWN.length]!).reduce(
  (a, b) => a + b,
  0,
);
/** The rank of the school holding the others' demand g: a few large schools, most small (∝ u²). */
const OTHERS_RANK = `${SAMPLED} + floor(${SCHOOLS - SAMPLED} * r.u * r.u)::int`;
/** Pseudo-random u, v in [0, 1) of the demand g, the same at every run. */
const UV = `cross join lateral (select ((g::bigint * 2654435761) % 4294967296) / 4294967296.0 as u,
                                       ((g::bigint * 40503) % 65536) / 65536.0 as v) r`;

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

/** The p95 of `CALLS` calls going round `works`, `RUNS` times: the median of those p95s and their spread. */
async function p95Figure(works: (() => Promise<unknown>)[]) {
  const p95s: number[] = [];
  let next = 0;
  const work = () => works[next++ % works.length]!();
  for (let run = 0; run < RUNS; run++) p95s.push((await measure(CALLS, work)).p95);
  return medianOf(p95s, 'ms', 2);
}

/** Each call's statements, captured once, as bare calls in the same order. */
async function captureEach(
  recorder: { capture(work: () => Promise<unknown>): Promise<Statement[]> },
  pool: pg.Pool,
  works: (() => Promise<unknown>)[],
) {
  const bareCalls: (() => Promise<unknown>)[] = [];
  for (const work of works) bareCalls.push(bare(pool, await recorder.capture(work)));
  return bareCalls;
}

/** The statements as the function sent them: together when it sent them together (its Promise.all). */
const bare = (pool: pg.Pool, statements: Statement[]) => () =>
  Promise.all(statements.map((s) => pool.query(s.query, s.params as unknown[])));

/** How cost grows from the first size to the last: t ∝ size^exponent (0: flat, 1: linear). */
const exponent = (sizes: number[], times: number[]) =>
  Math.log(times.at(-1)! / times[0]!) / Math.log(sizes.at(-1)! / sizes[0]!);

const count = (n: number) => n.toLocaleString('fr-FR');

/**
 * Issues 17 and 37's growth table, on a PostgreSQL server of its own: the professional list (the
 * default page, with the count, filtered by state, type or date) and reads by number of 40 schools
 * holding 1 to 1,000 demands each, as the 12,000 schools of the country hold 10,000 → 100,000 →
 * 1,000,000 varied demands (a few large schools, most small), p95; and likewise the back office's
 * list + counters of 40 offices among 12,000; each against the same SQL run bare.
 */
export async function growthScenario(): Promise<Row[]> {
  const rows: Row[] = [];
  const sizes = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
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
    // One demand made as a school makes it; the others are varied copies of it.
    const { row: seed } = await createApplication(
      db,
      { id: account!.id, userId: null },
      'bench',
      createApplicationSchema.parse(draftRequest()),
    );
    // 12,000 schools, numbered by rank (the bench's table keeps the rank of each).
    await pool.query(`
      insert into pro_accounts (agrement_number, school_name, email, postal_code, city)
      select 'E99' || lpad(i::text, 8, '0'), 'AUTO-ÉCOLE ' || i, 'ecole' || i || '@example.fr', '35000', 'RENNES'
        from generate_series(0, ${SCHOOLS - 1}) i`);
    await pool.query(`
      create table bench_schools as
      select (row_number() over (order by agrement_number) - 1)::int as rank, id
        from pro_accounts where agrement_number like 'E99%'`);
    await pool.query('create unique index on bench_schools (rank)');
    const sampled = (
      await pool.query<{ rank: number; id: string }>('select rank, id from bench_schools where rank < $1', [SAMPLED])
    ).rows;
    /** Varied rows: each its school, type, state, candidate's name, and dates over two years. */
    const demands = (number: string, school: string) => `
      insert into applications (number, type, state, pro_account_id, candidate_id, candidate, dossier, created_at, updated_at)
      select ${number}, case when g % 3 = 0 then '06' else '02' end,
             (array['draft','awaiting_candidate','under_instruction','to_complete','accepted','rejected','refused_by_candidate']::application_state[])[1 + g % 7],
             ${school}, seed.candidate_id, jsonb_set(seed.candidate, '{birthName}', to_jsonb('NOM' || g)), seed.dossier,
             timestamptz '2025-01-01' + r.v * interval '700 days',
             timestamptz '2025-01-01' + r.v * interval '700 days' + (g % 20) * interval '1 day'`;
    const seedRow = `cross join (select candidate_id, candidate, dossier from applications where id = $1) seed`;
    // The measured schools' own demands, once.
    await pool.query(
      `${demands(`'9012025' || lpad((s.rank * 10000 + g)::text, 16, '0')`, 's.id')}
         from bench_schools s cross join lateral generate_series(0, ${OWN_SQL} - 1) g ${UV} ${seedRow}
        where s.rank < ${SAMPLED}`,
      [seed.id],
    );
    /** What a school's software asks: the default page, with the count, filtered by state or date. */
    const shapes = [
      {},
      { count: 'true' },
      { state: 'under_instruction', count: 'true' },
      { createdFrom: '2026-01-01' },
      { type: '06', count: 'true' },
    ].map((shape) => listQuerySchema.parse(shape));
    const calls = sampled.flatMap((school) => shapes.map((query) => () => listApplications(db, school.id, query)));
    let held = OWN_TOTAL;
    const list: number[] = [];
    const listBare: number[] = [];
    const byNumber: number[] = [];
    const byNumberBare: number[] = [];
    const texts: string[] = [];
    for (const size of sizes) {
      // The others' demands, up to this national volume.
      await pool.query(
        `${demands(`'9012026' || lpad(g::text, 16, '0')`, 's.id')}
           from generate_series($2::int, $3::int) g ${UV}
           join bench_schools s on s.rank = ${OTHERS_RANK} ${seedRow}`,
        [seed.id, held, size - 1],
      );
      held = size;
      await pool.query('vacuum analyze applications');
      // Reads by number: the last demand of each measured school.
      const reads = (
        await pool.query<{ number: string; school: string }>(
          `select '9012025' || lpad((s.rank * 10000 + ${OWN_SQL} - 1)::text, 16, '0') as number, s.id as school
             from bench_schools s where s.rank < ${SAMPLED}`,
        )
      ).rows.map((row) => () => findOwnApplication(db, row.school, row.number));
      const pageFigure = await p95Figure(calls);
      const pageBare = await p95Figure(await captureEach(ants, pool, calls));
      const oneFigure = await p95Figure(reads);
      const oneBare = await p95Figure(await captureEach(ants, pool, reads));
      list.push(pageFigure.median);
      listBare.push(pageBare.median);
      byNumber.push(oneFigure.median);
      byNumberBare.push(oneBare.median);
      texts.push(
        `${count(size)} : page p95 ${pageFigure.text}, SQL nu ${pageBare.text} ; par numéro p95 ${oneFigure.text}, SQL nu ${oneBare.text}`,
      );
    }
    const last = list.length - 1;
    rows.push(
      ...texts.map((text) => ({
        scenario: `liste pro (page par défaut, compte, filtres) et lecture par numéro de ${SAMPLED} écoles (1 à 1 000 demandes chacune)`,
        figure: text,
        detail: true as const,
      })),
      {
        scenario: `croissance ${count(sizes[0]!)} → ${count(sizes.at(-1)!)} demandes sur ${count(SCHOOLS)} écoles (les leurs inchangées)`,
        figure: `page p95 ${list[last]!.toFixed(2)} ms à ${count(sizes[last]!)} ; exposant page ${exponent(sizes, list).toFixed(2)} (SQL nu ${exponent(sizes, listBare).toFixed(2)}), par numéro ${exponent(sizes, byNumber).toFixed(2)} (SQL nu ${exponent(sizes, byNumberBare).toFixed(2)})`,
        target: `page p95 ≤ 5 ms au plus grand volume ; exposants ≤ 0,05`,
        met: list[last]! <= 5 && exponent(sizes, list) <= 0.05 && exponent(sizes, byNumber) <= 0.05,
      },
    );
    await ants.database.close();

    // The school back office: an office's list + counters, as the vendor's offices hold more demands.
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
    // The vendor's schools, two offices each: 12,000 offices, numbered by rank as the schools above.
    await schoolPool.query(`
      create table bench_offices as
      with made as (
        insert into schools (name) select 'AUTO-ÉCOLE ' || i from generate_series(0, ${SCHOOLS / 2 - 1}) i returning id
      )
      select id as school_id from made`);
    await schoolPool.query(`
      create table bench_office_ranks as
      with made as (
        insert into offices (school_id, name)
        select school_id, name from bench_offices, (values ('PRINCIPALE'), ('ANNEXE')) v(name) returning id, school_id
      )
      select (row_number() over (order by id) - 1)::int as rank, id, school_id from made`);
    await schoolPool.query('create unique index on bench_office_ranks (rank)');
    const officeSample = (
      await schoolPool.query<{ id: string; school_id: string }>(
        'select id, school_id from bench_office_ranks where rank < $1',
        [SAMPLED],
      )
    ).rows;
    /** Varied rows of online demands: each its office, type, state, candidate's name, and dates. */
    const onlineDemands = (number: string) => `
      insert into online_applications (school_id, office_id, type, number, candidate_name, ants_id, state, state_label,
                                       remote_created_at, remote_updated_at)
      select s.school_id, s.id, case when g % 3 = 0 then '06' else '02' end, ${number},
             'Camille NOM' || g, gen_random_uuid(),
             (array['draft','awaiting_candidate','under_instruction','to_complete','accepted','rejected'])[1 + g % 6], 'Brouillon',
             timestamptz '2025-01-01' + r.v * interval '700 days',
             timestamptz '2025-01-01' + r.v * interval '700 days' + (g % 20) * interval '1 day'`;
    // The measured offices' own demands, once.
    await schoolPool.query(
      `${onlineDemands(`'9012025' || lpad((s.rank * 10000 + g)::text, 16, '0')`)}
         from bench_office_ranks s cross join lateral generate_series(0, ${OWN_SQL} - 1) g ${UV}
        where s.rank < ${SAMPLED}`,
    );
    /** What a secretary asks: the default page of an office, filtered by type, state or date. */
    const officeShapes = [{}, { type: '02' }, { state: 'under_instruction' }, { createdFrom: '2026-01-01' }];
    const officeCalls = officeSample.flatMap((office) =>
      officeShapes.map((shape) => {
        const q = listQuery.parse({ officeId: office.id, ...shape });
        return () => Promise.all([listPage(sdb, office.school_id, q), counters(sdb, office.school_id, q)]);
      }),
    );
    let filled = OWN_TOTAL;
    const officeTimes: number[] = [];
    const officeBare: number[] = [];
    const officeTexts: string[] = [];
    for (const size of sizes) {
      await schoolPool.query(
        `${onlineDemands(`'9012026' || lpad(g::text, 16, '0')`)}
           from generate_series($1::int, $2::int) g ${UV}
           join bench_office_ranks s on s.rank = ${OTHERS_RANK}`,
        [filled, size - 1],
      );
      filled = size;
      await schoolPool.query('vacuum analyze online_applications');
      const measured = await p95Figure(officeCalls);
      const baseline = await p95Figure(await captureEach(school, schoolPool, officeCalls));
      officeTimes.push(measured.median);
      officeBare.push(baseline.median);
      officeTexts.push(`${count(size)} : p95 ${measured.text}, SQL nu ${baseline.text}`);
    }
    const officeLast = officeTimes.length - 1;
    rows.push(
      ...officeTexts.map((text) => ({
        scenario: `liste + compteurs d’une agence (page par défaut, filtres ; ${SAMPLED} agences de 1 à 1 000 demandes)`,
        figure: text,
        detail: true as const,
      })),
      {
        scenario: `croissance ${count(sizes[0]!)} → ${count(sizes.at(-1)!)} demandes sur ${count(SCHOOLS)} agences (les leurs inchangées)`,
        figure: `p95 ${officeTimes[officeLast]!.toFixed(2)} ms à ${count(sizes[officeLast]!)} ; exposant ${exponent(sizes, officeTimes).toFixed(2)} (SQL nu ${exponent(sizes, officeBare).toFixed(2)})`,
        target: 'p95 ≤ 5 ms au plus grand volume ; exposant ≤ 0,05',
        met: officeTimes[officeLast]! <= 5 && exponent(sizes, officeTimes) <= 0.05,
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
