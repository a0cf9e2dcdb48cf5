import { type MailQueue, repeatEvery } from '@permis/platform';
import { asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AntsDb } from '../db/index.ts';
import { applications, candidateMessages, candidates } from '../db/schema.ts';
import { internationalMobile, type SmsQueue } from '../notify/sms.ts';
import { SIGNATURE } from './mails.ts';

/**
 * Hands the unsent news to the mail and SMS queues. Each message is claimed first (sent_at set,
 * `FOR UPDATE SKIP LOCKED`: two senders, two instances never take the same one), so a retried or
 * concurrent run never sends it twice; a claim whose queueing failed is given back for the next
 * run. The mail goes to the candidate's address once their account is activated, else the demand's;
 * the SMS to the mobile the person confirmed, else the demand's.
 */
export async function sendCandidateNews(
  db: AntsDb,
  notifier: { mail: MailQueue; sms: SmsQueue; publicUrl: string },
  limit = 50,
): Promise<number> {
  const due = db
    .select({ id: candidateMessages.id })
    .from(candidateMessages)
    .where(isNull(candidateMessages.sentAt))
    .orderBy(asc(candidateMessages.createdAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(candidateMessages)
    .set({ sentAt: sql`now()` })
    .where(inArray(candidateMessages.id, due))
    .returning({ id: candidateMessages.id });
  for (const [index, { id }] of claimed.entries()) {
    try {
      const [row] = await db
        .select({ message: candidateMessages, candidate: candidates, entered: applications.candidate })
        .from(candidateMessages)
        .innerJoin(candidates, eq(candidates.id, candidateMessages.candidateId))
        .leftJoin(applications, eq(applications.id, candidateMessages.applicationId))
        .where(eq(candidateMessages.id, id));
      if (!row) continue;
      const { message, candidate } = row;
      const { entered } = row;
      const contacts = candidate.activatedAt || !entered ? candidate : entered;
      await notifier.mail.enqueue({
        to: contacts.email,
        subject: message.subject,
        text: [
          'Bonjour,',
          '',
          message.body,
          '',
          `Retrouvez vos démarches dans votre espace : ${notifier.publicUrl}/monespace/connexion`,
          ...SIGNATURE,
        ].join('\n'),
      });
      // A mobile a school typed proves nothing: the news of a demand go to the number the person
      // confirmed, else only to the one typed on that very demand (never one another school typed).
      const mobile = internationalMobile((candidate.mobileConfirmedAt ? candidate.mobile : entered?.mobile) ?? '');
      if (mobile && message.sms) await notifier.sms.enqueue({ to: mobile, text: message.sms });
    } catch (error) {
      // This one and those not reached yet go back to the next run.
      const back = claimed.slice(index).map((c) => c.id);
      await db.update(candidateMessages).set({ sentAt: null }).where(inArray(candidateMessages.id, back));
      throw error;
    }
  }
  return claimed.length;
}

/** Sends the news every `intervalMs` (one run at a time per instance); answers how to stop. */
export function startCandidateNews(
  db: AntsDb,
  notifier: { mail: MailQueue; sms: SmsQueue; publicUrl: string },
  log: { error(obj: object, msg: string): void },
  intervalMs: number,
): () => void {
  return repeatEvery(intervalMs, () => sendCandidateNews(db, notifier), log, 'envoi des nouvelles aux candidats');
}
