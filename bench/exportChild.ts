import { readFileSync, writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openDatabase } from '@permis/platform';
import { adminListQuerySchema as listQuery } from '@permis/school-api';
import { exportList } from '../apps/school/src/admin/export.ts';
import { schema } from '../apps/school/src/db/index.ts';

/**
 * One Excel export in a process of its own (`exportScenario` starts it): the resident set before
 * the export, and its peak during it, read from the kernel (`VmHWM`, reset first through
 * `clear_refs`), so no sampler can be starved and nothing earlier inflates the figure.
 */
const [url, schoolId, officeId] = process.argv.slice(2) as [string, string, string];
const kib = (field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'))![1]);
const database = await openDatabase({ schema, url });
globalThis.gc?.();
writeFileSync('/proc/self/clear_refs', '5'); // resets VmHWM to the current resident set
const before = kib('VmRSS');
let bytes = 0;
const start = performance.now();
await pipeline(
  exportList(database.db, schoolId, listQuery.parse({ officeId })),
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  }),
);
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, bytes, growthMiB: (kib('VmHWM') - before) / 1024 }));
await database.close();
