import { createLoginThrottle, type HttpServer, hashPassword, loggableError, verifyPassword } from '@permis/platform';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CANDIDATE } from '../auth/context.ts';
import { candidates } from '../db/schema.ts';
import { antsError } from '../domain/errors.ts';
import type { AntsServices } from '../services.ts';
import { auditCandidate } from './audit.ts';
import { issueLink, linkCandidate, linkTokenParam, useLink } from './links.ts';
import { credentialsChangedNotice, identifierMail, passwordResetMail } from './mails.ts';
import { assertNewPassword, SECRET_QUESTIONS } from './questions.ts';
import { startCandidateSession } from './signIn.ts';

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

/**
 * "Identifiant oublié ?" and "Mot de passe oublié ?" of the login page (seed 000). The password is
 * changed either through a link mailed to the account's address, or by answering the secret
 * question chosen at activation; both end in the same single-use reset token.
 */
export function candidateRecoveryRoutes(app: HttpServer, { db, sessions, mail, publicUrl, box }: AntsServices) {
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
  const answerThenMail = async (
    request: FastifyRequest,
    identity: string,
    work: () => Promise<void>,
  ): Promise<void> => {
    await mailRequests.assertAllowed(request.ip, identity);
    await mailRequests.recordFailure(request.ip, identity);
    setImmediate(() => {
      work().catch((error: unknown) => request.log.error({ error: loggableError(error) }, 'envoi de récupération'));
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

  const loginIdBody = z.object({
    loginId: z.string().trim().toLowerCase().min(1, 'Saisissez votre identifiant.').max(100),
  });

  app.post(
    '/api/candidate/forgotten-identifier',
    {
      config: { access: 'public' },
      schema: {
        body: z.object({
          email: z.string().trim().toLowerCase().email('Saisissez une adresse électronique valide.').max(200),
        }),
      },
    },
    async (request, reply) => {
      await answerThenMail(request, `email:${request.body.email}`, async () => {
        const candidate = await activatedBy(candidates.email, request.body.email);
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
      return reply.status(202).send({ message: IDENTIFIER_SENT });
    },
  );

  app.post(
    '/api/candidate/password-reset/link',
    { config: { access: 'public' }, schema: { body: loginIdBody } },
    async (request, reply) => {
      await answerThenMail(request, `login:${request.body.loginId}`, async () => {
        const candidate = await activatedBy(candidates.loginId, request.body.loginId);
        if (candidate) {
          const token = await issueResetToken(candidate.id);
          await mail?.enqueue(
            passwordResetMail(candidate.email, `${publicUrl}/monespace/nouveau-mot-de-passe/${token}`, RESET_MINUTES),
          );
        }
      });
      return reply.status(202).send({ message: LINK_SENT });
    },
  );

  // The question is asked for any identifier: an unknown one gets a question too, always the same
  // for that identifier and drawn with the service's key, so that nobody can tell it from a real
  // one by computing it; no answer opens it.
  app.post(
    '/api/candidate/password-reset/question',
    { config: { access: 'public' }, schema: { body: loginIdBody } },
    async (request) => {
      const candidate = await activatedBy(candidates.loginId, request.body.loginId);
      const decoy = Number.parseInt(box.mac('decoy-question', request.body.loginId).slice(0, 8), 16);
      return { question: candidate?.secretQuestion ?? SECRET_QUESTIONS[decoy % SECRET_QUESTIONS.length] };
    },
  );

  app.post(
    '/api/candidate/password-reset/answer',
    {
      config: { access: 'public' },
      schema: {
        body: loginIdBody.extend({
          secretAnswer: z.string().trim().min(1, 'Indiquez la réponse à votre question secrète.').max(100),
        }),
      },
    },
    async (request, reply) => {
      const { loginId, secretAnswer } = request.body;
      const key = `candidate-answer:${loginId}`;
      await throttle.assertAllowed(request.ip, key);
      const candidate = await activatedBy(candidates.loginId, loginId);
      const ok = await verifyPassword(candidate?.secretAnswerHash ?? undefined, secretAnswer.toLowerCase());
      if (!candidate || !ok) {
        await throttle.recordFailure(request.ip, key);
        throw antsError('WRONG_ANSWER', 'La réponse à la question secrète est incorrecte.', [
          { path: 'secretAnswer', message: 'Réponse incorrecte.' },
        ]);
      }
      await throttle.recordSuccess(request.ip, key);
      // A question anyone close to the person may answer never opens the account by itself: the
      // reset goes through the account's email, as « Mot de passe oublié » by link does.
      const token = await issueResetToken(candidate.id);
      await mail?.enqueue(
        passwordResetMail(candidate.email, `${publicUrl}/monespace/nouveau-mot-de-passe/${token}`, RESET_MINUTES),
      );
      return reply.status(202).send({ message: ANSWER_RIGHT });
    },
  );

  const findReset = async (token: string) => {
    const candidate = await linkCandidate(db, token, 'password_reset');
    if (!candidate?.loginId) throw antsError('LINK_GONE', RESET_GONE);
    return candidate;
  };

  app.get(
    '/api/candidate/password-reset/:token',
    { config: { access: 'public' }, schema: { params: linkTokenParam } },
    async (request) => {
      const candidate = await findReset(request.params.token);
      return { firstName: candidate.firstName, lastName: candidate.birthName, loginId: candidate.loginId };
    },
  );

  app.post(
    '/api/candidate/password-reset/:token',
    {
      config: { access: 'public' },
      schema: {
        params: linkTokenParam,
        body: z.object({ password: z.string().max(200), passwordConfirmation: z.string().max(200) }),
      },
    },
    async (request, reply) => {
      const { token } = request.params;
      const candidate = await findReset(token);
      assertNewPassword(request.body.password, request.body.passwordConfirmation, [
        candidate.firstName,
        candidate.birthName,
      ]);
      const passwordHash = await hashPassword(request.body.password);
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
      const { csrfToken } = await startCandidateSession({ db, sessions }, reply, candidate.id);
      return { loginId: candidate.loginId, csrfToken };
    },
  );
}
