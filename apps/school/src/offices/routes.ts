import type { HttpServer } from '@permis/platform';
import { asc, eq } from 'drizzle-orm';
import { type AuthContext, requireUser } from '../auth/context.ts';
import { offices } from '../db/schema.ts';

/** Paramètres > Bureaux (read side). The ANTS password never leaves the server: only whether one is set. */
export function officeRoutes(app: HttpServer, ctx: AuthContext) {
  app.get('/api/offices', async (request) => {
    const me = await requireUser(ctx, request);
    const rows = await ctx.db
      .select()
      .from(offices)
      .where(eq(offices.schoolId, me.schoolId))
      .orderBy(asc(offices.name));
    return {
      offices: rows.map(({ antsPasswordSealed, schoolId: _s, ...office }) => ({
        ...office,
        hasAntsPassword: Boolean(antsPasswordSealed),
      })),
    };
  });
}
