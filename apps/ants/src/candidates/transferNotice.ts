import type { Candidate } from '@permis/ants-api';
import { eq } from 'drizzle-orm';
import type { AntsDb } from '../db/index.ts';
import { applications, candidates, proAccounts } from '../db/schema.ts';
import { internationalMobile } from '../notify/sms.ts';
import type { Notifier } from './invitation.ts';
import { transferMail, transferSms } from './mails.ts';

export const TRANSFER_NOTICE_QUEUE = 'candidate-transfer-notice';

/**
 * After a transfer committed: the candidate hears by mail and SMS which school holds their demand
 * now, so that a transfer they did not ask for does not go unnoticed. Reached at the contacts of
 * their account once they activated it (their own), else at those of the application (entered by
 * the school they dealt with), never at contacts another school left on an unactivated record.
 * Runs as a job.
 */
export async function noticeTransfer(db: AntsDb, notifier: Notifier, applicationId: string): Promise<void> {
  const [row] = await db
    .select({
      number: applications.number,
      entered: applications.candidate,
      candidate: candidates,
      school: proAccounts,
    })
    .from(applications)
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(proAccounts, eq(proAccounts.id, applications.proAccountId))
    .where(eq(applications.id, applicationId))
    .limit(1);
  if (!row) return;
  const school = [row.school.schoolName, row.school.city].filter(Boolean).join(', ');
  const contacts = row.candidate.activatedAt ? row.candidate : (row.entered as Candidate);
  await notifier.mail.enqueue(transferMail(contacts.email, row.number, school, notifier.publicUrl));
  const mobile = internationalMobile(contacts.mobile ?? '');
  if (mobile) await notifier.sms.enqueue({ to: mobile, text: transferSms(row.number, school) });
}
