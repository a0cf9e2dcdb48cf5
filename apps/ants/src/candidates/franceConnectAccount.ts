import { FRANCECONNECT_MESSAGES, type FranceConnectFailure } from '@permis/ants-api';
import { AppError, pgErrorCode, sessions } from '@permis/platform';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { CANDIDATE } from '../auth/context.ts';
import type { AntsDb, AntsTx } from '../db/index.ts';
import { auditEvents, candidates, candidateTokens } from '../db/schema.ts';
import { type Pivot, pivotMatches } from './pivot.ts';

/** How many records of one birth date and sex are read to compare their names (ample: a few per day). */
const SAME_BIRTH_LIMIT = 5000;

/**
 * The candidate account of a FranceConnect identity: the one already linked to its subject; else the
 * account a school's demand created whose record matches the whole pivot (it is then linked and,
 * if the candidate had not activated it yet, activated: FranceConnect vouched for the person);
 * else a new account made from the pivot (a candidat libre). Two records matching, or one already
 * linked to another FranceConnect identity, are never guessed between. Two first sign-ins at once:
 * the second finds the first's account.
 */
export async function franceConnectAccount(db: AntsDb, pivot: Pivot): Promise<string> {
  try {
    return await db.transaction((tx) => findOrMake(tx, pivot));
  } catch (error) {
    if (pgErrorCode(error) !== '23505') throw error;
    const [linked] = await db
      .select({ id: candidates.id })
      .from(candidates)
      .where(eq(candidates.franceConnectSub, pivot.sub))
      .limit(1);
    if (linked) return linked.id;
    throw fcError(409, 'FRANCECONNECT_EMAIL_TAKEN');
  }
}

async function findOrMake(tx: AntsTx, pivot: Pivot): Promise<string> {
  const [linked] = await tx
    .select({ id: candidates.id })
    .from(candidates)
    .where(eq(candidates.franceConnectSub, pivot.sub))
    .limit(1);
  if (linked) return linked.id;

  // Names are compared the agency's way (accents, hyphens, apostrophes aside), so the database
  // narrows on what is written one way only: the birth date and the sex.
  const sameBirth = await tx
    .select()
    .from(candidates)
    .where(and(eq(candidates.birthDate, pivot.birthDate), eq(candidates.sex, pivot.sex)))
    .limit(SAME_BIRTH_LIMIT);
  const matches = sameBirth.filter((row) => pivotMatches(row, pivot));
  if (matches.length > 1 || matches.some((row) => row.franceConnectSub !== null)) {
    throw fcError(409, 'FRANCECONNECT_AMBIGUOUS');
  }
  const [match] = matches;
  if (match) return link(tx, match, pivot);

  const [emailTaken] = await tx
    .select({ id: candidates.id })
    .from(candidates)
    .where(eq(candidates.email, pivot.email))
    .limit(1);
  if (emailTaken) throw fcError(409, 'FRANCECONNECT_EMAIL_TAKEN');
  const { sub, ...identity } = pivot;
  const [created] = await tx
    .insert(candidates)
    .values({ ...identity, franceConnectSub: sub, activatedAt: new Date() })
    .returning({ id: candidates.id });
  await audit(tx, created!.id, 'candidate.franceconnect.create');
  return created!.id;
}

/**
 * Links a school-made record to the person FranceConnect vouches for. Its email was typed by a
 * school: when it is not the person's own (FranceConnect's), whoever held that address, and any
 * password set through it, loses the account — the person's email replaces it, the password, the
 * pending links and the open sessions go.
 */
async function link(tx: AntsTx, match: typeof candidates.$inferSelect, pivot: Pivot): Promise<string> {
  const theirs = match.email === pivot.email;
  if (!theirs) {
    const [taken] = await tx
      .select({ id: candidates.id })
      .from(candidates)
      .where(and(eq(candidates.email, pivot.email), ne(candidates.id, match.id)))
      .limit(1);
    if (taken) throw fcError(409, 'FRANCECONNECT_EMAIL_TAKEN');
  }
  const [linked] = await tx
    .update(candidates)
    .set({
      franceConnectSub: pivot.sub,
      activatedAt: match.activatedAt ?? new Date(),
      ...(theirs ? {} : { email: pivot.email, passwordHash: null, secretQuestion: null, secretAnswerHash: null }),
    })
    .where(and(eq(candidates.id, match.id), isNull(candidates.franceConnectSub)))
    .returning({ id: candidates.id });
  // Linked meanwhile to another FranceConnect identity: never guessed.
  if (!linked) throw fcError(409, 'FRANCECONNECT_AMBIGUOUS');
  if (!theirs) {
    await tx.delete(candidateTokens).where(eq(candidateTokens.candidateId, match.id));
    await tx.delete(sessions).where(and(eq(sessions.subjectType, CANDIDATE), eq(sessions.subjectId, match.id)));
  }
  await audit(tx, match.id, theirs ? 'candidate.franceconnect.link' : 'candidate.franceconnect.reclaim');
  return match.id;
}

export function fcError(status: number, code: FranceConnectFailure): AppError {
  return new AppError(status, code, FRANCECONNECT_MESSAGES[code]);
}

async function audit(tx: AntsTx, candidateId: string, action: string) {
  await tx.insert(auditEvents).values({
    actorType: CANDIDATE,
    actorId: candidateId,
    action,
    targetType: 'candidate',
    targetId: candidateId,
  });
}
