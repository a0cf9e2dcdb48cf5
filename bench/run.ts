import { pinnedNodeBinary } from '../scripts/runtime.ts';
import { onlineScenario } from './online.ts';
import { referentielScenario } from './referentiel.ts';
import { sessionsScenario } from './sessions.ts';
import { machine, printTable, type Row } from './stats.ts';

/** `npm run bench`: every scenario's figures in one table, with the machine they were measured on. */
pinnedNodeBinary(); // figures of the pinned runtime only
const rows: Row[] = [];
for (const scenario of [referentielScenario, sessionsScenario, onlineScenario]) rows.push(...(await scenario()));
console.log(`Machine : ${machine()}\nBase : ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}\n`);
printTable(rows);
