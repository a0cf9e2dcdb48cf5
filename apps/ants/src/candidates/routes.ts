import { createLoginThrottle, type HttpServer, hashPassword, verifyPassword } from '@permis/platform';
import { eq, like } from 'drizzle-orm';
import { z } from 'zod';
import { CANDIDATE } from '../auth/context.ts';
import type { AntsTx } from '../db/index.ts';
import { candidates } from '../db/schema.ts';
import { antsError } from '../domain/errors.ts';
import type { AntsServices } from '../services.ts';
import { auditCandidate } from './audit.ts';
import { linkCandidate, linkTokenParam, useLink } from './links.ts';
import { identifierMail } from './mails.ts';
import { assertNewPassword, SECRET_QUESTIONS } from './questions.ts';
import { startCandidateSession } from './signIn.ts';

const LINK_GONE =
  "Ce lien d'activation n'est plus valable : il a déjà servi ou a expiré. Sans activation dans les 7 jours, le compte et la demande sont supprimés ; votre école de conduite devra recommencer la démarche.";

const CREDENTIALS_UNPROVEN =
  'Par sécurité, choisissez un nouveau mot de passe avec le lien envoyé à votre adresse électronique (« Mot de passe oublié ? »), ou connectez-vous avec FranceConnect.';

/** Activation of the account a school's validation created, and the candidate's sign-in. */
export function candidateAccountRoutes(app: HttpServer, { db, sessions, mail, publicUrl }: AntsServices) {
  const throttle = createLoginThrottle(db, { scope: 'candidate' });

  const findLink = async (token: string) => {
    const candidate = await linkCandidate(db, token, 'activation');
    if (!candidate || candidate.activatedAt) throw antsError('LINK_GONE', LINK_GONE);
    return { candidate };
  };

  // "Bienvenue Pierre Martin — VOUS Y ÊTES PRESQUE !"
  app.get(
    '/api/candidate/activation/:token',
    { config: { access: 'public' }, schema: { params: linkTokenParam } },
    async (request) => {
      const { candidate } = await findLink(request.params.token);
      return {
        firstName: candidate.firstName,
        lastName: candidate.birthName,
        sex: candidate.sex,
        secretQuestions: SECRET_QUESTIONS,
      };
    },
  );

  app.post(
    '/api/candidate/activation/:token',
    {
      config: { access: 'public' },
      schema: {
        params: linkTokenParam,
        body: z.object({
          sex: z.enum(['F', 'M'], { error: 'Indiquez votre sexe.' }),
          password: z.string().max(200),
          passwordConfirmation: z.string().max(200),
          secretQuestion: z.enum(SECRET_QUESTIONS, { error: 'Choisissez une question secrète dans la liste.' }),
          secretAnswer: z.string().trim().min(2, 'Indiquez la réponse à votre question secrète.').max(100),
        }),
      },
    },
    async (request, reply) => {
      const { token } = request.params;
      const body = request.body;
      const { candidate } = await findLink(token);
      assertNewPassword(body.password, body.passwordConfirmation, [candidate.firstName, candidate.birthName]);

      const [passwordHash, secretAnswerHash] = await Promise.all([
        hashPassword(body.password),
        hashPassword(body.secretAnswer.toLowerCase()),
      ]);
      const loginId = await db.transaction(async (tx) => {
        // Single use: the first activation with this link wins, a second one finds it used.
        if (!(await useLink(tx, token))) throw antsError('LINK_GONE', LINK_GONE);
        const id = await freeLoginId(tx, candidate.firstName, candidate.birthName);
        await tx
          .update(candidates)
          .set({
            sex: body.sex,
            loginId: id,
            passwordHash,
            secretQuestion: body.secretQuestion,
            secretAnswerHash,
            // The link was mailed to the account's address: whoever opened it controls that email.
            credentialsVia: 'email',
            activatedAt: new Date(),
          })
          .where(eq(candidates.id, candidate.id));
        await auditCandidate(tx, candidate.id, 'candidate.activate');
        return id;
      });
      // Seed 000: "Une fois votre compte activé, vous recevrez par courriel votre identifiant de connexion".
      await mail?.enqueue(identifierMail(candidate.email, loginId, publicUrl, 'Votre compte ANTS est activé.'));
      const { csrfToken } = await startCandidateSession({ db, sessions }, reply, candidate.id);
      return { loginId, csrfToken };
    },
  );

  app.post(
    '/api/candidate/login',
    {
      config: { access: 'public' },
      schema: {
        body: z.object({
          loginId: z.string().trim().toLowerCase().min(1).max(100),
          password: z.string().min(1).max(200),
        }),
      },
    },
    async (request, reply) => {
      const { loginId, password } = request.body;
      await throttle.assertAllowed(request.ip, `candidate:${loginId}`);
      const [row] = await db.select().from(candidates).where(eq(candidates.loginId, loginId)).limit(1);
      const ok = await verifyPassword(row?.passwordHash, password);
      if (!row?.activatedAt || !ok) {
        await throttle.recordFailure(request.ip, `candidate:${loginId}`);
        throw antsError('WRONG_CREDENTIALS', 'Identifiant ou mot de passe incorrect.');
      }
      await throttle.recordSuccess(request.ip, `candidate:${loginId}`);
      // A password chosen before its proof was kept may have come from a link a school's mobile
      // received (decision 0016): it opens nothing until the email or FranceConnect proves the person.
      if (row.credentialsVia === null) {
        throw antsError('CREDENTIALS_UNPROVEN', CREDENTIALS_UNPROVEN);
      }
      const { csrfToken } = await startCandidateSession({ db, sessions }, reply, row.id);
      return { kind: CANDIDATE, csrfToken };
    },
  );
}

/** "camille.martin", or "camille.martin2", … when taken: readable, ASCII, unique. */
export async function freeLoginId(tx: AntsTx, firstName: string, lastName: string): Promise<string> {
  const ascii = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z]+/g, '-')
      .replace(/^-|-$/g, '');
  const base = `${ascii(firstName)}.${ascii(lastName)}`;
  const taken = new Set(
    (
      await tx
        .select({ id: candidates.loginId })
        .from(candidates)
        .where(like(candidates.loginId, `${base}%`))
    ).map((r) => r.id),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}
