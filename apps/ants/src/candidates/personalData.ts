import { candidateStateLabel } from '@permis/ants-api';
import {
  contentDisposition,
  createLoginThrottle,
  createRateLimiter,
  type HttpServer,
  hashPassword,
  pgErrorCode,
  sha256,
  verifyPassword,
} from '@permis/platform';
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { civilIdentity } from '../applications/create.ts';
import { CANDIDATE, type CandidateAccount, requireCandidate } from '../auth/context.ts';
import { applications, candidateMessages, candidates, candidateTokens } from '../db/schema.ts';
import { antsError } from '../domain/errors.ts';
import type { AntsServices } from '../services.ts';
import { auditCandidate } from './audit.ts';
import { issueLink, linkCandidate, linkTokenParam, useLink } from './links.ts';
import { freeLoginId } from './loginId.ts';
import { credentialsChangedNotice, emailChangedNotice, emailChangeMail } from './mails.ts';
import { mobileChangeRoutes, pendingMobile } from './mobileChange.ts';
import { assertNewPassword, SECRET_QUESTIONS } from './questions.ts';
import { candidateSees } from './sees.ts';

const EMAIL_LINK_HOURS = 24;
const EMAIL_CHANGES_PER_DAY = 5;
const EMAIL_LINK_GONE =
  'Ce lien de confirmation n’est plus valable : il a déjà servi ou a expiré. Demandez un nouveau lien depuis « Mes données personnelles ».';

const currentPassword = z.string().max(200).optional();

/**
 * « Mes données personnelles » (issue 16): the identity as the agency knows it (read only: an
 * état civil is corrected on a demand, with its pièces), the email (changed only once the new
 * address confirms by its link), the mobile (changed only once the new number returns the code
 * SMSed to it: mobileChange.ts), the password and the secret question (the current
 * password first, its failures counted with the sign-in's), and a download of all one's data.
 */
export function candidatePersonalDataRoutes(app: HttpServer, ctx: AntsServices) {
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
  const assertCurrentPassword = async (request: FastifyRequest, me: CandidateAccount, given?: string) => {
    const row = await record(me.id);
    if (!row.passwordHash || !row.loginId) return row;
    const key = `candidate:${row.loginId}`;
    await throttle.assertAllowed(request.ip, key);
    if (!given || !(await verifyPassword(row.passwordHash, given))) {
      await throttle.recordFailure(request.ip, key);
      throw antsError('VALIDATION', 'Certains champs sont invalides.', [
        {
          path: 'currentPassword',
          message: given ? 'Le mot de passe actuel est incorrect.' : 'Saisissez votre mot de passe actuel.',
        },
      ]);
    }
    return row;
  };

  app.get('/api/candidate/personal-data', { config: { access: 'candidate' } }, async (request) => {
    const me = await requireCandidate(ctx, request);
    const row = await record(me.id);
    const [pending] = await db
      .select({ newEmail: candidateTokens.newEmail })
      .from(candidateTokens)
      .where(
        and(
          eq(candidateTokens.candidateId, me.id),
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
      pendingMobile: await pendingMobile(db, ctx.box, me.id),
      loginId: row.loginId,
      hasPassword: row.passwordHash !== null,
      secretQuestion: row.secretQuestion,
      secretQuestions: SECRET_QUESTIONS,
      franceConnect: row.franceConnectSub !== null,
    };
  });

  app.post(
    '/api/candidate/personal-data/email',
    {
      config: { access: 'candidate' },
      schema: {
        body: z.object({
          email: z.string().trim().toLowerCase().pipe(z.email('Saisissez une adresse électronique valide.').max(200)),
        }),
      },
    },
    async (request) => {
      const me = await requireCandidate(ctx, request);
      const row = await record(me.id);
      const { email } = request.body;
      if (email === row.email) {
        throw antsError('VALIDATION', 'Certains champs sont invalides.', [
          { path: 'email', message: 'C’est déjà votre adresse électronique.' },
        ]);
      }
      if (!(await emailChanges.take(`email-change:${me.id}`)).allowed) {
        throw antsError('RATE_LIMITED', 'Trop de demandes de changement d’adresse aujourd’hui : réessayez demain.');
      }
      // One link at a time: a new request replaces the unused one.
      const token = await db.transaction((tx) =>
        issueLink(tx, {
          candidateId: me.id,
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
  );

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

  // Opened from the mail, possibly in another browser: the link is the proof, no session needed.
  app.get(
    '/api/candidate/email-change/:token',
    { config: { access: 'public' }, schema: { params: linkTokenParam } },
    async (request) => {
      const { newEmail } = await findEmailLink(request.params.token);
      return { newEmail };
    },
  );

  app.post(
    '/api/candidate/email-change/:token',
    { config: { access: 'public' }, schema: { params: linkTokenParam } },
    async (request) => {
      const { token } = request.params;
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
  );

  // The mobile, changed only once a code sent to the new number comes back (issue 35).
  mobileChangeRoutes(app, ctx);

  app.post(
    '/api/candidate/personal-data/password',
    {
      config: { access: 'candidate' },
      schema: {
        body: z.object({
          currentPassword,
          password: z.string().max(200),
          passwordConfirmation: z.string().max(200),
        }),
      },
    },
    async (request, reply) => {
      const me = await requireCandidate(ctx, request);
      const row = await assertCurrentPassword(request, me, request.body.currentPassword);
      assertNewPassword(request.body.password, request.body.passwordConfirmation, [row.firstName, row.birthName]);
      const passwordHash = await hashPassword(request.body.password);
      const loginId = await db.transaction(async (tx) => {
        // An account FranceConnect alone opened gets its ANTS identifier with its first password.
        const id = row.loginId ?? (await freeLoginId(tx, row.firstName, row.birthName));
        await tx
          .update(candidates)
          .set({ passwordHash, loginId: id, credentialsVia: credentialsSetNow(row) })
          .where(eq(candidates.id, me.id));
        await auditCandidate(tx, me.id, 'candidate.password_change');
        return id;
      });
      // Whoever knew the old password is signed out everywhere; this browser goes on; the address hears of it.
      await sessions.endAll(CANDIDATE, me.id);
      await mail?.enqueue(credentialsChangedNotice(row.email, 'password', publicUrl));
      const { csrfToken } = await sessions.start(reply, CANDIDATE, me.id);
      return { loginId, csrfToken };
    },
  );

  app.post(
    '/api/candidate/personal-data/secret-question',
    {
      config: { access: 'candidate' },
      schema: {
        body: z.object({
          currentPassword,
          secretQuestion: z.enum(SECRET_QUESTIONS, { error: 'Choisissez une question secrète dans la liste.' }),
          secretAnswer: z.string().trim().min(2, 'Indiquez la réponse à votre question secrète.').max(100),
        }),
      },
    },
    async (request) => {
      const me = await requireCandidate(ctx, request);
      const row = await assertCurrentPassword(request, me, request.body.currentPassword);
      const secretAnswerHash = await hashPassword(request.body.secretAnswer.toLowerCase());
      await db.transaction(async (tx) => {
        await tx
          .update(candidates)
          .set({
            secretQuestion: request.body.secretQuestion,
            secretAnswerHash,
            credentialsVia: credentialsSetNow(row),
          })
          .where(eq(candidates.id, me.id));
        await auditCandidate(tx, me.id, 'candidate.secret_question_change');
      });
      await mail?.enqueue(credentialsChangedNotice(row.email, 'question', publicUrl));
      return { secretQuestion: request.body.secretQuestion };
    },
  );

  // « Télécharger mes données » (RGPD, right of access): everything the service keeps of the candidate.
  app.get('/api/candidate/personal-data/export', { config: { access: 'candidate' } }, async (request, reply) => {
    const me = await requireCandidate(ctx, request);
    const row = await record(me.id);
    const [demands, messages] = await Promise.all([
      db.select().from(applications).where(eq(applications.candidateId, me.id)).orderBy(asc(applications.createdAt)),
      db
        .select()
        .from(candidateMessages)
        .where(eq(candidateMessages.candidateId, me.id))
        .orderBy(asc(candidateMessages.createdAt)),
    ]);
    const data = {
      exportedAt: new Date().toISOString(),
      account: {
        loginId: row.loginId,
        email: row.email,
        mobile: row.mobile,
        pendingMobile: await pendingMobile(db, ctx.box, me.id),
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
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', contentDisposition('Mes données ANTS.json'))
      .send(JSON.stringify(data, null, 2));
  });
}

/**
 * What proves a credential set from a signed-in session: the proof that made the account's
 * credentials, or FranceConnect's where the account is linked to it (a FranceConnect sign-in removes
 * unproven credentials and their sessions, so such a session is FranceConnect's). Null otherwise.
 */
function credentialsSetNow(row: typeof candidates.$inferSelect): (typeof candidates.$inferSelect)['credentialsVia'] {
  return row.credentialsVia ?? (row.franceConnectSub === null ? null : 'franceconnect');
}
