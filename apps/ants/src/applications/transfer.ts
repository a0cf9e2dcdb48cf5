import { API_ERRORS, inStateSet, samePerson, type TransferRequest } from '@permis/ants-api';
import { createLoginThrottle } from '@permis/platform';
import { and, eq, sql } from 'drizzle-orm';
import type { AntsDb } from '../db/index.ts';
import { applications, formerHolders, proAccounts } from '../db/schema.ts';
import { type SchoolActor, schoolAudit } from '../domain/actor.ts';
import { recordAudit } from '../domain/audit.ts';
import { antsError } from '../domain/errors.ts';
import { recordNews, transferNews } from './news.ts';
import { recordChange } from './webhookOutbox.ts';

/** Failed transfers an account may make in an hour: enough for typos, too few to guess numbers. */
export const MAX_FAILED_TRANSFERS = 10;

export type Transfers = {
  /**
   * "Demande de transfert": the calling school takes over an application if it names its number,
   * the agrément of the school that holds it and its candidate. Every mismatch is the same answer
   * (it reveals neither the number nor the school nor the person); failures are counted per account.
   */
  transfer(school: SchoolActor, ip: string, request: TransferRequest): Promise<typeof applications.$inferSelect>;
};

export function createTransfers(db: AntsDb): Transfers {
  const throttle = createLoginThrottle(db, {
    scope: 'transfer',
    maxPerIdentityAndIp: MAX_FAILED_TRANSFERS,
    maxPerIdentity: MAX_FAILED_TRANSFERS,
    windowMs: 60 * 60 * 1000,
    refusal: (minutes) =>
      antsError('TRANSFER_THROTTLED', API_ERRORS.TRANSFER_THROTTLED.title.replace('plus tard', `dans ${minutes} min`)),
  });
  return {
    async transfer(school, ip, request) {
      const schoolId = school.id;
      await throttle.assertAllowed(ip, schoolId);
      const [found] = await db
        .select({ row: applications, holderAgrement: proAccounts.agrementNumber })
        .from(applications)
        .innerJoin(proAccounts, eq(proAccounts.id, applications.proAccountId))
        .where(eq(applications.number, request.number))
        .limit(1);
      const matches =
        found &&
        found.holderAgrement.toUpperCase() === request.holderAgrementNumber.toUpperCase() &&
        samePerson(found.row.candidate, request.candidate);
      if (!found || !matches) {
        await throttle.recordFailure(ip, schoolId);
        throw antsError('TRANSFER_NOT_THIS_CANDIDATE');
      }
      const { row } = found;
      // The inner join found its holder: a candidat libre's own demand is never transferred.
      const from = row.proAccountId;
      if (!from) throw antsError('TRANSFER_NOT_THIS_CANDIDATE');
      if (from === schoolId) {
        throw antsError('ALREADY_YOURS', 'Cette demande est déjà rattachée à votre établissement.');
      }
      if (row.paperMandate) {
        throw antsError('TRANSFER_REFUSED', 'Une demande déposée sur mandat papier ne peut pas être transférée.');
      }
      if (!inStateSet('transferable', row.state)) {
        throw antsError('TRANSITION_REFUSED', 'Cette demande ne peut plus être transférée.');
      }
      return db.transaction(async (tx) => {
        const now = new Date();
        const [moved] = await tx
          .update(applications)
          .set({ proAccountId: schoolId, previousProAccountId: from, updatedAt: now })
          .where(and(eq(applications.id, row.id), eq(applications.proAccountId, from)))
          .returning();
        if (!moved) throw antsError('STATE_CHANGED');
        // The school it leaves keeps a "Transféré" row; one that takes it back holds it again.
        await tx
          .insert(formerHolders)
          .values({ applicationId: row.id, proAccountId: from, leftAt: now })
          .onConflictDoUpdate({
            target: [formerHolders.applicationId, formerHolders.proAccountId],
            set: { leftAt: sql`excluded.left_at` },
          });
        await tx
          .delete(formerHolders)
          .where(and(eq(formerHolders.applicationId, row.id), eq(formerHolders.proAccountId, schoolId)));
        await recordAudit(tx, {
          by: schoolAudit(school),
          action: 'application.transfer',
          target: 'application',
          targetId: row.id,
          reason: `depuis ${from}`,
        });
        // The school it leaves sees it "Transféré" without asking (its last event of it).
        await recordChange(tx, row.id, [from]);
        // The candidate hears of it (mail, SMS, « Mes messages »), sent once after commit.
        const [holder] = await tx
          .select({ name: proAccounts.schoolName, city: proAccounts.city })
          .from(proAccounts)
          .where(eq(proAccounts.id, schoolId));
        await recordNews(tx, moved, transferNews(moved, [holder?.name, holder?.city].filter(Boolean).join(', ')));
        return moved;
      });
    },
  };
}
