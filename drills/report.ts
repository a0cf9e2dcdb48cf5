import { machine } from '../bench/stats.ts';

export type Figure = { drill: string; figure: string; ok: boolean };

export function printReport(figures: Figure[]) {
  console.log(`Machine : ${machine()}\nBase : ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}\n`);
  const width = Math.max(...figures.map((f) => f.drill.length));
  for (const f of figures) console.log(`${f.ok ? 'OK  ' : 'ÉCHEC'} ${f.drill.padEnd(width)} | ${f.figure}`);
}
