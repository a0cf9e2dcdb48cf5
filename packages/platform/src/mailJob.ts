import type { Jobs } from './jobs.ts';
import type { Mail, Mailer } from './mail.ts';

/**
 * Mail is sent by a job, after the transaction that decided it has committed: an SMTP outage
 * delays it (retries with backoff), a permanent failure leaves the job visible as failed.
 */
export const MAIL_QUEUE = 'mail-send';

export type MailQueue = { enqueue(mail: Mail): Promise<void> };

export async function startMailQueue(jobs: Jobs, mailer: Mailer): Promise<MailQueue> {
  await jobs.work<Mail>(MAIL_QUEUE, async (mail) => {
    await mailer.send(mail);
  });
  return {
    async enqueue(mail) {
      await jobs.send(MAIL_QUEUE, mail);
    },
  };
}
