import { candidateSpace } from '@permis/ants-api';
import { type HttpServer, mount } from '@permis/platform';
import { requireCandidate } from '../auth/context.ts';
import type { AntsServices } from '../services.ts';
import { createOtherAddresses } from './otherAddresses.ts';

/** « Démarches faites pour vous avec une autre adresse » (decision 0016), from the candidate space's contract. */
export function candidateOtherAddressRoutes(app: HttpServer, ctx: AntsServices) {
  const others = createOtherAddresses(ctx);
  const candidate = { access: 'candidate' };
  const me = async (request: Parameters<typeof requireCandidate>[1]) => (await requireCandidate(ctx, request)).id;
  mount(app, candidateSpace.otherAddresses, candidate, async (request) => others.list(await me(request)));
  mount(app, candidateSpace.sendAttachLink, candidate, async (request) =>
    others.sendLink(await me(request), request.params.id),
  );
  mount(app, candidateSpace.attachLink, candidate, async (request) =>
    others.linkAddress(request.params.token, await me(request)),
  );
  mount(app, candidateSpace.attach, candidate, async (request) =>
    others.attach(request.params.token, await me(request)),
  );
}
