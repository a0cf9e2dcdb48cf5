import { type ApplicationAction, inStateSet } from '@permis/ants-api';
import type { AntsTx } from '../db/index.ts';
import { type applications, candidateMessages } from '../db/schema.ts';

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
