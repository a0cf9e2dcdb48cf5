import { candidateLinks, candidateSpace } from '@permis/ants-api';
import { contentDisposition, type HttpServer, mount } from '@permis/platform';
import { CANDIDATE, requireCandidate } from '../auth/context.ts';
import type { AntsServices } from '../services.ts';
import { createMobileChanges } from './mobileChange.ts';
import { createPersonalData } from './personalData.ts';

/**
 * « Mes données personnelles », mounted from the candidate space's contract: the identity, the
 * email (confirmed by its link), the mobile (confirmed by its code), the password, the secret
 * question, and the download of all one's data.
 */
export function candidatePersonalDataRoutes(app: HttpServer, ctx: AntsServices) {
  const { sessions } = ctx;
  const personal = createPersonalData(ctx);
  const mobiles = createMobileChanges(ctx);
  const candidate = { access: 'candidate' };
  const me = async (request: Parameters<typeof requireCandidate>[1]) => (await requireCandidate(ctx, request)).id;

  mount(app, candidateSpace.personalData, candidate, async (request) => personal.read(await me(request)));
  mount(app, candidateSpace.requestEmailChange, candidate, async (request) =>
    personal.requestEmailChange(await me(request), request.body.email),
  );
  mount(app, candidateSpace.emailChange, { access: 'public' }, async (request) =>
    personal.emailChangeLink(request.params.token),
  );
  mount(app, candidateSpace.confirmEmailChange, { access: 'public' }, async (request) =>
    personal.confirmEmailChange(request.params.token),
  );
  mount(app, candidateSpace.changeMobile, candidate, async (request, reply) => {
    const answer = await mobiles.change(await me(request), request.body.mobile);
    // A number removed is done at once (200); a new one waits for its code (202).
    if ('mobile' in answer) reply.code(200);
    return answer;
  });
  mount(app, candidateSpace.confirmMobileChange, candidate, async (request) =>
    mobiles.confirm(await me(request), request.body.code),
  );
  mount(app, candidateSpace.changePassword, candidate, async (request, reply) => {
    const id = await me(request);
    const { loginId } = await personal.changePassword(request.ip, id, request.body);
    // Every other session ended with the old password; this browser goes on.
    const { csrfToken } = await sessions.start(reply, CANDIDATE, id);
    return { loginId, csrfToken };
  });
  mount(app, candidateSpace.changeSecretQuestion, candidate, async (request) =>
    personal.changeSecretQuestion(request.ip, await me(request), request.body),
  );
  // A file to keep, not an answer a page reads.
  app.get(candidateLinks.personalDataExport.path, { config: { access: 'candidate' } }, async (request, reply) => {
    const data = await personal.export(await me(request));
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', contentDisposition('Mes données ANTS.json'))
      .send(JSON.stringify(data, null, 2));
  });
}
