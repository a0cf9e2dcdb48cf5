import { pinnedNodeBinary } from '../scripts/runtime.ts';
import { hostileScenario } from './hostile.ts';
import { onlineScenario } from './online.ts';
import { referentielScenario } from './referentiel.ts';
import { sessionsScenario } from './sessions.ts';
import { machine, printTable, type Row } from './stats.ts';

/** `npm run bench`: every scenario's figures in one table, with the machine they were measured on. */
pinnedNodeBinary(); // figures of the pinned runtime only
const rows: Row[] = [];
const scenarios = {
  referentiel: referentielScenario,
  sessions: sessionsScenario,
  online: onlineScenario,
  hostile: hostileScenario,
};
// `npm run bench -- hostile`: only the scenarios named.
const chosen = process.argv.slice(2);
for (const [name, scenario] of Object.entries(scenarios)) {
  if (chosen.length === 0 || chosen.includes(name)) rows.push(...(await scenario()));
}
console.log(`Machine : ${machine()}\nBase : ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}\n`);
printTable(rows);
