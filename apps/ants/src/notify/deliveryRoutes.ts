import { agentSpace } from '@permis/ants-api';
import { type HttpServer, mount } from '@permis/platform';
import { requireAgent } from '../auth/context.ts';
import type { AntsServices } from '../services.ts';
import { listFailedDeliveries, retryDelivery } from './deliveries.ts';

/** The agents' page of undelivered mail and SMS: the list, and the relaunch of one. */
export function deliveryRoutes(app: HttpServer, ctx: AntsServices) {
  const agent = { access: 'agent' };
  mount(app, agentSpace.deliveries, agent, async (request) => {
    await requireAgent(ctx, request);
    return { deliveries: await listFailedDeliveries(ctx.jobs) };
  });
  mount(app, agentSpace.retryDelivery, agent, async (request) => {
    const me = await requireAgent(ctx, request);
    await retryDelivery(ctx.db, ctx.jobs, me, request.params.channel, request.params.id);
    return { retried: true as const };
  });
}
