import { createRateLimiter, notFound, sessions, sha256 } from '@permis/platform';
import { and, eq, exists, isNull, ne, sql } from 'drizzle-orm';
import { civilIdentity } from '../applications/create.ts';
import { CANDIDATE } from '../auth/context.ts';
import type { AntsDb, AntsTx } from '../db/index.ts';
import { applications, candidateMessages, candidates, candidateTokens, ephotoCodes } from '../db/schema.ts';
import { antsError } from '../domain/errors.ts';
import type { AntsServices } from '../services.ts';
import { auditCandidate } from './audit.ts';
import { issueLink, linkCandidate, useLink } from './links.ts';
import { SIGNATURE } from './mails.ts';
import { pivotMatches } from './pivot.ts';

const LINK_HOURS = 24;
const LINKS_PER_DAY = 5;
/** How many records of one birth date and sex are read to compare their names (ample: a few per day). */
const SAME_BIRTH_LIMIT = 5000;
const ATTACH_GONE =
  'Ce lien n’est plus valable : il a déjà servi ou a expiré. Demandez-en un nouveau depuis « Mes données personnelles ».';

/**
 * « Démarches faites pour vous avec une autre adresse » (decision 0016). A school may have typed
 * the person under another email: FranceConnect never opens that account on a name alone, but
 * shows the person the addresses (masked) of the records that describe them as FranceConnect does
 * and hold demands; a link mailed to one of them proves it is theirs, and its demands then move to
 * the FranceConnect account. Only an account FranceConnect vouches for sees any.
 */
export function createOtherAddresses({ db, mail, publicUrl }: Pick<AntsServices, 'db' | 'mail' | 'publicUrl'>) {
  const links = createRateLimiter(db, { name: 'candidate-attach-links', quota: LINKS_PER_DAY, windowSeconds: 86400 });

  const findLink = async (token: string, me: string) => {
    const candidate = await linkCandidate(db, token, 'attach');
    const [link] = await db
      .select({ address: candidateTokens.newEmail })
      .from(candidateTokens)
      .where(eq(candidateTokens.tokenHash, sha256(token)))
      .limit(1);
    if (!candidate || !link?.address) throw antsError('LINK_GONE', ATTACH_GONE);
    if (candidate.id !== me) {
      throw antsError(
        'OTHER_ACCOUNT',
        'Ouvrez ce lien après vous être connecté(e) avec FranceConnect au compte qui l’a demandé.',
      );
    }
    return { candidate, address: link.address };
  };

  return {
    async list(me: string): Promise<{ addresses: { id: string; address: string }[] }> {
      const others = await otherRecords(db, me);
      return { addresses: others.map((other) => ({ id: other.id, address: maskEmail(other.email) })) };
    },

    /** A link mailed to one of those addresses, to prove it is the person's. */
    async sendLink(me: string, otherId: string): Promise<{ message: string }> {
      const other = (await otherRecords(db, me)).find((o) => o.id === otherId);
      if (!other) throw notFound();
      if (!(await links.take(`attach:${me}`)).allowed) {
        throw antsError('RATE_LIMITED', 'Trop de liens demandés aujourd’hui : réessayez demain.');
      }
      const token = await db.transaction((tx) =>
        issueLink(tx, {
          candidateId: me,
          purpose: 'attach',
          newEmail: other.email,
          expiresAt: new Date(Date.now() + LINK_HOURS * 3600 * 1000),
        }),
      );
      await mail?.enqueue({
        to: other.email,
        subject: 'Rattacher vos démarches à votre compte ANTS',
        text: [
          'Bonjour,',
          '',
          'Connecté(e) avec FranceConnect, vous avez demandé que les démarches faites pour vous avec cette adresse électronique rejoignent votre compte ANTS.',
          `Pour le confirmer, ouvrez ce lien (valable ${LINK_HOURS} heures, une seule fois) :`,
          `${publicUrl}/monespace/rattacher/${token}`,
          '',
          'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne change.',
          ...SIGNATURE,
        ].join('\n'),
      });
      return {
        message: `Un lien a été envoyé à ${maskEmail(other.email)}. Les démarches rejoignent votre compte une fois ce lien ouvert (valable ${LINK_HOURS} heures).`,
      };
    },

    // Opened in the person's own session: the link proves the address, the session FranceConnect
    // opened proves the person. Neither alone moves anything (whoever reads that mailbox, or whoever
    // made the person ask for a link to it, holds only one of them).
    async linkAddress(token: string, me: string): Promise<{ address: string }> {
      return { address: maskEmail((await findLink(token, me)).address) };
    },

    async attach(token: string, me: string): Promise<{ moved: number }> {
      const { candidate, address } = await findLink(token, me);
      const moved = await db.transaction(async (tx) => {
        // One after the other with a school's demand for either address (the creation takes these
        // locks), always in the same order so that two such moves never deadlock.
        for (const key of [address, candidate.email].sort()) {
          await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`candidate:${key}`}))`);
        }
        if (!(await useLink(tx, token))) throw antsError('LINK_GONE', ATTACH_GONE);
        // Still a record that describes this person, linked to no FranceConnect identity.
        const [other] = (await otherRecords(tx, candidate.id)).filter((o) => o.email === address);
        if (!other) throw antsError('LINK_GONE', ATTACH_GONE);
        const demands = await tx
          .update(applications)
          .set({ candidateId: candidate.id })
          .where(eq(applications.candidateId, other.id))
          .returning({ id: applications.id });
        await tx
          .update(candidateMessages)
          .set({ candidateId: candidate.id })
          .where(eq(candidateMessages.candidateId, other.id));
        await tx.update(ephotoCodes).set({ candidateId: candidate.id }).where(eq(ephotoCodes.candidateId, other.id));
        if (other.neph && !candidate.neph) {
          await tx.update(candidates).set({ neph: other.neph }).where(eq(candidates.id, candidate.id));
        }
        // The record of that address is gone with its credentials and sessions: its demands are the person's now.
        await tx.delete(sessions).where(and(eq(sessions.subjectType, CANDIDATE), eq(sessions.subjectId, other.id)));
        await tx.delete(candidates).where(eq(candidates.id, other.id));
        await auditCandidate(tx, candidate.id, 'candidate.attach');
        return demands.length;
      });
      return { moved };
    },
  };
}

/**
 * The records, under other addresses, that describe the account's person as FranceConnect does and
 * hold at least one demand. None for an account FranceConnect has not vouched for.
 */
export async function otherRecords(db: AntsDb | AntsTx, candidateId: string) {
  const [me] = await db.select().from(candidates).where(eq(candidates.id, candidateId)).limit(1);
  if (!me?.franceConnectSub) return [];
  const person = { sub: me.franceConnectSub, email: me.email, ...civilIdentity(me) };
  const sameBirth = await db
    .select()
    .from(candidates)
    .where(
      and(
        eq(candidates.birthDate, me.birthDate),
        eq(candidates.sex, me.sex),
        ne(candidates.id, me.id),
        isNull(candidates.franceConnectSub),
        exists(
          db.select({ id: applications.id }).from(applications).where(eq(applications.candidateId, candidates.id)),
        ),
      ),
    )
    .limit(SAME_BIRTH_LIMIT);
  return sameBirth.filter((row) => pivotMatches(row, person));
}

/** « c•••••@example.fr »: enough for the person to know their address, nothing for anyone else. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  return `${local.slice(0, 1)}${'•'.repeat(Math.max(local.length - 1, 3))}${email.slice(at)}`;
}
