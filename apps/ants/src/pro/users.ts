import type { ProUserView, proUserInvitationSchema } from '@permis/ants-api';
import {
  createRateLimiter,
  hashPassword,
  type MailQueue,
  randomToken,
  type SessionManager,
  sha256,
} from '@permis/platform';
import { and, asc, desc, eq, gt, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { PRO, type ProAccount } from '../auth/context.ts';
import { revokeProTokens } from '../auth/proToken.ts';
import { SIGNATURE } from '../candidates/mails.ts';
import { assertNewPassword } from '../candidates/questions.ts';
import type { AntsDb } from '../db/index.ts';
import { proAccounts, proUsers, proUserTokens } from '../db/schema.ts';
import { schoolAudit } from '../domain/actor.ts';
import { recordAudit } from '../domain/audit.ts';
import { antsError } from '../domain/errors.ts';

/** How long an invitation link lasts: a week, as the candidates' activation link. */
export const INVITATION_DAYS = 7;
/** Invitation mails (sent again included) an establishment may send a day: a team, not a mailing. */
export const INVITATIONS_PER_DAY = 20;
const LINK_GONE = "Ce lien n'est plus valable : demandez au gestionnaire du compte de vous inviter à nouveau.";

/** Counted before anything is written: over the quota, no user is created and no mail leaves. */
async function takeInvitation(db: AntsDb, me: ProAccount) {
  const limiter = createRateLimiter(db, { name: 'pro-invitations', quota: INVITATIONS_PER_DAY, windowSeconds: 86400 });
  if (!(await limiter.take(`invitations:${me.id}`)).allowed) {
    throw antsError(
      'RATE_LIMITED',
      "Trop d'invitations envoyées aujourd'hui par votre établissement : réessayez demain.",
    );
  }
}

function assertManager(me: ProAccount) {
  if (!me.manager) {
    throw antsError('FORBIDDEN', "Seul le gestionnaire du compte de l'établissement gère ses utilisateurs.");
  }
}

/** « Comptes de l'établissement »: the agrément's users, managers first; the manager's view only. */
export async function listProUsers(db: AntsDb, me: ProAccount): Promise<ProUserView[]> {
  assertManager(me);
  const rows = await db
    .select()
    .from(proUsers)
    .where(eq(proUsers.proAccountId, me.id))
    .orderBy(desc(proUsers.manager), asc(proUsers.lastName), asc(proUsers.login));
  return rows.map((u) => ({
    id: u.id,
    login: u.login,
    firstName: u.firstName,
    lastName: u.lastName,
    email: u.email,
    manager: u.manager,
    status: !u.active ? 'disabled' : u.passwordHash ? 'active' : 'invited',
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    you: u.id === me.userId,
  }));
}

/**
 * « Ajouter un utilisateur »: a person of the school gets a login of their own, and by mail a
 * single-use link to choose their password (the manager never knows it). The mail leaves after
 * the commit; a login already taken in this establishment is refused under its field.
 */
export async function inviteProUser(
  db: AntsDb,
  notify: { mail?: MailQueue; publicUrl: string },
  me: ProAccount,
  invitation: z.output<typeof proUserInvitationSchema>,
): Promise<ProUserView> {
  assertManager(me);
  await takeInvitation(db, me);
  const created = await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(proUsers)
      .values({ ...invitation, proAccountId: me.id })
      .onConflictDoNothing()
      .returning();
    if (!user) {
      throw antsError('LOGIN_TAKEN', 'Certains champs sont invalides.', [
        { path: 'login', message: 'Cet identifiant est déjà utilisé dans votre établissement.' },
      ]);
    }
    await recordAudit(tx, {
      by: schoolAudit(me),
      action: 'pro_user.invite',
      target: 'pro_user',
      targetId: user.id,
    });
    return user;
  });
  await sendInvitation(db, notify, me, created.id);
  return (await listProUsers(db, me)).find((u) => u.id === created.id)!;
}

/** « Renvoyer l'invitation »: a new link (the old one stops working) to a user yet to choose a password. */
export async function resendProInvitation(
  db: AntsDb,
  notify: { mail?: MailQueue; publicUrl: string },
  me: ProAccount,
  userId: string,
): Promise<void> {
  assertManager(me);
  const user = await ownUser(db, me, userId);
  if (user.passwordHash || !user.active) {
    throw antsError('USER_NOT_INVITED', "Cet utilisateur n'attend pas d'invitation.");
  }
  await takeInvitation(db, me);
  await sendInvitation(db, notify, me, user.id);
}

async function sendInvitation(
  db: AntsDb,
  notify: { mail?: MailQueue; publicUrl: string },
  me: ProAccount,
  userId: string,
) {
  const token = randomToken();
  const user = await db.transaction(async (tx) => {
    await tx.delete(proUserTokens).where(eq(proUserTokens.proUserId, userId));
    await tx.insert(proUserTokens).values({
      tokenHash: sha256(token),
      proUserId: userId,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000),
    });
    const [row] = await tx.select().from(proUsers).where(eq(proUsers.id, userId));
    return row!;
  });
  await notify.mail?.enqueue(
    {
      to: user.email,
      subject: `Votre accès à l'espace professionnel de ${me.schoolName}`,
      text: [
        `Bonjour ${user.firstName} ${user.lastName},`,
        '',
        `${me.firstName} ${me.lastName}, gestionnaire du compte professionnel de ${me.schoolName}, vous a ouvert un accès à l'espace professionnel de l'ANTS.`,
        '',
        `Numéro d'agrément : ${me.agrementNumber}`,
        `Votre identifiant : ${user.login}`,
        '',
        `Choisissez votre mot de passe avec ce lien, valable ${INVITATION_DAYS} jours et une seule fois :`,
        `${notify.publicUrl}/pro/invitation/${token}`,
        ...SIGNATURE,
      ].join('\n'),
    },
    { urgent: true },
  );
}

/**
 * « Désactiver » / « Réactiver » a user of the establishment: a disabled user can no longer sign
 * in, their sessions end and their software's tokens are revoked at once. The manager cannot
 * disable themself (the agrément would be left without anyone to manage it).
 */
export async function setProUserActive(
  db: AntsDb,
  sessions: SessionManager,
  me: ProAccount,
  userId: string,
  active: boolean,
): Promise<void> {
  assertManager(me);
  const user = await ownUser(db, me, userId);
  if (user.id === me.userId) {
    throw antsError('OWN_ACCOUNT', 'Vous ne pouvez pas désactiver votre propre accès.');
  }
  if (user.active === active) return;
  await db.transaction(async (tx) => {
    await tx.update(proUsers).set({ active }).where(eq(proUsers.id, user.id));
    if (!active) await revokeProTokens(tx, { proUserId: user.id });
    await recordAudit(tx, {
      by: schoolAudit(me),
      action: active ? 'pro_user.enable' : 'pro_user.disable',
      target: 'pro_user',
      targetId: user.id,
    });
  });
  if (!active) await sessions.endAll(PRO, user.id);
}

/** A user of the manager's own establishment; any other id is "not found", whoever it belongs to. */
async function ownUser(db: AntsDb, me: ProAccount, userId: string) {
  const [user] = await db
    .select()
    .from(proUsers)
    .where(and(eq(proUsers.id, userId), eq(proUsers.proAccountId, me.id)))
    .limit(1);
  if (!user) throw antsError('USER_NOT_FOUND', 'Utilisateur introuvable.');
  return user;
}

/** The invitation a link stands for, while it is unused, unexpired and its user still enabled. */
async function invitationOf(db: Pick<AntsDb, 'select'>, token: string) {
  const [row] = await db
    .select({ user: proUsers, account: proAccounts })
    .from(proUserTokens)
    .innerJoin(proUsers, eq(proUsers.id, proUserTokens.proUserId))
    .innerJoin(proAccounts, eq(proAccounts.id, proUsers.proAccountId))
    .where(
      and(
        eq(proUserTokens.tokenHash, sha256(token)),
        isNull(proUserTokens.usedAt),
        gt(proUserTokens.expiresAt, new Date()),
        eq(proUsers.active, true),
      ),
    )
    .limit(1);
  if (!row) throw antsError('LINK_GONE', LINK_GONE);
  return row;
}

/** What the invitation page shows before the password is chosen. */
export async function proInvitation(db: AntsDb, token: string) {
  const { user, account } = await invitationOf(db, token);
  return {
    schoolName: account.schoolName,
    agrementNumber: account.agrementNumber,
    login: user.login,
    firstName: user.firstName,
    lastName: user.lastName,
  };
}

/** The invited user chooses their password (the link then stops working); answers their id. */
export async function acceptProInvitation(
  db: AntsDb,
  token: string,
  choice: { password: string; passwordConfirmation: string },
): Promise<string> {
  const { user, account } = await invitationOf(db, token);
  assertNewPassword(choice.password, choice.passwordConfirmation, [user.login]);
  const passwordHash = await hashPassword(choice.password);
  await db.transaction(async (tx) => {
    const used = await tx
      .update(proUserTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(proUserTokens.tokenHash, sha256(token)), isNull(proUserTokens.usedAt)))
      .returning();
    if (used.length !== 1) throw antsError('LINK_GONE', LINK_GONE);
    await tx.update(proUsers).set({ passwordHash, lastLoginAt: new Date() }).where(eq(proUsers.id, user.id));
    await recordAudit(tx, {
      by: schoolAudit({ id: account.id, userId: user.id }),
      action: 'pro_user.activate',
      target: 'pro_user',
      targetId: user.id,
    });
  });
  return user.id;
}
