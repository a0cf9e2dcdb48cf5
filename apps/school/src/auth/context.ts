import { forbidden, type SessionManager, unauthenticated } from '@permis/platform';
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { SchoolDb } from '../db/index.ts';
import { schools, userRights, users } from '../db/schema.ts';
import { schoolError } from '../errors.ts';
import { RIGHTS, type Right, type Role } from './rights.ts';

export const SUBJECT = 'school-user';

/** Who may call a route of the back office (each route's `config.access`). */
export type SchoolAccess = 'public' | 'signed' | 'user' | 'dirigeant';

/** The signed-in user as every route sees it: identity, school, role and granted rights. */
export type CurrentUser = {
  id: string;
  schoolId: string;
  schoolName: string;
  officeId: string | null;
  firstName: string;
  lastName: string;
  role: Role;
  rights: Right[];
};

export type AuthContext = {
  db: SchoolDb;
  sessions: SessionManager;
};

const cache = new WeakMap<FastifyRequest, CurrentUser>();

export async function loadUser(db: SchoolDb, userId: string): Promise<CurrentUser | null> {
  const [row] = await db
    .select({
      id: users.id,
      schoolId: users.schoolId,
      schoolName: schools.name,
      officeId: users.officeId,
      firstName: users.firstName,
      lastName: users.lastName,
      role: users.role,
    })
    .from(users)
    .innerJoin(schools, eq(schools.id, users.schoolId))
    .where(and(eq(users.id, userId), eq(users.active, true)))
    .limit(1);
  if (!row) return null;
  const granted = await db
    .select({ right: userRights.right })
    .from(userRights)
    .where(and(eq(userRights.userId, userId), eq(userRights.granted, true)));
  return { ...row, rights: granted.map((g) => g.right).filter((r): r is Right => r in RIGHTS) };
}

/** The signed-in user, or 401. Loaded once per request. */
export async function requireUser(ctx: AuthContext, request: FastifyRequest): Promise<CurrentUser> {
  const known = cache.get(request);
  if (known) return known;
  const session = ctx.sessions.require(request, SUBJECT);
  const user = await loadUser(ctx.db, session.subjectId);
  if (!user) throw unauthenticated();
  cache.set(request, user);
  return user;
}

/** Espace Dirigeant is the dirigeant's alone. */
export async function requireDirigeant(ctx: AuthContext, request: FastifyRequest): Promise<CurrentUser> {
  const user = await requireUser(ctx, request);
  if (user.role !== 'dirigeant') throw forbidden("L'Espace Dirigeant est réservé au dirigeant de l'auto-école.");
  return user;
}

/** Checked on the server for every protected action, whatever the page shows. */
export async function requireRight(ctx: AuthContext, request: FastifyRequest, right: Right): Promise<CurrentUser> {
  const user = await requireUser(ctx, request);
  if (!user.rights.includes(right)) {
    throw schoolError(
      'RIGHT_REQUIRED',
      `Vous n'avez pas le droit « ${RIGHTS[right]} ». Demandez-le au dirigeant de l'auto-école (Espace Dirigeant > Connexions > Droits utilisateurs).`,
    );
  }
  return user;
}
