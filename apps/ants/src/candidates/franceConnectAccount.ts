import { FRANCECONNECT_MESSAGES, type FranceConnectFailure } from '@permis/ants-api';
import { AppError } from '@permis/platform';
import { and, eq, isNull } from 'drizzle-orm';
import { CANDIDATE } from '../auth/context.ts';
import type { AntsDb, AntsTx } from '../db/index.ts';
import { auditEvents, candidates } from '../db/schema.ts';
import { type Pivot, pivotMatches } from './pivot.ts';

/**
 * The candidate account of a FranceConnect identity: the one already linked to its subject; else the
 * account a school's demand created whose record matches the whole pivot (it is then linked and,
 * if the candidate had not activated it yet, activated: FranceConnect vouched for the person);
 * else a new account made from the pivot (a candidat libre). Two records matching, or one already
 * linked to another FranceConnect identity, are never guessed between.
 */
export async function franceConnectAccount(db: AntsDb, pivot: Pivot): Promise<string> {
  return db.transaction(async (tx) => {
    const [linked] = await tx
      .select({ id: candidates.id })
      .from(candidates)
      .where(eq(candidates.franceConnectSub, pivot.sub))
      .limit(1);
    if (linked) return linked.id;

    // The identity index narrows to the few records of that name and birth date.
    const sameName = await tx
      .select()
      .from(candidates)
      .where(and(eq(candidates.birthName, pivot.birthName), eq(candidates.birthDate, pivot.birthDate)))
      .limit(50);
    const matches = sameName.filter((row) => pivotMatches(row, pivot));
    if (matches.length > 1 || matches.some((row) => row.franceConnectSub !== null)) {
      throw fcError(409, 'FRANCECONNECT_AMBIGUOUS');
    }
    const [match] = matches;
    if (match) {
      await tx
        .update(candidates)
        .set({ franceConnectSub: pivot.sub, activatedAt: match.activatedAt ?? new Date() })
        .where(and(eq(candidates.id, match.id), isNull(candidates.franceConnectSub)));
      await audit(tx, match.id, 'candidate.franceconnect.link');
      return match.id;
    }

    const [emailTaken] = await tx
      .select({ id: candidates.id })
      .from(candidates)
      .where(eq(candidates.email, pivot.email))
      .limit(1);
    if (emailTaken) {
      throw fcError(409, 'FRANCECONNECT_EMAIL_TAKEN');
    }
    const { sub, ...identity } = pivot;
    const [created] = await tx
      .insert(candidates)
      .values({ ...identity, franceConnectSub: sub, activatedAt: new Date() })
      .returning({ id: candidates.id });
    await audit(tx, created!.id, 'candidate.franceconnect.create');
    return created!.id;
  });
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

export function fcError(status: number, code: FranceConnectFailure): AppError {
  return new AppError(status, code, FRANCECONNECT_MESSAGES[code]);
}
