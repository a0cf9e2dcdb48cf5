import { samePerson } from '@permis/ants-api';
import { pgErrorCode, sessions } from '@permis/platform';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { CANDIDATE } from '../auth/context.ts';
import type { AntsDb, AntsTx } from '../db/index.ts';
import { candidateMessages, candidateMobileChanges, candidates, candidateTokens } from '../db/schema.ts';
import { antsError } from '../domain/errors.ts';
import { auditCandidate } from './audit.ts';
import type { Pivot } from './pivot.ts';

/** What « Mes messages » and the mail say when FranceConnect took back an account from credentials nobody proved. */
export const CREDENTIALS_REVOKED = {
  subject: 'Votre compte ANTS est maintenant protégé par FranceConnect',
  body: 'Vous vous êtes connecté(e) avec FranceConnect. Le mot de passe, la question secrète et les connexions ouvertes de votre compte n’avaient pas été créés depuis votre adresse électronique ni avec FranceConnect : par sécurité, ils ont été supprimés. Connectez-vous désormais avec FranceConnect ; vous pouvez choisir un nouveau mot de passe dans « Mes données personnelles ».',
};

/**
 * The candidate account of a FranceConnect identity (decision 0016): the one already linked to its
 * subject; else the account of the email FranceConnect gives (the person's own, which the identity
 * provider vouches for), linked and made the person's; else a new account from the pivot. An
 * identity a school typed under another email is never enough to open an account: those demands
 * follow once the person proves that email (otherAddresses.ts). So a sign-in never fails because of
 * what schools typed; it fails only where the email is another person's proven account.
 */
export async function franceConnectAccount(db: AntsDb, pivot: Pivot): Promise<string> {
  try {
    return await db.transaction((tx) => findOrMake(tx, pivot));
  } catch (error) {
    if (pgErrorCode(error) !== '23505') throw error;
    // Two first sign-ins at once: the second finds the first's account.
    const [linked] = await db
      .select({ id: candidates.id })
      .from(candidates)
      .where(eq(candidates.franceConnectSub, pivot.sub))
      .limit(1);
    if (linked) return linked.id;
    throw fcError('FRANCECONNECT_EMAIL_TAKEN');
  }
}

async function findOrMake(tx: AntsTx, pivot: Pivot): Promise<string> {
  // One after the other with a school's demand for this address (the creation takes the same lock).
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`candidate:${pivot.email}`}))`);
  const [linked] = await tx
    .select({ id: candidates.id })
    .from(candidates)
    .where(eq(candidates.franceConnectSub, pivot.sub))
    .limit(1);
  if (linked) return linked.id;

  const [byEmail] = await tx.select().from(candidates).where(eq(candidates.email, pivot.email)).limit(1);
  if (byEmail) {
    // Another FranceConnect identity, or another person who swore their name on this address (a
    // family's shared mailbox), holds it: never merged into this person.
    const anotherPerson =
      byEmail.franceConnectSub !== null ||
      (byEmail.identityVia === 'attestation' && byEmail.credentialsVia !== null && !samePerson(byEmail, pivot));
    if (anotherPerson) throw fcError('FRANCECONNECT_EMAIL_TAKEN');
    return link(tx, byEmail, pivot);
  }
  const { sub, ...identity } = pivot;
  const [created] = await tx
    .insert(candidates)
    .values({ ...identity, franceConnectSub: sub, identityVia: 'franceconnect', activatedAt: new Date() })
    .returning({ id: candidates.id });
  await auditCandidate(tx, created!.id, 'candidate.franceconnect.create');
  return created!.id;
}

/**
 * Links the account of the person's email to FranceConnect, the strongest proof: its état civil
 * becomes FranceConnect's, and every credential and session that neither the email nor
 * FranceConnect made (a password chosen from a link a school's mobile received, before the SMS
 * stopped carrying it) goes, the person told in « Mes messages » and by mail.
 */
async function link(tx: AntsTx, account: typeof candidates.$inferSelect, pivot: Pivot): Promise<string> {
  const proven = account.credentialsVia !== null;
  const { sub, email: _email, ...civil } = pivot;
  const [linked] = await tx
    .update(candidates)
    .set({
      ...civil,
      identityVia: 'franceconnect',
      franceConnectSub: sub,
      activatedAt: account.activatedAt ?? new Date(),
      // A mobile confirmed by a session no proof opened is not the person's either.
      ...(proven ? {} : { passwordHash: null, secretQuestion: null, secretAnswerHash: null, mobileConfirmedAt: null }),
    })
    .where(and(eq(candidates.id, account.id), isNull(candidates.franceConnectSub)))
    .returning({ id: candidates.id });
  if (!linked) throw fcError('FRANCECONNECT_EMAIL_TAKEN');
  // The account is active now: an activation link still in a mailbox has nothing left to do.
  await tx
    .delete(candidateTokens)
    .where(
      proven
        ? and(eq(candidateTokens.candidateId, account.id), eq(candidateTokens.purpose, 'activation'))
        : eq(candidateTokens.candidateId, account.id),
    );
  if (!proven) {
    await tx.delete(candidateMobileChanges).where(eq(candidateMobileChanges.candidateId, account.id));
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.subjectType, CANDIDATE), eq(sessions.subjectId, account.id)))
      .returning({ tokenHash: sessions.tokenHash });
    if (account.passwordHash !== null || ended.length > 0) {
      // Sent by the news sender after commit, to the account's address (the person's, FranceConnect says).
      await tx
        .insert(candidateMessages)
        .values({ candidateId: account.id, kind: 'credentials_revoked', ...CREDENTIALS_REVOKED });
      await auditCandidate(tx, account.id, 'candidate.franceconnect.revoke');
    }
  }
  await auditCandidate(tx, account.id, 'candidate.franceconnect.link');
  return account.id;
}

/** A FranceConnect sign-in refused: its status and message are the contract's (ANTS_ERRORS). */
export const fcError = (
  code: 'FRANCECONNECT_FAILED' | 'FRANCECONNECT_EMAIL_TAKEN' | 'FRANCECONNECT_IDENTITY_INCOMPLETE',
) => antsError(code);
