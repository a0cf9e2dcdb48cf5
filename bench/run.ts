import { readdirSync } from 'node:fs';
import { machine, pinnedNodeBinary } from '../scripts/runtime.ts';
import { exportScenario } from './exportMemory.ts';
import { growthScenario } from './growth.ts';
import { hostileScenario } from './hostile.ts';
import { loadScenario } from './load.ts';
import { onlineScenario } from './online.ts';
import { referentielScenario } from './referentiel.ts';
import { sessionsScenario } from './sessions.ts';
import { printTable, type Row } from './stats.ts';

/** `npm run bench`: every scenario's figures in one table, with the machine they were measured on. */
pinnedNodeBinary(); // figures of the pinned runtime only
const rows: Row[] = [];
const scenarios = {
  referentiel: referentielScenario,
  sessions: sessionsScenario,
  online: onlineScenario,
  hostile: hostileScenario,
  // On a PostgreSQL server of their own (Debian's postgresql): issue 17's growth, load and memory.
  growth: growthScenario,
  load: loadScenario,
  export: exportScenario,
};
// `npm run bench -- hostile`: only the scenarios named.
const chosen = process.argv.slice(2);
for (const [name, scenario] of Object.entries(scenarios)) {
  if (chosen.length === 0 || chosen.includes(name)) rows.push(...(await scenario()));
}
console.log(
  `Machine : ${machine()}\nBase : PGlite (référentiel, sessions, online, hostile), PostgreSQL ${postgresVersion()} (growth, load, export)\n`,
);
printTable(rows);

function postgresVersion(): string {
  return (
    readdirSync('/usr/lib/postgresql')
      .sort((a, b) => Number(a) - Number(b))
      .at(-1) ?? '?'
  );
}
