import { hashPassword, notFound, pgErrorCode } from '@permis/platform';
import { and, asc, eq } from 'drizzle-orm';
import { DEFAULT_RIGHTS, RIGHT_CODES, RIGHTS, RIGHTS_DOMAIN, ROLE_LABELS } from '../auth/rights.ts';
import type { SchoolDb } from '../db/index.ts';
import { userRights, users } from '../db/schema.ts';
import { recordAudit } from '../domain/audit.ts';
import { schoolError } from '../errors.ts';

type Dirigeant = { id: string; schoolId: string };
type Role = keyof typeof DEFAULT_RIGHTS;

/** The school's users, by name. */
export async function listUsers(db: SchoolDb, schoolId: string) {
  const rows = await db
    .select({
      id: users.id,
      login: users.login,
      firstName: users.firstName,
      lastName: users.lastName,
      role: users.role,
      active: users.active,
    })
    .from(users)
    .where(eq(users.schoolId, schoolId))
    .orderBy(asc(users.lastName), asc(users.firstName));
  return rows.map((u) => ({ ...u, roleLabel: ROLE_LABELS[u.role] }));
}

/** A new user with the rights of their role; a login already taken is refused. Answers the id. */
export async function createUser(
  db: SchoolDb,
  me: Dirigeant,
  body: { firstName: string; lastName: string; email: string; login: string; role: Role; password: string },
): Promise<string> {
  const passwordHash = await hashPassword(body.password);
  try {
    return await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(users)
        .values({ ...body, email: body.email.toLowerCase(), schoolId: me.schoolId, passwordHash })
        .returning({ id: users.id });
      const userId = created!.id;
      await tx.insert(userRights).values(
        RIGHT_CODES.map((right) => ({
          userId,
          right,
          granted: DEFAULT_RIGHTS[body.role].includes(right),
          updatedBy: me.id,
        })),
      );
      await recordAudit(tx, {
        by: { schoolId: me.schoolId, userId: me.id },
        action: 'user.created',
        target: 'user',
        targetId: userId,
        details: `rôle ${body.role}`,
      });
      return userId;
    });
  } catch (error) {
    if (pgErrorCode(error) === '23505') throw schoolError('LOGIN_TAKEN', 'Cet identifiant est déjà utilisé.');
    throw error;
  }
}

/** A user's rights, as the « Droits utilisateurs » page lists them (by label). */
export async function userRightsOf(db: SchoolDb, user: { id: string }) {
  const rows = await db.select().from(userRights).where(eq(userRights.userId, user.id));
  const granted = new Set(rows.filter((r) => r.granted).map((r) => r.right));
  return {
    domain: RIGHTS_DOMAIN,
    rights: Object.entries(RIGHTS)
      .map(([code, label]) => ({ code, label, granted: granted.has(code) }))
      .sort((a, b) => a.label.localeCompare(b.label, 'fr')),
  };
}

/** Grants or withdraws rights (known codes only, checked by the caller). */
export async function setUserRights(
  db: SchoolDb,
  me: Dirigeant,
  user: { id: string },
  entries: [string, boolean][],
): Promise<void> {
  await db.transaction(async (tx) => {
    for (const [right, granted] of entries) {
      await tx
        .insert(userRights)
        .values({ userId: user.id, right, granted, updatedBy: me.id })
        .onConflictDoUpdate({
          target: [userRights.userId, userRights.right],
          set: { granted, updatedBy: me.id, updatedAt: new Date() },
        });
    }
    await recordAudit(tx, {
      by: { schoolId: me.schoolId, userId: me.id },
      action: 'user.rights_changed',
      target: 'user',
      targetId: user.id,
      details: entries.map(([r, g]) => `${r}=${g ? 'oui' : 'non'}`).join(', '),
    });
  });
}

/** A user of the school, or 404 (another school's is simply not found). */
export async function findSchoolUser(db: SchoolDb, schoolId: string, id: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.schoolId, schoolId)))
    .limit(1);
  if (!user) throw notFound("Cet utilisateur n'existe pas dans votre auto-école.");
  return user;
}
