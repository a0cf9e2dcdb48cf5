import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { unauthenticated } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route: one of its service's access kinds (enforceAccess). */
    access?: string;
  }
}

/** How each access kind is checked; `null` lets anyone in (the route checks its own credentials, if any). */
export type AccessChecks<Kind extends string> = Record<Kind, ((request: FastifyRequest) => Promise<unknown>) | null>;

/**
 * Each route says who may call it (`config: { access }`), and this one hook checks it before the
 * body is even validated: an anonymous caller learns nothing of the routes' rules. A route of the
 * API (or of /dev) that declares nothing, or a kind this service does not know, stops the service
 * at start: no route is ever open by omission. Handlers still check the full access (account
 * active, rights, ownership) themselves.
 */
export function enforceAccess<Kind extends string>(app: FastifyInstance, checks: AccessChecks<Kind>) {
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  app.addHook('onReady', async () => {
    const undeclared = routes
      .filter((route) => /^\/(api|dev)\//.test(route.url))
      .filter((route) => !route.config?.access || !(route.config.access in checks))
      .map((route) => `${[route.method].flat().join(',')} ${route.url}`);
    if (undeclared.length > 0) throw new Error(`Routes sans accès déclaré : ${undeclared.join(' ; ')}`);
  });
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) return;
    const check = (checks as Record<string, AccessChecks<Kind>[Kind] | undefined>)[access];
    if (check === undefined) throw unauthenticated();
    if (check) await check(request);
  });
}

/** Registers a third-party plugin (a documentation page) whose routes all take one access kind. */
export async function registerWithAccess(
  app: FastifyInstance,
  access: string,
  register: (scope: FastifyInstance) => Promise<void>,
) {
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...route.config, access };
    });
    await register(scope);
  });
}
