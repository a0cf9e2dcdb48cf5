import { AntsApiError, createAntsClient } from '@permis/ants-api';
import { sql } from 'drizzle-orm';
import { applications } from '../apps/ants/src/db/schema.ts';
import { draftRequest, startAntsHttp } from '../apps/ants/test/api.ts';
import { PRO } from '../apps/ants/test/harness.ts';
import { startFaultyProxy } from './proxy.ts';
import type { Figure } from './report.ts';

/**
 * The school's software creates applications through a network that cuts connections at random
 * (before the request arrives, or after the national service answered), retrying with the same
 * idempotency key until it gets an answer. Expected: no duplicate, nothing lost.
 */
export async function cutConnectionsDrill(runs: number): Promise<Figure[]> {
  const ants = await startAntsHttp();
  const port = Number(new URL(ants.baseUrl).port);
  const proxy = await startFaultyProxy({ host: '127.0.0.1', port }, 0.4);
  proxy.setMode('flaky');
  const client = createAntsClient({ baseUrl: proxy.url, credentials: PRO, timeoutMs: 3000 });
  const numbers = new Set<string>();
  let retries = 0;
  let gaveUp = 0;
  const start = performance.now();
  try {
    for (let i = 0; i < runs; i++) {
      const key = crypto.randomUUID();
      const request = draftRequest();
      for (let attempt = 1; ; attempt++) {
        try {
          numbers.add((await client.createApplication(request, key)).number);
          break;
        } catch (error) {
          if (!(error instanceof AntsApiError) || error.code !== 'UNAVAILABLE') throw error;
          retries++;
          if (attempt === 50) {
            gaveUp++;
            break;
          }
        }
      }
    }
    const [stored] = (await ants.db
      .select({ n: sql<number>`count(*)::int`, keys: sql<number>`count(distinct ${applications.idempotencyKey})::int` })
      .from(applications)) as [{ n: number; keys: number }];
    const duplicates = stored.n - stored.keys;
    const lost = runs - numbers.size;
    return [
      {
        drill: `connexion coupée au hasard (${runs} créations)`,
        figure: `${proxy.stats.cutBefore} coupures avant, ${proxy.stats.cutAfter} après la réponse, ${retries} nouvelles tentatives ; ${stored.n} demandes enregistrées, ${duplicates} doublon, ${lost} perdue, ${gaveUp} abandon ; ${((performance.now() - start) / 1000).toFixed(1)} s`,
        ok: duplicates === 0 && lost === 0 && gaveUp === 0 && stored.n === runs,
      },
    ];
  } finally {
    await proxy.close();
    await ants.close();
  }
}
