import type { Jobs } from './jobs.ts';
import type { Mail, Mailer } from './mail.ts';

/**
 * Mail is sent by a job, after the transaction that decided it has committed: an SMTP outage
 * delays it (retries with backoff), a permanent failure leaves the job visible as failed.
 */
export const MAIL_QUEUE = 'mail-send';

export type MailQueue = {
  /**
   * `urgent`: sent before the mails already waiting (pg-boss fetches by priority): an activation
   * link never waits behind a flood of recovery mails.
   */
  enqueue(mail: Mail, options?: { urgent?: boolean }): Promise<void>;
};

export async function startMailQueue(jobs: Jobs, mailer: Mailer): Promise<MailQueue> {
  await jobs.work<Mail>(MAIL_QUEUE, async (mail) => {
    await mailer.send(mail);
  });
  return {
    async enqueue(mail, options = {}) {
      await jobs.send(MAIL_QUEUE, mail, options.urgent ? { priority: 10 } : undefined);
    },
  };
}
