import type { DeliveryChannel, FailedDelivery } from '@permis/ants-api';
import { type Jobs, listFailedJobs, MAIL_QUEUE, type Mail, notFound, retryFailedJob } from '@permis/platform';
import type { AntsDb } from '../db/index.ts';
import { agentAudit } from '../domain/actor.ts';
import { recordAudit } from '../domain/audit.ts';
import { SMS_QUEUE, type Sms } from './sms.ts';

/**
 * Mail and SMS that could not be delivered after every retry: listed for the agents (never lost
 * silently), each with the last error, and sent again on demand once the cause is fixed.
 */
const QUEUES = { mail: MAIL_QUEUE, sms: SMS_QUEUE } satisfies Record<DeliveryChannel, string>;

/** The failed mail and SMS, newest first; none without a job queue (some tests). */
export async function listFailedDeliveries(jobs: Jobs | undefined): Promise<FailedDelivery[]> {
  if (!jobs) return [];
  const failed = await listFailedJobs(jobs, Object.values(QUEUES));
  return failed.map((job) => {
    const channel: DeliveryChannel = job.queue === SMS_QUEUE ? 'sms' : 'mail';
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
  });
}

/** Sends a failed mail or SMS again, in the audit trail; one no longer failed is "not found". */
export async function retryDelivery(
  db: AntsDb,
  jobs: Jobs | undefined,
  agent: { id: string },
  channel: DeliveryChannel,
  id: string,
): Promise<void> {
  if (!jobs || !(await retryFailedJob(jobs, QUEUES[channel], id))) {
    throw notFound('Cet envoi n’est plus en échec : il a déjà été relancé ou a abouti.');
  }
  await recordAudit(db, { by: agentAudit(agent.id), action: `delivery.retry.${channel}`, target: 'job', targetId: id });
}
