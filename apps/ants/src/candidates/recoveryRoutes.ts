import { candidateSpace } from '@permis/ants-api';
import { type HttpServer, mount } from '@permis/platform';
import type { AntsServices } from '../services.ts';
import { createCandidateRecovery } from './recovery.ts';
import { startCandidateSession } from './signIn.ts';

/** « Identifiant oublié ? » and « Mot de passe oublié ? » of the login page, from the candidate space's contract. */
export function candidateRecoveryRoutes(app: HttpServer, ctx: AntsServices) {
  const recovery = createCandidateRecovery(ctx);
  const pub = { access: 'public' };
  mount(app, candidateSpace.forgottenIdentifier, pub, async (request) =>
    recovery.forgottenIdentifier(request, request.body.email),
  );
  mount(app, candidateSpace.passwordResetLink, pub, async (request) =>
    recovery.sendResetLink(request, request.body.loginId),
  );
  mount(app, candidateSpace.passwordResetQuestion, pub, async (request) => recovery.question(request.body.loginId));
  mount(app, candidateSpace.passwordResetAnswer, pub, async (request) =>
    recovery.answer(request, request.body.loginId, request.body.secretAnswer),
  );
  mount(app, candidateSpace.passwordReset, pub, async (request) => recovery.resetLink(request.params.token));
  mount(app, candidateSpace.resetPassword, pub, async (request, reply) => {
    const { id, loginId } = await recovery.reset(request.params.token, request.body);
    const { csrfToken } = await startCandidateSession(ctx, reply, id);
    return { loginId, csrfToken };
  });
}
