import { candidateSpace } from '@permis/ants-api';
import { type HttpServer, mount } from '@permis/platform';
import { requireCandidate } from '../auth/context.ts';
import type { AntsServices } from '../services.ts';
import { candidateHome } from './home.ts';
import { listMessages, readMessage, unreadMessages } from './messages.ts';

/** The candidate's home and « Mes messages », mounted from the candidate space's contract. */
export function candidateHomeRoutes(app: HttpServer, ctx: AntsServices) {
  const { db } = ctx;
  const candidate = { access: 'candidate' };
  mount(app, candidateSpace.home, candidate, async (request) =>
    candidateHome(db, await requireCandidate(ctx, request)),
  );
  mount(app, candidateSpace.messages, candidate, async (request) => {
    const me = await requireCandidate(ctx, request);
    return { messages: await listMessages(db, me.id), unread: await unreadMessages(db, me.id) };
  });
  mount(app, candidateSpace.readMessage, candidate, async (request) => {
    const me = await requireCandidate(ctx, request);
    return { unread: await readMessage(db, me.id, request.params.id) };
  });
}
