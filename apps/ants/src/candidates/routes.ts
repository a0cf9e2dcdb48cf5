import { candidateSpace, sessionRoutes } from '@permis/ants-api';
import { type HttpServer, mount } from '@permis/platform';
import { CANDIDATE } from '../auth/context.ts';
import type { AntsServices } from '../services.ts';
import { activateCandidate, activationCandidate } from './activation.ts';
import { identifierMail } from './mails.ts';
import { SECRET_QUESTIONS } from './questions.ts';
import { createCandidateSignIn, startCandidateSession } from './signIn.ts';

/** Activation of the account a school's validation created, and the candidate's sign-in. */
export function candidateAccountRoutes(app: HttpServer, { db, sessions, mail, publicUrl }: AntsServices) {
  const signIn = createCandidateSignIn(db);
  const pub = { access: 'public' };

  // "Bienvenue Pierre Martin — VOUS Y ÊTES PRESQUE !"
  mount(app, candidateSpace.activation, pub, async (request) => {
    const candidate = await activationCandidate(db, request.params.token);
    return {
      firstName: candidate.firstName,
      lastName: candidate.birthName,
      sex: candidate.sex,
      secretQuestions: [...SECRET_QUESTIONS],
    };
  });

  mount(app, candidateSpace.activate, pub, async (request, reply) => {
    const { candidate, loginId } = await activateCandidate(db, request.params.token, request.body);
    // Seed 000: "Une fois votre compte activé, vous recevrez par courriel votre identifiant de connexion".
    await mail?.enqueue(identifierMail(candidate.email, loginId, publicUrl, 'Votre compte ANTS est activé.'));
    const { csrfToken } = await startCandidateSession({ db, sessions }, reply, candidate.id);
    return { loginId, csrfToken };
  });

  mount(app, sessionRoutes.candidateLogin, pub, async (request, reply) => {
    const candidateId = await signIn(request.ip, request.body);
    const { csrfToken } = await startCandidateSession({ db, sessions }, reply, candidateId);
    return { kind: CANDIDATE, csrfToken };
  });
}
