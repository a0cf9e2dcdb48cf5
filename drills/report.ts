import { machine } from '../scripts/runtime.ts';

export type Figure = { drill: string; figure: string; ok: boolean };

export function printReport(figures: Figure[]) {
  const base = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
  // The scale-out drill always runs on a PostgreSQL server of its own (several instances need one).
  console.log(`Machine : ${machine()}\nBase : ${base} (la montée en charge : un serveur PostgreSQL à elle)\n`);
  const width = Math.max(...figures.map((f) => f.drill.length));
  for (const f of figures) console.log(`${f.ok ? 'OK  ' : 'ÉCHEC'} ${f.drill.padEnd(width)} | ${f.figure}`);
}
