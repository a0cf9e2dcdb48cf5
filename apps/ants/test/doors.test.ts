import type { HttpServer } from '@permis/platform';
import { describe, expect, it } from 'vitest';
import { applicationRoutes } from '../src/pro/applicationRoutes.ts';
import { entryRoutes } from '../src/pro/entryRoutes.ts';
import { proUserRoutes } from '../src/pro/userRoutes.ts';
import { proWebRoutes } from '../src/pro/webRoutes.ts';
import type { AntsServices } from '../src/services.ts';

/** Same address on both doors, different operations: each door's own, with why. */
const DIFFERENT_AT_SAME_ADDRESS: Record<string, string> = {
  'GET /applications': "the API's list syncs by cursor; the space's dashboard counts, searches and sorts",
};

type Registered = { method: string; url: string; operation?: string; answer?: boolean };

/** The routes the school's two doors register, read without a server (nothing runs). */
function registeredRoutes(): Registered[] {
  const routes: Registered[] = [];
  const app = new Proxy(
    {},
    {
      get: (_target, name: string) => (first: unknown, options?: { config?: { schoolOperation?: string } }) => {
        if (name === 'route') {
          const route = first as {
            method: string;
            url: string;
            config?: { schoolOperation?: string };
            schema?: { response?: unknown };
          };
          routes.push({
            method: route.method,
            url: route.url,
            operation: route.config?.schoolOperation,
            answer: route.schema?.response !== undefined,
          });
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
  for (const routesOf of [applicationRoutes, proWebRoutes, entryRoutes, proUserRoutes]) {
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

  it('check every JSON answer of the professional space against the contract the pages read', () => {
    const unchecked = registeredRoutes()
      .filter((route) => route.url.startsWith('/api/pro/web') && !route.answer)
      .map((route) => `${route.method} ${route.url}`);
    // Files (a PDF, an image) only: the page links to them, no JSON to check.
    expect(unchecked.sort()).toEqual([
      'GET /api/pro/web/applications/:number/documents/:kind',
      'GET /api/pro/web/applications/:number/ephoto/photo',
      'GET /api/pro/web/applications/:number/ephoto/signature',
      'GET /api/pro/web/applications/:number/pieces/files/:fileId',
    ]);
  });
});
