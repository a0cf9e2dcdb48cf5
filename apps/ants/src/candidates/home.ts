import {
  actionAllowed,
  type CandidateHome,
  type HomeNotification,
  OWN_NEXT,
  OWN_NEXT_STEP,
  type OwnNext,
} from '@permis/ants-api';
import { eq } from 'drizzle-orm';
import type { AntsDb } from '../db/index.ts';
import { applications, candidates } from '../db/schema.ts';
import { unreadMessages } from './messages.ts';
import { otherRecords } from './otherAddresses.ts';
import { candidateSees } from './sees.ts';

/** What waits for a candidat libre on their own demand, as their home says it. */
const OWN_NOTICE: Record<OwnNext, (number: string) => string> = {
  continue: (number) => `Votre demande n° ${number} est en brouillon : terminez-la pour l'envoyer.`,
  complete: (number) => `Votre demande n° ${number} est à compléter.`,
};

/**
 * The candidate's home (seed 000): « Bienvenue PRÉNOM NOM », the sign-in before this one, and what
 * waits for them: demands to validate, demands made under another address of theirs, unread messages.
 */
export async function candidateHome(
  db: AntsDb,
  me: { id: string; firstName: string; lastName: string },
): Promise<CandidateHome> {
  const [[account], rows, unread, others] = await Promise.all([
    db
      .select({ previousLoginAt: candidates.previousLoginAt })
      .from(candidates)
      .where(eq(candidates.id, me.id))
      .limit(1),
    db
      .select({ number: applications.number, state: applications.state, proAccountId: applications.proAccountId })
      .from(applications)
      .where(eq(applications.candidateId, me.id)),
    unreadMessages(db, me.id),
    otherRecords(db, me.id),
  ]);
  const notifications: HomeNotification[] = rows.filter(candidateSees).flatMap((row) => {
    if (actionAllowed('confirm', row.state)) {
      return [
        { text: `La demande n° ${row.number} attend votre validation.`, link: `/monespace/demarches/${row.number}` },
      ];
    }
    // A candidat libre's own demand waits for them as its holder.
    const next = row.proAccountId === null ? OWN_NEXT[row.state] : null;
    if (next === null) return [];
    return [
      {
        text: OWN_NOTICE[next](row.number),
        link: `/monespace/nouvelle-demande/${row.number}?etape=${OWN_NEXT_STEP[next]}`,
      },
    ];
  });
  if (others.length > 0) {
    // Demands a school typed under another address of the person's: theirs once they prove it.
    notifications.push({
      text: 'Des démarches ont été faites pour vous avec une autre adresse électronique : rattachez-les à votre compte.',
      link: '/monespace/donnees#autres-adresses',
    });
  }
  if (unread > 0) {
    notifications.push({
      text: unread === 1 ? 'Vous avez 1 message non lu.' : `Vous avez ${unread} messages non lus.`,
      link: '/monespace/messages',
    });
  }
  return {
    firstName: me.firstName,
    lastName: me.lastName,
    previousLoginAt: account?.previousLoginAt?.toISOString() ?? null,
    unreadMessages: unread,
    notifications,
  };
}
