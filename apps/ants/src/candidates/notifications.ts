import { createSecretBox, type Jobs, type MailQueue } from '@permis/platform';
import type { AntsConfig } from '../config.ts';
import type { AntsDb } from '../db/index.ts';
import { httpSmsProvider, outboxSmsProvider, startSmsQueue } from '../notify/sms.ts';
import { EXPIRY_QUEUE, expireUnactivatedAccounts } from './expiry.ts';
import { INVITATION_QUEUE, inviteCandidate, requeueMissedInvitations } from './invitation.ts';
import { startCandidateNews } from './newsSender.ts';

const INVITATION_SWEEP_QUEUE = 'candidate-invitation-sweep';

/** What reaches a candidate after a change committed, queued (each sent by a job). */
export type CandidateNotices = {
  invite(applicationId: string): Promise<void>;
  /** Stops sending the news of each step (news.ts). */
  stop(): void;
};

/** Starts the workers that reach candidates; answers the functions that queue their notices. */
export async function startCandidateNotifications(
  db: AntsDb,
  jobs: Jobs,
  mail: MailQueue,
  config: Pick<AntsConfig, 'sms' | 'publicUrl' | 'secretKey'>,
  log: { error(obj: object, msg: string): void },
): Promise<CandidateNotices> {
  const provider =
    config.sms.provider === 'http'
      ? httpSmsProvider(config.sms.url, config.sms.token)
      : outboxSmsProvider(db, createSecretBox(config.secretKey));
  const sms = await startSmsQueue(jobs, provider);
  const notifier = { mail, sms, publicUrl: config.publicUrl };
  const stopNews = startCandidateNews(db, notifier, log, 1000);
  await jobs.work<{ applicationId: string }>(INVITATION_QUEUE, ({ applicationId }) =>
    inviteCandidate(db, notifier, applicationId),
  );
  // Every quarter of an hour, unactivated accounts past their 7 days go, with their applications.
  await jobs.work(EXPIRY_QUEUE, async () => void (await expireUnactivatedAccounts(db)));
  await jobs.boss.schedule(EXPIRY_QUEUE, '*/15 * * * *', {}, { tz: 'Europe/Paris' });
  // Queued twice (sweep racing a slow queue), the second run finds the candidate notified and stops.
  const queue = async (applicationId: string) => {
    await jobs.send(INVITATION_QUEUE, { applicationId });
  };
  await jobs.work(INVITATION_SWEEP_QUEUE, async () => void (await requeueMissedInvitations(db, queue)));
  await jobs.boss.schedule(INVITATION_SWEEP_QUEUE, '*/5 * * * *', {}, { tz: 'Europe/Paris' });
  return {
    stop: stopNews,
    invite: queue,
  };
}
