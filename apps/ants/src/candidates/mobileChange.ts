import { randomInt } from 'node:crypto';
import { createRateLimiter, type SecretBox, safeEqual } from '@permis/platform';
import { eq } from 'drizzle-orm';
import type { AntsDb } from '../db/index.ts';
import { candidateMobileChanges, candidates } from '../db/schema.ts';
import { antsError } from '../domain/errors.ts';
import { internationalMobile, SMS_QUEUE, type Sms } from '../notify/sms.ts';
import type { AntsServices } from '../services.ts';
import { auditCandidate } from './audit.ts';

/** How long a code confirms its number; how many wrong codes drop the request; how many codes an account may ask a day. */
export const MOBILE_CODE_MINUTES = 10;
export const MOBILE_CODE_TRIES = 5;
export const MOBILE_CODES_PER_DAY = 5;

const CODE_GONE = 'Aucun changement de numéro n’est en attente : saisissez le nouveau numéro pour recevoir un code.';
const CODE_DROPPED = `Code incorrect saisi ${MOBILE_CODE_TRIES} fois : la demande de changement de numéro est annulée. Saisissez de nouveau le numéro pour recevoir un nouveau code.`;
const CODE_EXPIRED = `Ce code a expiré (il est valable ${MOBILE_CODE_MINUTES} minutes) : demandez-en un nouveau avec « Renvoyer un code ».`;

/** What the SMS say: the code to the new number only; the former number hears of the request and of its end, never the code. */
export const MOBILE_SMS = {
  code: (code: string) =>
    `ANTS : votre code de confirmation est ${code}. Saisissez-le dans « Mes données personnelles » pour confirmer ce numéro (valable ${MOBILE_CODE_MINUTES} minutes). Ne le communiquez à personne.`,
  asked:
    'ANTS : un changement du numéro de téléphone portable de votre compte ANTS a été demandé. Si cette demande ne vient pas de vous, connectez-vous à votre compte et changez votre mot de passe.',
  changed:
    "ANTS : le numéro de téléphone portable de votre compte ANTS a été changé : les SMS du service n'arriveront plus à ce numéro. Si ce changement ne vient pas de vous, contactez l'ANTS.",
  removed:
    "ANTS : ce numéro a été retiré de votre compte ANTS : les SMS du service n'y arriveront plus. Si ce changement ne vient pas de vous, contactez l'ANTS.",
};

/** "0712345678" or "+33712345678" → "07 12 34 56 78" (as a French reader writes it). */
export function displayMobile(mobile: string): string {
  const international = internationalMobile(mobile);
  if (!international) return mobile;
  return `0${international.slice(3)}`.replace(/(\d{2})(?=\d)/g, '$1 ');
}

/** The code's keyed digest, bound to the candidate and the number: a code for one number never confirms another. */
const codeDigest = (box: SecretBox, candidateId: string, mobile: string, code: string) =>
  box.mac('candidate-mobile-change', `${candidateId}:${internationalMobile(mobile)}:${code}`);

/** The number waiting for its code (the code may have expired: « Renvoyer un code » asks another). */
export async function pendingMobile(db: AntsDb, box: SecretBox, candidateId: string): Promise<string | null> {
  const [row] = await db
    .select({ newMobile: candidateMobileChanges.newMobile })
    .from(candidateMobileChanges)
    .where(eq(candidateMobileChanges.candidateId, candidateId))
    .limit(1);
  return row ? box.open(row.newMobile) : null;
}

/**
 * A new code for `newMobile`, replacing any code asked before (one request at a time). Answers the
 * code, to be sent to that number only, and whether the request is new (not the same number asked again).
 */
export async function askMobileChange(db: AntsDb, box: SecretBox, candidateId: string, newMobile: string) {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const fields = {
    newMobile: box.seal(newMobile),
    codeHash: codeDigest(box, candidateId, newMobile, code),
    failures: 0,
    expiresAt: new Date(Date.now() + MOBILE_CODE_MINUTES * 60 * 1000),
    createdAt: new Date(),
  };
  const fresh = await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ newMobile: candidateMobileChanges.newMobile })
      .from(candidateMobileChanges)
      .where(eq(candidateMobileChanges.candidateId, candidateId))
      .for('update');
    await tx
      .insert(candidateMobileChanges)
      .values({ candidateId, ...fields })
      .onConflictDoUpdate({ target: candidateMobileChanges.candidateId, set: fields });
    return !before || internationalMobile(box.open(before.newMobile)) !== internationalMobile(newMobile);
  });
  return { code, fresh };
}

export type MobileConfirmation =
  | { kind: 'confirmed'; mobile: string; former: string }
  | { kind: 'none' }
  | { kind: 'expired' }
  | { kind: 'wrong'; left: number }
  | { kind: 'dropped' };

/**
 * Checks a typed code, in one transaction holding the request's row (several instances, one count):
 * the right one sets the mobile; a wrong one is counted, and the last allowed drops the request.
 */
export async function confirmMobileChange(
  db: AntsDb,
  box: SecretBox,
  candidateId: string,
  code: string,
): Promise<MobileConfirmation> {
  return db.transaction(async (tx): Promise<MobileConfirmation> => {
    const [row] = await tx
      .select()
      .from(candidateMobileChanges)
      .where(eq(candidateMobileChanges.candidateId, candidateId))
      .for('update');
    if (!row) return { kind: 'none' };
    if (row.expiresAt.getTime() <= Date.now()) return { kind: 'expired' };
    const mobile = box.open(row.newMobile);
    if (!safeEqual(codeDigest(box, candidateId, mobile, code), row.codeHash)) {
      const failures = row.failures + 1;
      if (failures >= MOBILE_CODE_TRIES) {
        await tx.delete(candidateMobileChanges).where(eq(candidateMobileChanges.candidateId, candidateId));
        return { kind: 'dropped' };
      }
      await tx
        .update(candidateMobileChanges)
        .set({ failures })
        .where(eq(candidateMobileChanges.candidateId, candidateId));
      return { kind: 'wrong', left: MOBILE_CODE_TRIES - failures };
    }
    const [before] = await tx
      .select({ mobile: candidates.mobile })
      .from(candidates)
      .where(eq(candidates.id, candidateId))
      .for('update');
    await tx.update(candidates).set({ mobile, mobileConfirmedAt: new Date() }).where(eq(candidates.id, candidateId));
    await tx.delete(candidateMobileChanges).where(eq(candidateMobileChanges.candidateId, candidateId));
    await auditCandidate(tx, candidateId, 'candidate.mobile_change');
    return { kind: 'confirmed', mobile, former: before?.mobile ?? '' };
  });
}

/** No code to remove one's number (nothing is sent to a number that is no longer there): any request goes too. */
export async function removeMobile(db: AntsDb, candidateId: string): Promise<string> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ mobile: candidates.mobile })
      .from(candidates)
      .where(eq(candidates.id, candidateId))
      .for('update');
    await tx.delete(candidateMobileChanges).where(eq(candidateMobileChanges.candidateId, candidateId));
    if (before?.mobile) {
      await tx.update(candidates).set({ mobile: '', mobileConfirmedAt: null }).where(eq(candidates.id, candidateId));
      await auditCandidate(tx, candidateId, 'candidate.mobile_remove');
    }
    return before?.mobile ?? '';
  });
}

/** What a request for a new number answers: the code sent (nothing changed yet), or the number removed. */
export type MobileChangeAnswer = { message: string; pendingMobile: string } | { mobile: '' };

/**
 * « Mon téléphone portable » (issue 35): a new number changes only once the code SMSed to it is
 * typed back, so nobody sets a number that is not theirs; the former number is told of the request
 * and of the change. Codes are counted per account (5 a day): the service floods no number.
 */
export function createMobileChanges({ db, box, jobs }: Pick<AntsServices, 'db' | 'box' | 'jobs'>) {
  const codes = createRateLimiter(db, {
    name: 'candidate-mobile-codes',
    quota: MOBILE_CODES_PER_DAY,
    windowSeconds: 86400,
  });
  // SMS leave through the job queue, as every other (sealed there, retried); none without one (some tests).
  const send = async (sms: Sms, urgent = false) => {
    if (sms.to) await jobs?.send(SMS_QUEUE, sms, urgent ? { priority: 10 } : undefined);
  };

  return {
    /** A code for a new number, or an empty number removed at once. */
    async change(candidateId: string, mobile: string): Promise<MobileChangeAnswer> {
      if (mobile === '') {
        const former = await removeMobile(db, candidateId);
        await send({ to: internationalMobile(former), text: MOBILE_SMS.removed });
        return { mobile: '' };
      }
      const [row] = await db
        .select({ mobile: candidates.mobile })
        .from(candidates)
        .where(eq(candidates.id, candidateId))
        .limit(1);
      const former = internationalMobile(row?.mobile ?? '');
      if (internationalMobile(mobile) === former) {
        throw antsError('VALIDATION', 'Certains champs sont invalides.', [
          { path: 'mobile', message: 'C’est déjà votre numéro de téléphone portable.' },
        ]);
      }
      if (!(await codes.take(`mobile-change:${candidateId}`)).allowed) {
        throw antsError(
          'RATE_LIMITED',
          'Trop de codes demandés aujourd’hui pour ce compte : réessayez demain, ou confirmez le numéro avec le dernier code reçu.',
        );
      }
      const { code, fresh } = await askMobileChange(db, box, candidateId, mobile);
      await send({ to: internationalMobile(mobile), text: MOBILE_SMS.code(code) }, true);
      // The same number asked again (« Renvoyer un code ») is not news to the former one.
      if (fresh) await send({ to: former, text: MOBILE_SMS.asked });
      return {
        message: `Un code de confirmation a été envoyé par SMS au ${displayMobile(mobile)} ; saisissez-le pour confirmer le nouveau numéro. Il est valable ${MOBILE_CODE_MINUTES} minutes.`,
        pendingMobile: mobile,
      };
    },

    /** The code typed back: the number set, or a refusal that says how many tries are left. */
    async confirm(candidateId: string, code: string): Promise<{ mobile: string }> {
      // Counted in its own committed transaction: the refusal below never undoes the count.
      const outcome = await confirmMobileChange(db, box, candidateId, code);
      switch (outcome.kind) {
        case 'none':
          throw antsError('CODE_GONE', CODE_GONE);
        case 'dropped':
          throw antsError('CODE_GONE', CODE_DROPPED);
        case 'expired':
          throw antsError('CODE_EXPIRED', CODE_EXPIRED, [{ path: 'code', message: CODE_EXPIRED }]);
        case 'wrong':
          throw antsError('CODE_INCORRECT', 'Le code saisi est incorrect.', [
            {
              path: 'code',
              message: `Ce code est incorrect : vérifiez le SMS reçu. Il vous reste ${outcome.left} essai${outcome.left > 1 ? 's' : ''}.`,
            },
          ]);
        case 'confirmed': {
          const former = internationalMobile(outcome.former);
          if (former !== internationalMobile(outcome.mobile)) await send({ to: former, text: MOBILE_SMS.changed });
          return { mobile: outcome.mobile };
        }
      }
    },
  };
}
