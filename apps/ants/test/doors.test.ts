import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HttpServer } from '@permis/platform';
import { describe, expect, it } from 'vitest';
import { applicationRoutes } from '../src/applications/routes.ts';
import { documentRoutes } from '../src/documents/routes.ts';
import { ephotoRoutes } from '../src/ephoto/routes.ts';
import { pieceRoutes } from '../src/pieces/routes.ts';
import { proWebFileRoutes } from '../src/pro/webFileRoutes.ts';
import { proWebRoutes } from '../src/pro/webRoutes.ts';
import type { AntsServices } from '../src/services.ts';

/** Same address on both doors, different operations: each door's own, with why. */
const DIFFERENT_AT_SAME_ADDRESS: Record<string, string> = {
  'GET /applications': "the API's list syncs by cursor; the space's dashboard counts, searches and sorts",
};

type Registered = { method: string; url: string; operation?: string };

/** The routes the school's two doors register, read without a server (nothing runs). */
function registeredRoutes(): Registered[] {
  const routes: Registered[] = [];
  const app = new Proxy(
    {},
    {
      get: (_target, name: string) => (first: unknown, options?: { config?: { schoolOperation?: string } }) => {
        if (name === 'route') {
          const route = first as { method: string; url: string; config?: { schoolOperation?: string } };
          routes.push({ method: route.method, url: route.url, operation: route.config?.schoolOperation });
        } else {
          routes.push({
            method: name.toUpperCase(),
            url: first as string,
            operation: options?.config?.schoolOperation,
          });
        }
      },
    },
  ) as HttpServer;
  const ctx = {} as AntsServices;
  for (const routesOf of [
    applicationRoutes,
    pieceRoutes,
    ephotoRoutes,
    documentRoutes,
    proWebRoutes,
    proWebFileRoutes,
  ]) {
    routesOf(app, ctx);
  }
  return routes;
}

describe("the school's two doors (professional API, professional space)", () => {
  it('mount every operation they both offer from one declaration', () => {
    const routes = registeredRoutes();
    const doorOf = (prefix: string) =>
      new Map(
        routes
          .filter((route) => route.url.startsWith(prefix))
          .map((route) => [`${route.method} ${route.url.slice(prefix.length)}`, route.operation]),
      );
    const api = doorOf('/api/pro/v1');
    const web = doorOf('/api/pro/web');
    const shared = [...web.keys()].filter((route) => api.has(route) && !(route in DIFFERENT_AT_SAME_ADDRESS));
    // The demand, its history, changes and actions (7), its pièces (4), ePhoto (5) and documents (2).
    expect(shared).toHaveLength(18);
    const written = shared.filter((route) => !api.get(route) || api.get(route) !== web.get(route));
    expect(written, 'written once per door instead of declared once').toEqual([]);
  });

  it('leave the database to domain functions (no drizzle-orm, no schema in their route files)', () => {
    const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');
    const files = [
      'applications/routes.ts',
      'pieces/routes.ts',
      'ephoto/routes.ts',
      'documents/routes.ts',
      'pro/webRoutes.ts',
      'pro/webFileRoutes.ts',
      'pro/doors.ts',
    ];
    const querying = files.filter((file) =>
      /from '(drizzle-orm[^']*|[./]*db\/schema\.ts)'/.test(readFileSync(path.join(src, file), 'utf8')),
    );
    expect(querying).toEqual([]);
  });
});
