import { newWebhookSecret } from '@permis/ants-api/webhooks';
import type { SecretBox } from '@permis/platform';
import { eq, sql } from 'drizzle-orm';
import type { AntsDb } from '../db/index.ts';
import { proWebhooks } from '../db/schema.ts';
import { type SchoolActor, schoolAudit } from '../domain/actor.ts';
import { recordAudit } from '../domain/audit.ts';

/**
 * Registers the school's webhook address and answers its signing secret: the same one while the
 * address stays the same, a new one for a new address.
 */
export async function registerWebhook(db: AntsDb, box: SecretBox, school: SchoolActor, url: string): Promise<string> {
  const values = { url, secretSealed: box.seal(newWebhookSecret()), updatedAt: new Date() };
  // The same address again keeps its secret (in one statement): two registrations racing (two
  // instances of the school's software) then hold the same secret, never one the pushes don't use.
  const [row] = await db
    .insert(proWebhooks)
    .values({ proAccountId: school.id, ...values })
    .onConflictDoUpdate({
      target: proWebhooks.proAccountId,
      set: {
        url: values.url,
        updatedAt: values.updatedAt,
        secretSealed: sql`case when ${proWebhooks.url} = excluded.url then ${proWebhooks.secretSealed} else excluded.secret_sealed end`,
      },
    })
    .returning({ secretSealed: proWebhooks.secretSealed });
  const secret = box.open(row!.secretSealed);
  await recordAudit(db, {
    by: schoolAudit(school),
    action: 'webhook.register',
    target: 'pro_account',
    targetId: school.id,
  });
  return secret;
}

/** The school's webhook address (never its secret), or null. */
export async function findWebhook(db: AntsDb, schoolId: string): Promise<{ url: string; updatedAt: string } | null> {
  const [row] = await db.select().from(proWebhooks).where(eq(proWebhooks.proAccountId, schoolId)).limit(1);
  return row ? { url: row.url, updatedAt: row.updatedAt.toISOString() } : null;
}

/** Stops the pushes to the school. */
export async function deleteWebhook(db: AntsDb, schoolId: string): Promise<void> {
  await db.delete(proWebhooks).where(eq(proWebhooks.proAccountId, schoolId));
}
