import { type ApplicationAction, inStateSet } from '@permis/ants-api';
import { type MailQueue, repeatEvery } from '@permis/platform';
import { asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AntsDb, AntsTx } from '../db/index.ts';
import { applications, candidateMessages, candidates } from '../db/schema.ts';
import { internationalMobile, type SmsQueue } from '../notify/sms.ts';
import { SIGNATURE } from './mails.ts';

type News = { kind: string; subject: string; body: string; sms: string };
// The row's own type, not the machine's name for it: the machine imports this file.
type ApplicationRow = typeof applications.$inferSelect;

/**
 * What the candidate hears of each change of their demand (seed 000: « informé par courriel et par
 * SMS à chaque étape d'évolution de la demande », mandate or not): the templates, in one place.
 * Null: nothing to tell (a draft they never heard of, the school's own steps before they validate;
 * the invitation that follows the school's validation has its own mail, with its link).
 */
export function newsOf(
  action: ApplicationAction,
  before: ApplicationRow,
  after: ApplicationRow,
  reason?: string,
): News | null {
  const n = after.number;
  // A candidat libre's own demand: no school in between.
  const own = after.proAccountId === null;
  const title = after.type === '02' ? "demande d'inscription au permis de conduire" : 'demande de titre (permis)';
  switch (action) {
    case 'validate':
      if (!inStateSet('sent', after.state)) return null;
      return {
        kind: 'sent_to_instruction',
        subject: `Votre ${title} n° ${n} est transmise à l'instruction`,
        body: `Votre école de conduite a déposé votre ${title} n° ${n} sur mandat papier. Elle est transmise au service instructeur de l'ANTS.`,
        sms: `ANTS : votre demande de permis n° ${n} a été déposée par votre école de conduite et transmise à l'instruction.`,
      };
    case 'confirm':
      return {
        kind: 'confirmed',
        subject: `Vous avez validé votre ${title} n° ${n}`,
        body: `Vous avez validé votre ${title} n° ${n}. Elle est transmise au service instructeur de l'ANTS.`,
        sms: `ANTS : vous avez validé votre demande de permis n° ${n}, transmise à l'instruction.`,
      };
    case 'submit':
      return {
        kind: 'submitted',
        subject: `Votre ${title} n° ${n} est déposée`,
        body: `Vous avez déposé votre ${title} n° ${n}. Elle est transmise au service instructeur de l'ANTS.`,
        sms: `ANTS : votre demande de permis n° ${n} est déposée et transmise à l'instruction.`,
      };
    case 'request_completion':
      return {
        kind: 'completion_requested',
        subject: `Votre ${title} n° ${n} est à compléter`,
        body: own
          ? `Le service instructeur demande un complément pour votre ${title} n° ${n}.\n${reason ?? ''}\nEnvoyez-le depuis « Mes démarches en cours ».`
          : `Le service instructeur demande un complément pour votre ${title} n° ${n}.\n${reason ?? ''}\nVotre école de conduite en est informée et l'envoie.`,
        sms: own
          ? `ANTS : votre demande de permis n° ${n} est à compléter (${reason ?? 'pièce justificative'}). Envoyez le complément depuis votre espace.`
          : `ANTS : votre demande de permis n° ${n} est à compléter (${reason ?? 'pièce justificative'}). Votre école de conduite en est informée.`,
      };
    case 'complete':
      return {
        kind: 'completed',
        subject: `Votre ${title} n° ${n} est complétée`,
        body: own
          ? `Vous avez envoyé le complément demandé : votre ${title} n° ${n} est de nouveau à l'instruction.`
          : `Votre école de conduite a envoyé le complément demandé : votre ${title} n° ${n} est de nouveau à l'instruction.`,
        sms: `ANTS : votre demande de permis n° ${n} est complétée et de nouveau à l'instruction.`,
      };
    case 'reject':
      return {
        kind: 'rejected',
        subject: `Votre ${title} n° ${n} est rejetée`,
        body: `Votre ${title} n° ${n} est rejetée.\nMotif : ${reason ?? ''}${own ? '' : '\nRapprochez-vous de votre école de conduite.'}`,
        sms: `ANTS : votre demande de permis n° ${n} est rejetée. Motif : ${reason ?? ''}`,
      };
    case 'accept':
      return after.type === '02'
        ? {
            kind: 'accepted',
            subject: `Votre ${title} n° ${n} est acceptée : votre numéro NEPH`,
            body: `Votre ${title} n° ${n} est acceptée.\nVotre numéro NEPH (numéro d'enregistrement préfectoral harmonisé) : ${after.neph ?? ''}\nIl vous servira pour vous inscrire aux examens du permis de conduire.`,
            sms: `ANTS : votre demande de permis n° ${n} est acceptée. Votre NEPH : ${after.neph ?? ''}`,
          }
        : {
            kind: 'accepted',
            subject: `Votre ${title} n° ${n} est acceptée`,
            body: `Votre ${title} n° ${n} est acceptée : votre permis va être fabriqué et vous sera envoyé.`,
            sms: `ANTS : votre demande de titre n° ${n} est acceptée, votre permis va être fabriqué.`,
          };
    case 'delete':
      // A draft was never theirs to know of.
      if (!inStateSet('seenByCandidate', before.state)) return null;
      return {
        kind: 'deleted',
        subject: `Votre ${title} n° ${n} est supprimée`,
        body: `Votre école de conduite a supprimé votre ${title} n° ${n}.`,
        sms: `ANTS : votre demande de permis n° ${n} a été supprimée par votre école de conduite.`,
      };
    case 'expire':
      return {
        kind: 'expired',
        subject: `Votre ${title} n° ${n} est supprimée`,
        body: `Votre compte ANTS n'a pas été activé dans les 7 jours : votre ${title} n° ${n} est supprimée. Votre école de conduite peut la refaire.`,
        sms: `ANTS : votre demande de permis n° ${n} est supprimée, votre compte n'ayant pas été activé dans les 7 jours.`,
      };
    // The candidate's own answer to the school's demand, and a candidat libre giving up their own
    // draft: they know already.
    case 'refuse':
    case 'withdraw':
      return null;
  }
}

/**
 * A transfer: the candidate would otherwise not know that another school now holds their demand
 * (and would see it if the transfer was not theirs). `school`: its name and town.
 */
export function transferNews(after: ApplicationRow, school: string): News {
  const n = after.number;
  return {
    kind: 'transferred',
    subject: 'Votre demande de permis de conduire a changé d’école de conduite',
    body: `Votre demande n° ${n} est désormais suivie par l’école de conduite ${school}.\nL’école de conduite qui la suivait jusqu’ici n’y a plus accès.\n\nSi vous n’avez pas changé d’école de conduite, connectez-vous à votre compte ANTS et contactez l’ANTS.`,
    sms: `ANTS : votre demande de permis n° ${n} est désormais suivie par l'école de conduite ${school}. Si vous n'avez pas changé d'école, contactez l'ANTS.`,
  };
}

/** Records the news of a change, in the change's transaction: once per change, sent after commit. */
export async function recordNews(tx: AntsTx, after: ApplicationRow, news: News | null): Promise<void> {
  if (!news || !after.candidateId) return;
  await tx.insert(candidateMessages).values({ ...news, candidateId: after.candidateId, applicationId: after.id });
}

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
