import { sql } from 'drizzle-orm';
import type { AntsDb, AntsTx } from '../db/index.ts';

/**
 * Records, in the caller's transaction, that an application changed for a school: one event per
 * school that registered a webhook (none otherwise). Delivered after commit by the dispatcher.
 */
export async function recordChange(tx: AntsTx | AntsDb, applicationId: string, proAccountIds: (string | null)[]) {
  for (const accountId of new Set(proAccountIds.filter((id): id is string => id !== null))) {
    await tx.execute(sql`
      insert into webhook_events (pro_account_id, application_id)
      select pro_account_id, ${applicationId}::uuid from pro_webhooks where pro_account_id = ${accountId}::uuid`);
  }
}
