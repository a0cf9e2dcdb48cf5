import { readdirSync } from 'node:fs';
import os from 'node:os';
import { machine, pinnedNodeBinary } from '../scripts/runtime.ts';
import { exportScenario } from './exportMemory.ts';
import { growthScenario } from './growth.ts';
import { hostileScenario } from './hostile.ts';
import { lighthouseScenario } from './lighthouse.ts';
import { loadScenario } from './load.ts';
import { onlineScenario } from './online.ts';
import { pagesScenario } from './pages.ts';
import { referentielScenario } from './referentiel.ts';
import { sessionsScenario } from './sessions.ts';
import { misses, printTable, type Row } from './stats.ts';
import { validateScenario } from './validate.ts';

/** `npm run bench`: every scenario's figures in one table, with the machine they were measured on. */
pinnedNodeBinary(); // figures of the pinned runtime only
const rows: Row[] = [];
const startLoad = os.loadavg()[0]!.toFixed(2);
const scenarios = {
  // What each space's first page costs a phone (no timing: the built files' sizes).
  pages: pagesScenario,
  // The first pages in Lighthouse's mobile emulation, in Debian's Chromium.
  lighthouse: lighthouseScenario,
  referentiel: referentielScenario,
  sessions: sessionsScenario,
  online: onlineScenario,
  validate: validateScenario,
  hostile: hostileScenario,
  // On a PostgreSQL server of their own (Debian's postgresql): issue 17's growth, load and memory.
  growth: growthScenario,
  load: loadScenario,
  export: exportScenario,
};
// `npm run bench -- hostile`: only the scenarios named. Each runs on its own: a scenario that
// crashes is a missed line of the table, and the others still run.
const chosen = process.argv.slice(2);
for (const [name, scenario] of Object.entries(scenarios)) {
  if (chosen.length > 0 && !chosen.includes(name)) continue;
  try {
    rows.push(...(await scenario()));
  } catch (error) {
    rows.push({
      scenario: name,
      figure: `plantage : ${(error as Error).stack ?? error}`,
      target: 'sans erreur',
      met: false,
    });
  }
}
console.log(
  `Date : ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC\nMachine : ${machine()}\nCharge : ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(
      ' / ',
    )} (1, 5, 15 min) au départ ${startLoad}\nBase : PGlite (référentiel, sessions, online, hostile), PostgreSQL ${postgresVersion()} (growth, load, export)\n`,
);
printTable(rows);
const missed = misses(rows);
if (missed.length > 0) {
  console.error(`\n${missed.length} cible(s) manquée(s) :\n${missed.map((row) => `- ${row.scenario}`).join('\n')}`);
  process.exitCode = 1;
}

function postgresVersion(): string {
  return (
    readdirSync('/usr/lib/postgresql')
      .sort((a, b) => Number(a) - Number(b))
      .at(-1) ?? '?'
  );
}
