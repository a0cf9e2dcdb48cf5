import type { PersonalData } from '@permis/ants-api';
import { candidateStateLabel } from '@permis/ants-api';
import {
  createLoginThrottle,
  createRateLimiter,
  hashPassword,
  pgErrorCode,
  sha256,
  verifyPassword,
} from '@permis/platform';
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { civilIdentity } from '../applications/create.ts';
import { CANDIDATE } from '../auth/context.ts';
import { applications, candidateMessages, candidates, candidateTokens } from '../db/schema.ts';
import { antsError } from '../domain/errors.ts';
import type { AntsServices } from '../services.ts';
import { auditCandidate } from './audit.ts';
import { issueLink, linkCandidate, useLink } from './links.ts';
import { freeLoginId } from './loginId.ts';
import { credentialsChangedNotice, emailChangedNotice, emailChangeMail } from './mails.ts';
import { pendingMobile } from './mobileChange.ts';
import { assertNewPassword, SECRET_QUESTIONS } from './questions.ts';
import { candidateSees } from './sees.ts';

const EMAIL_LINK_HOURS = 24;
const EMAIL_CHANGES_PER_DAY = 5;
const EMAIL_LINK_GONE =
  'Ce lien de confirmation n’est plus valable : il a déjà servi ou a expiré. Demandez un nouveau lien depuis « Mes données personnelles ».';

/**
 * « Mes données personnelles » (issue 16): the identity as the agency knows it (read only: an
 * état civil is corrected on a demand, with its pièces), the email (changed only once the new
 * address confirms by its link), the password and the secret question (the current password
 * first, its failures counted with the sign-in's), and a download of all one's data. The mobile is
 * mobileChange.ts's.
 */
export function createPersonalData(ctx: AntsServices) {
  const { db, sessions, mail, publicUrl } = ctx;
  const throttle = createLoginThrottle(db, { scope: 'candidate' });
  const emailChanges = createRateLimiter(db, {
    name: 'candidate-email-changes',
    quota: EMAIL_CHANGES_PER_DAY,
    windowSeconds: 86400,
  });

  const record = async (id: string) => {
    const [row] = await db.select().from(candidates).where(eq(candidates.id, id)).limit(1);
    if (!row) throw antsError('UNAUTHENTICATED', 'Connectez-vous pour continuer.');
    return row;
  };

  /** An account with a password proves it again before a change; one FranceConnect alone opens has none. */
  const assertCurrentPassword = async (ip: string, candidateId: string, given?: string) => {
    const row = await record(candidateId);
    if (!row.passwordHash || !row.loginId) return row;
    const key = `candidate:${row.loginId}`;
    await throttle.assertAllowed(ip, key);
    if (!given || !(await verifyPassword(row.passwordHash, given))) {
      await throttle.recordFailure(ip, key);
      throw antsError('VALIDATION', 'Certains champs sont invalides.', [
        {
          path: 'currentPassword',
          message: given ? 'Le mot de passe actuel est incorrect.' : 'Saisissez votre mot de passe actuel.',
        },
      ]);
    }
    return row;
  };

  const findEmailLink = async (token: string) => {
    const candidate = await linkCandidate(db, token, 'email_change');
    const [link] = await db
      .select({ newEmail: candidateTokens.newEmail })
      .from(candidateTokens)
      .where(eq(candidateTokens.tokenHash, sha256(token)))
      .limit(1);
    if (!candidate || !link?.newEmail) throw antsError('LINK_GONE', EMAIL_LINK_GONE);
    return { candidate, newEmail: link.newEmail };
  };

  return {
    async read(candidateId: string): Promise<PersonalData> {
      const row = await record(candidateId);
      const [pending] = await db
        .select({ newEmail: candidateTokens.newEmail })
        .from(candidateTokens)
        .where(
          and(
            eq(candidateTokens.candidateId, candidateId),
            eq(candidateTokens.purpose, 'email_change'),
            isNull(candidateTokens.usedAt),
          ),
        )
        .limit(1);
      return {
        identity: civilIdentity(row),
        email: row.email,
        pendingEmail: pending?.newEmail ?? null,
        mobile: row.mobile,
        pendingMobile: await pendingMobile(db, ctx.box, candidateId),
        loginId: row.loginId,
        hasPassword: row.passwordHash !== null,
        secretQuestion: row.secretQuestion,
        secretQuestions: [...SECRET_QUESTIONS],
        franceConnect: row.franceConnectSub !== null,
      };
    },

    /** A link to the new address; the address changes only once it is opened. */
    async requestEmailChange(candidateId: string, email: string): Promise<{ message: string }> {
      const row = await record(candidateId);
      if (email === row.email) {
        throw antsError('VALIDATION', 'Certains champs sont invalides.', [
          { path: 'email', message: 'C’est déjà votre adresse électronique.' },
        ]);
      }
      if (!(await emailChanges.take(`email-change:${candidateId}`)).allowed) {
        throw antsError('RATE_LIMITED', 'Trop de demandes de changement d’adresse aujourd’hui : réessayez demain.');
      }
      // One link at a time: a new request replaces the unused one.
      const token = await db.transaction((tx) =>
        issueLink(tx, {
          candidateId,
          purpose: 'email_change',
          newEmail: email,
          expiresAt: new Date(Date.now() + EMAIL_LINK_HOURS * 3600 * 1000),
        }),
      );
      // Whether the address is someone else's is said only to whoever opens the link there.
      await mail?.enqueue(emailChangeMail(email, `${publicUrl}/monespace/courriel/${token}`, EMAIL_LINK_HOURS));
      return {
        message: `Un lien de confirmation a été envoyé à ${email}. Votre adresse ne change qu’une fois ce lien ouvert (valable ${EMAIL_LINK_HOURS} heures).`,
      };
    },

    async emailChangeLink(token: string): Promise<{ newEmail: string }> {
      const { newEmail } = await findEmailLink(token);
      return { newEmail };
    },

    async confirmEmailChange(token: string): Promise<{ email: string }> {
      const { candidate, newEmail } = await findEmailLink(token);
      const taken = () =>
        antsError(
          'EMAIL_ALREADY_USED',
          'Cette adresse électronique est déjà celle d’un autre compte : choisissez-en une autre.',
        );
      try {
        await db.transaction(async (tx) => {
          // One after the other with every other use of this address (a school's new candidate too).
          await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`candidate:${newEmail}`}))`);
          if (!(await useLink(tx, token))) throw antsError('LINK_GONE', EMAIL_LINK_GONE);
          const [other] = await tx
            .select({ id: candidates.id })
            .from(candidates)
            .where(and(eq(candidates.email, newEmail), ne(candidates.id, candidate.id)))
            .limit(1);
          if (other) throw taken();
          await tx.update(candidates).set({ email: newEmail }).where(eq(candidates.id, candidate.id));
          // A reset link mailed to the former address no longer opens the account.
          await tx
            .delete(candidateTokens)
            .where(and(eq(candidateTokens.candidateId, candidate.id), eq(candidateTokens.purpose, 'password_reset')));
          await auditCandidate(tx, candidate.id, 'candidate.email_change');
        });
      } catch (error) {
        if (pgErrorCode(error) === '23505') throw taken();
        throw error;
      }
      // The old address hears of it: a change it did not ask for is seen at once.
      await mail?.enqueue(emailChangedNotice(candidate.email, newEmail, publicUrl));
      return { email: newEmail };
    },

    /**
     * The new password set; whoever knew the old one is signed out everywhere (the route opens this
     * browser's session anew) and the address hears of it. Answers the identifier.
     */
    async changePassword(
      ip: string,
      candidateId: string,
      body: { currentPassword?: string; password: string; passwordConfirmation: string },
    ): Promise<{ loginId: string }> {
      const row = await assertCurrentPassword(ip, candidateId, body.currentPassword);
      assertNewPassword(body.password, body.passwordConfirmation, [row.firstName, row.birthName]);
      const passwordHash = await hashPassword(body.password);
      const loginId = await db.transaction(async (tx) => {
        // An account FranceConnect alone opened gets its ANTS identifier with its first password.
        const id = row.loginId ?? (await freeLoginId(tx, row.firstName, row.birthName));
        await tx
          .update(candidates)
          .set({ passwordHash, loginId: id, credentialsVia: credentialsSetNow(row) })
          .where(eq(candidates.id, candidateId));
        await auditCandidate(tx, candidateId, 'candidate.password_change');
        return id;
      });
      await sessions.endAll(CANDIDATE, candidateId);
      await mail?.enqueue(credentialsChangedNotice(row.email, 'password', publicUrl));
      return { loginId };
    },

    async changeSecretQuestion(
      ip: string,
      candidateId: string,
      body: { currentPassword?: string; secretQuestion: string; secretAnswer: string },
    ): Promise<{ secretQuestion: string }> {
      const row = await assertCurrentPassword(ip, candidateId, body.currentPassword);
      const secretAnswerHash = await hashPassword(body.secretAnswer.toLowerCase());
      await db.transaction(async (tx) => {
        await tx
          .update(candidates)
          .set({ secretQuestion: body.secretQuestion, secretAnswerHash, credentialsVia: credentialsSetNow(row) })
          .where(eq(candidates.id, candidateId));
        await auditCandidate(tx, candidateId, 'candidate.secret_question_change');
      });
      await mail?.enqueue(credentialsChangedNotice(row.email, 'question', publicUrl));
      return { secretQuestion: body.secretQuestion };
    },

    /** « Télécharger mes données » (RGPD, right of access): everything the service keeps of the candidate. */
    async export(candidateId: string) {
      const row = await record(candidateId);
      const [demands, messages] = await Promise.all([
        db
          .select()
          .from(applications)
          .where(eq(applications.candidateId, candidateId))
          .orderBy(asc(applications.createdAt)),
        db
          .select()
          .from(candidateMessages)
          .where(eq(candidateMessages.candidateId, candidateId))
          .orderBy(asc(candidateMessages.createdAt)),
      ]);
      return {
        exportedAt: new Date().toISOString(),
        account: {
          loginId: row.loginId,
          email: row.email,
          mobile: row.mobile,
          pendingMobile: await pendingMobile(db, ctx.box, candidateId),
          secretQuestion: row.secretQuestion,
          franceConnect: row.franceConnectSub !== null,
          activatedAt: row.activatedAt?.toISOString() ?? null,
          createdAt: row.createdAt.toISOString(),
          lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
        },
        identity: { ...civilIdentity(row), neph: row.neph },
        applications: demands.filter(candidateSees).map((demand) => ({
          number: demand.number,
          type: demand.type,
          state: candidateStateLabel(demand.state, demand.type),
          neph: demand.neph,
          createdAt: demand.createdAt.toISOString(),
          updatedAt: demand.updatedAt.toISOString(),
          dossier: demand.dossier,
        })),
        messages: messages.map((m) => ({
          at: m.createdAt.toISOString(),
          subject: m.subject,
          body: m.body,
          sms: m.sms,
          readAt: m.readAt?.toISOString() ?? null,
        })),
      };
    },
  };
}

/**
 * What proves a credential set from a signed-in session: the proof that made the account's
 * credentials, or FranceConnect's where the account is linked to it (a FranceConnect sign-in removes
 * unproven credentials and their sessions, so such a session is FranceConnect's). Null otherwise.
 */
function credentialsSetNow(row: typeof candidates.$inferSelect): (typeof candidates.$inferSelect)['credentialsVia'] {
  return row.credentialsVia ?? (row.franceConnectSub === null ? null : 'franceconnect');
}
