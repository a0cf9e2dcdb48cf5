import { z } from 'zod';
import type { ExecuteSql } from './db.ts';
import type { HttpServer } from './http.ts';
import { mount } from './mount.ts';
import { route } from './route.ts';

/** What the load balancer and the operators read: the service answers and its database too. */
export const healthRoute = route({
  method: 'GET',
  path: '/api/health',
  response: z.object({
    status: z.literal('ok'),
    service: z.string(),
    database: z.enum(['pglite', 'postgres']),
  }),
});

/** Both services' health route: a round trip to the database, or no answer at all. */
export function mountHealth(
  app: HttpServer,
  service: string,
  database: { kind: 'pglite' | 'postgres'; executeSql: ExecuteSql },
) {
  mount(app, healthRoute, { access: 'public' }, async () => {
    await database.executeSql('select 1');
    return { status: 'ok' as const, service, database: database.kind };
  });
}
