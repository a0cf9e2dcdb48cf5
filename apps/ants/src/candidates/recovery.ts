import { createLoginThrottle, hashPassword, loggableError, verifyPassword } from '@permis/platform';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { CANDIDATE } from '../auth/context.ts';
import { candidates } from '../db/schema.ts';
import { antsError } from '../domain/errors.ts';
import type { AntsServices } from '../services.ts';
import { auditCandidate } from './audit.ts';
import { issueLink, linkCandidate, useLink } from './links.ts';
import { credentialsChangedNotice, identifierMail, passwordResetMail } from './mails.ts';
import { assertNewPassword, SECRET_QUESTIONS } from './questions.ts';

/** A reset link or the permission won by the right secret answer lasts one hour. */
export const RESET_MINUTES = 60;

const RESET_GONE =
  'Ce lien de réinitialisation n’est plus valable : il a déjà servi ou a expiré. Recommencez depuis « Mot de passe oublié ? ».';

/** Said whether or not an account matches, so that these pages do not reveal who has one. */
const IDENTIFIER_SENT =
  'Si un compte activé correspond à cette adresse électronique, votre identifiant vient de vous être envoyé par courriel.';
const ANSWER_RIGHT =
  'Réponse exacte : un lien pour choisir un nouveau mot de passe vient d’être envoyé à l’adresse électronique de votre compte (valable une heure).';
const LINK_SENT =
  'Si un compte activé correspond à cet identifiant, un lien pour choisir un nouveau mot de passe vient d’être envoyé à son adresse électronique.';

/** Who asks: their address (counted) and the request's log (a mail that fails is logged there). */
export type Asker = { ip: string; log: FastifyBaseLogger };

/**
 * "Identifiant oublié ?" and "Mot de passe oublié ?" of the login page (seed 000). The password is
 * changed either through a link mailed to the account's address, or by answering the secret
 * question chosen at activation; both end in the same single-use reset token.
 */
export function createCandidateRecovery({ db, sessions, mail, publicUrl, box }: AntsServices) {
  const throttle = createLoginThrottle(db, { scope: 'candidate-recovery' });
  // Each request for a mail counts, whether or not an account matches (a refusal reveals nothing):
  // a flood of them cannot fill a stranger's mailbox nor the mail queue.
  const mailRequests = createLoginThrottle(db, {
    scope: 'candidate-recovery-mail',
    maxPerIdentityAndIp: 3,
    maxPerIdentity: 5,
    maxPerIp: 30,
    refusal: (minutes) =>
      antsError(
        'TOO_MANY_ATTEMPTS',
        `Trop de demandes en peu de temps : réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
      ),
  });
  /**
   * Counts the request, answers at once, then looks the account up and mails: the answer takes the
   * same time whether an account matches or not. A mail lost to a crash in between is asked again.
   */
  const answerThenMail = async (asker: Asker, identity: string, work: () => Promise<void>): Promise<void> => {
    await mailRequests.assertAllowed(asker.ip, identity);
    await mailRequests.recordFailure(asker.ip, identity);
    setImmediate(() => {
      work().catch((error: unknown) => asker.log.error({ error: loggableError(error) }, 'envoi de récupération'));
    });
  };

  const activatedBy = async (column: typeof candidates.loginId | typeof candidates.email, value: string) => {
    const [row] = await db
      .select()
      .from(candidates)
      .where(and(eq(column, value), isNotNull(candidates.activatedAt)))
      .limit(1);
    return row;
  };

  // One reset at a time: a new request replaces the previous link.
  const issueResetToken = (candidateId: string) =>
    db.transaction((tx) =>
      issueLink(tx, {
        candidateId,
        purpose: 'password_reset',
        expiresAt: new Date(Date.now() + RESET_MINUTES * 60 * 1000),
      }),
    );

  const findReset = async (token: string) => {
    const candidate = await linkCandidate(db, token, 'password_reset');
    if (!candidate?.loginId) throw antsError('LINK_GONE', RESET_GONE);
    return { ...candidate, loginId: candidate.loginId };
  };

  return {
    async forgottenIdentifier(asker: Asker, email: string): Promise<{ message: string }> {
      await answerThenMail(asker, `email:${email}`, async () => {
        const candidate = await activatedBy(candidates.email, email);
        if (candidate?.loginId) {
          await mail?.enqueue(
            identifierMail(
              candidate.email,
              candidate.loginId,
              publicUrl,
              'Vous avez demandé à recevoir votre identifiant.',
            ),
          );
        }
      });
      return { message: IDENTIFIER_SENT };
    },

    async sendResetLink(asker: Asker, loginId: string): Promise<{ message: string }> {
      await answerThenMail(asker, `login:${loginId}`, async () => {
        const candidate = await activatedBy(candidates.loginId, loginId);
        if (candidate) {
          const token = await issueResetToken(candidate.id);
          await mail?.enqueue(
            passwordResetMail(candidate.email, `${publicUrl}/monespace/nouveau-mot-de-passe/${token}`, RESET_MINUTES),
          );
        }
      });
      return { message: LINK_SENT };
    },

    // The question is asked for any identifier: an unknown one gets a question too, always the same
    // for that identifier and drawn with the service's key, so that nobody can tell it from a real
    // one by computing it; no answer opens it.
    async question(loginId: string): Promise<{ question: string }> {
      const candidate = await activatedBy(candidates.loginId, loginId);
      const decoy = Number.parseInt(box.mac('decoy-question', loginId).slice(0, 8), 16);
      return { question: candidate?.secretQuestion ?? SECRET_QUESTIONS[decoy % SECRET_QUESTIONS.length]! };
    },

    async answer(asker: Asker, loginId: string, secretAnswer: string): Promise<{ message: string }> {
      const key = `candidate-answer:${loginId}`;
      await throttle.assertAllowed(asker.ip, key);
      const candidate = await activatedBy(candidates.loginId, loginId);
      const ok = await verifyPassword(candidate?.secretAnswerHash ?? undefined, secretAnswer.toLowerCase());
      if (!candidate || !ok) {
        await throttle.recordFailure(asker.ip, key);
        throw antsError('WRONG_ANSWER', 'La réponse à la question secrète est incorrecte.', [
          { path: 'secretAnswer', message: 'Réponse incorrecte.' },
        ]);
      }
      await throttle.recordSuccess(asker.ip, key);
      // A question anyone close to the person may answer never opens the account by itself: the
      // reset goes through the account's email, as « Mot de passe oublié » by link does.
      const token = await issueResetToken(candidate.id);
      await mail?.enqueue(
        passwordResetMail(candidate.email, `${publicUrl}/monespace/nouveau-mot-de-passe/${token}`, RESET_MINUTES),
      );
      return { message: ANSWER_RIGHT };
    },

    async resetLink(token: string): Promise<{ firstName: string; lastName: string; loginId: string }> {
      const candidate = await findReset(token);
      return { firstName: candidate.firstName, lastName: candidate.birthName, loginId: candidate.loginId };
    },

    /** The new password set: answers the account, whose session the route then opens. */
    async reset(
      token: string,
      body: { password: string; passwordConfirmation: string },
    ): Promise<{ id: string; loginId: string }> {
      const candidate = await findReset(token);
      assertNewPassword(body.password, body.passwordConfirmation, [candidate.firstName, candidate.birthName]);
      const passwordHash = await hashPassword(body.password);
      await db.transaction(async (tx) => {
        if (!(await useLink(tx, token))) throw antsError('LINK_GONE', RESET_GONE);
        // Reset links go to the account's address only: the new password is the email's.
        await tx
          .update(candidates)
          .set({ passwordHash, credentialsVia: 'email' })
          .where(eq(candidates.id, candidate.id));
        await auditCandidate(tx, candidate.id, 'candidate.password_reset');
      });
      // Whoever knew the old password is signed out everywhere; the address hears of the change.
      await sessions.endAll(CANDIDATE, candidate.id);
      await mail?.enqueue(credentialsChangedNotice(candidate.email, 'password', publicUrl));
      return { id: candidate.id, loginId: candidate.loginId };
    },
  };
}
