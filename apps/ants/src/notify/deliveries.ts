import { type HttpServer, listFailedJobs, MAIL_QUEUE, type Mail, notFound, retryFailedJob } from '@permis/platform';
import { z } from 'zod';
import { requireAgent } from '../auth/context.ts';
import { agentAudit } from '../domain/actor.ts';
import { recordAudit } from '../domain/audit.ts';
import type { AntsServices } from '../services.ts';
import { SMS_QUEUE, type Sms } from './sms.ts';

const CHANNELS = { mail: MAIL_QUEUE, sms: SMS_QUEUE } as const;
type Channel = keyof typeof CHANNELS;

/**
 * Mail and SMS that could not be delivered after every retry: listed for the agents (never lost
 * silently), each with the last error, and sent again on demand once the cause is fixed.
 */
export function deliveryRoutes(app: HttpServer, ctx: AntsServices) {
  const { jobs } = ctx;
  app.get('/api/agent/deliveries', { config: { access: 'agent' } }, async (request) => {
    await requireAgent(ctx, request);
    if (!jobs) return { deliveries: [] };
    const failed = await listFailedJobs(jobs, Object.values(CHANNELS));
    return {
      deliveries: failed.map((job) => {
        const channel: Channel = job.queue === SMS_QUEUE ? 'sms' : 'mail';
        const data = job.data as Partial<Mail & Sms>;
        return {
          id: job.id,
          channel,
          to: data.to ?? '',
          summary: channel === 'mail' ? (data.subject ?? '') : (data.text ?? ''),
          error: job.error,
          failedAt: job.failedAt.toISOString(),
          attempts: job.attempts,
        };
      }),
    };
  });

  app.post(
    '/api/agent/deliveries/:channel/:id/retry',
    {
      config: { access: 'agent' },
      schema: {
        params: z.object({
          channel: z.enum(['mail', 'sms'], { error: 'Canal inconnu.' }),
          id: z.uuid('Envoi inconnu.'),
        }),
      },
    },
    async (request) => {
      const agent = await requireAgent(ctx, request);
      const { channel, id } = request.params;
      if (!jobs || !(await retryFailedJob(jobs, CHANNELS[channel], id))) {
        throw notFound('Cet envoi n’est plus en échec : il a déjà été relancé ou a abouti.');
      }
      await recordAudit(ctx.db, {
        by: agentAudit(agent.id),
        action: `delivery.retry.${channel}`,
        target: 'job',
        targetId: id,
      });
      return { retried: true };
    },
  );
}
