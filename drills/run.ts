import { pinnedNodeBinary } from '../scripts/runtime.ts';
import { cutConnectionsDrill } from './cutConnections.ts';
import { killAntsDrill, killSchoolDrill } from './killServices.ts';
import { mailOutageDrill } from './mailOutage.ts';
import { type Figure, printReport } from './report.ts';
import { scaleOutDrill } from './scaleOut.ts';
import { serviceFaultsDrill } from './serviceFaults.ts';

/** `npm run drills` (DRILL_RUNS=1000 by default; CI runs a bounded form): the system under faults. */
pinnedNodeBinary(); // the drills measure the pinned runtime, not the machine's
const runs = Number(process.env.DRILL_RUNS ?? 1000);
const figures: Figure[] = [
  ...(await cutConnectionsDrill(runs)),
  ...(await serviceFaultsDrill()),
  ...(await killSchoolDrill()),
  ...(await killAntsDrill(Math.min(100, runs))),
  ...(await mailOutageDrill(Math.min(50, runs))),
  ...(await scaleOutDrill(runs * 2)),
];
printReport(figures);
process.exit(figures.every((f) => f.ok) ? 0 : 1);
