import type { HttpServer } from '@permis/platform';
import { asc, eq } from 'drizzle-orm';
import { type AuthContext, requireDirigeant, requireUser } from '../auth/context.ts';
import { offices } from '../db/schema.ts';

/**
 * Offices. Every user sees their names and addresses; the "Agrément pour Cerfa" block belongs to
 * Espace Dirigeant > Paramètres > Bureaux. The ANTS password never leaves the server: only whether one is set.
 */
export function officeRoutes(app: HttpServer, ctx: AuthContext) {
  const list = (schoolId: string) =>
    ctx.db.select().from(offices).where(eq(offices.schoolId, schoolId)).orderBy(asc(offices.name));

  app.get('/api/offices', async (request) => {
    const me = await requireUser(ctx, request);
    const rows = await list(me.schoolId);
    return {
      offices: rows.map((o) => ({
        id: o.id,
        name: o.name,
        addressLine: o.addressLine,
        postalCode: o.postalCode,
        city: o.city,
      })),
    };
  });

  app.get('/api/dirigeant/offices', async (request) => {
    const me = await requireDirigeant(ctx, request);
    const rows = await list(me.schoolId);
    return {
      offices: rows.map(({ antsPasswordSealed, schoolId: _s, ...office }) => ({
        ...office,
        hasAntsPassword: Boolean(antsPasswordSealed),
      })),
    };
  });
}
