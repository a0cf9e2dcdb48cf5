import type { Jobs, SecretBox } from '@permis/platform';
import { pathOf } from '@permis/platform/route';
import { webhookReceiverRoute } from '@permis/school-api';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { SchoolDb } from '../db/index.ts';
import { offices } from '../db/schema.ts';
import { type AntsClients, isAuthenticationFailure } from './clients.ts';

type OfficeRow = typeof offices.$inferSelect;

/**
 * Registers this office's webhook on the national service when it is not yet (or moved): the
 * national service then pushes every change of the office's applications. The secret it answers
 * is sealed at rest. Two registrations racing (a job and a save, two instances) are harmless: the
 * national service answers the same secret for the same address.
 */
/** The address of an office's receiver (its contract: webhookReceiverRoute). */
const receiverUrl = (publicUrl: string, officeId: string) =>
  `${publicUrl}${pathOf(webhookReceiverRoute.path, { officeId })}`;

export async function ensureWebhook(
  db: SchoolDb,
  clients: AntsClients,
  box: SecretBox,
  office: OfficeRow,
  publicUrl: string,
): Promise<void> {
  const url = receiverUrl(publicUrl, office.id);
  if (office.webhookUrl === url && office.webhookSecretSealed) return;
  const { secret } = await clients.forOffice(office).registerWebhook(url);
  // The registration opened a session with the office's credentials: they are checked, and the
  // site answered (the offices page and the list say so from the first start).
  const now = new Date();
  await db
    .update(offices)
    .set({
      webhookUrl: url,
      webhookSecretSealed: box.seal(secret),
      antsCredentialsCheck: 'accepted',
      antsCredentialsCheckedAt: now,
      antsLastHeardAt: now,
    })
    .where(eq(offices.id, office.id));
}

export const WEBHOOK_QUEUE = 'ants-webhook';

/**
 * Subscribes the school's offices to the national service's pushes as soon as it can: at start for
 * every office with credentials not yet registered at this address, and when the dirigeant saves new
 * credentials. Not reachable now, a job tries again with pg-boss's backoff (one job per office);
 * refused credentials are not retried (the offices page says so).
 */
export function createWebhookSubscriber(
  db: SchoolDb,
  clients: AntsClients,
  box: SecretBox,
  jobs: Jobs | undefined,
  publicUrl: string,
) {
  const ensure = (office: OfficeRow) => ensureWebhook(db, clients, box, office, publicUrl);
  const later = (officeId: string) => jobs?.send(WEBHOOK_QUEUE, { officeId }, { singletonKey: officeId });
  return {
    ensure,
    async subscribe(office: OfficeRow): Promise<'registered' | 'pending'> {
      try {
        await ensure(office);
        return 'registered';
      } catch {
        await later(office.id);
        return 'pending';
      }
    },
    /** The job: one office, as it is now. */
    async subscribeOffice(officeId: string): Promise<void> {
      const [office] = await db.select().from(offices).where(eq(offices.id, officeId)).limit(1);
      if (!office?.cerfaAgrement || !office.antsLogin || !office.antsPasswordSealed) return;
      await ensure(office).catch(async (error: unknown) => {
        if (!isAuthenticationFailure(error)) throw error;
        // Refused: said on the offices page, and not tried again until the dirigeant saves new ones.
        await db
          .update(offices)
          .set({ antsCredentialsCheck: 'refused', antsCredentialsCheckedAt: new Date() })
          .where(eq(offices.id, office.id));
      });
    },
    /** At start: the offices with credentials whose pushes do not come here yet. */
    async subscribeAll(): Promise<string[]> {
      const url = (id: string) => receiverUrl(publicUrl, id);
      const candidates = await db
        .select()
        .from(offices)
        .where(
          and(isNotNull(offices.cerfaAgrement), isNotNull(offices.antsLogin), isNotNull(offices.antsPasswordSealed)),
        );
      const pending = candidates.filter((o) => o.webhookUrl !== url(o.id) || !o.webhookSecretSealed);
      for (const office of pending) await later(office.id);
      return pending.map((o) => o.id);
    },
  };
}
export type WebhookSubscriber = ReturnType<typeof createWebhookSubscriber>;
