import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSecretBox, generateKey, openDatabase, parseKey } from '@permis/platform';
import { eq, sql } from 'drizzle-orm';
import { MIGRATIONS_FOLDER } from '../apps/school/src/config.ts';
import { schema } from '../apps/school/src/db/index.ts';
import { offices, schools } from '../apps/school/src/db/schema.ts';
import { seedDemo } from '../apps/school/src/seed/demo.ts';
import { startPostgres } from '../drills/postgres.ts';
import { pinnedNodeBinary } from '../scripts/runtime.ts';
import { medianOf, type Row } from './stats.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 200000);

/** The Excel export of an office of 200,000 demands, 5 times, each in a fresh process (exportChild.ts). */
export async function exportScenario(): Promise<Row[]> {
  const postgres = await startPostgres();
  try {
    const url = await postgres.createDatabase('school');
    const database = await openDatabase({ schema, url, migrationsFolder: MIGRATIONS_FOLDER });
    await seedDemo(database.db, createSecretBox(parseKey(generateKey())));
    const [{ id: schoolId }] = (await database.db.select({ id: schools.id }).from(schools).limit(1)) as [
      { id: string },
    ];
    const [office] = await database.db.select().from(offices).where(eq(offices.name, 'BREQUIGNY'));
    await database.db.execute(sql`
      insert into online_applications (school_id, office_id, type, number, candidate_name, ants_id, state, state_label,
                                       neph, remote_created_at, remote_updated_at)
      select ${schoolId}::uuid, ${office!.id}::uuid, case when g % 3 = 0 then '06' else '02' end,
             '9012026' || lpad(g::text, 16, '0'), 'Camille MARTIN-' || g, gen_random_uuid(),
             (array['draft','awaiting_candidate','under_instruction','to_complete','accepted','rejected'])[1 + g % 6],
             'Dossier en cours de vérification des pièces justificatives', lpad(g::text, 12, '0'),
             timestamptz '2025-01-01' + (g || ' minutes')::interval, timestamptz '2025-01-01' + (g || ' minutes')::interval
        from generate_series(1, ${ROWS}::int) g`);
    await database.db.execute(sql`vacuum analyze online_applications`);
    await database.close();
    const runs = Array.from(
      { length: 5 },
      () =>
        JSON.parse(
          execFileSync(
            pinnedNodeBinary(),
            [
              ...(process.env.BENCH_CHILD_FLAGS?.split(' ') ?? []),
              '--expose-gc',
              '--import',
              'tsx',
              path.join(here, 'exportChild.ts'),
              url,
              schoolId,
              office!.id,
            ],
            { encoding: 'utf8' },
          ),
        ) as { ms: number; bytes: number; growthMiB: number },
    );
    const growth = medianOf(
      runs.map((r) => r.growthMiB),
      'Mo',
      0,
    );
    const time = medianOf(
      runs.map((r) => r.ms / 1000),
      's',
      1,
    );
    return [
      {
        scenario: `export Excel (${ROWS.toLocaleString('fr-FR')} lignes, processus neuf)`,
        figure: `${time.text}, ${(runs[0]!.bytes / 2 ** 20).toFixed(1)} Mo ; pic de mémoire +${growth.text}`,
        target: '< 100 Mo de plus, ≤ 10 s',
        met: growth.median < 100 && time.median <= 10,
      },
    ];
  } finally {
    await postgres.stop();
  }
}
