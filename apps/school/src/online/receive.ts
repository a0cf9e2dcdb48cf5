import { applicationSchema } from '@permis/ants-api';
import { WebhookVerificationError, webhookSigner } from '@permis/ants-api/webhooks';
import type { SecretBox } from '@permis/platform';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { saveApplication } from '../applications/store.ts';
import type { SchoolDb } from '../db/index.ts';
import { offices, onlineApplications } from '../db/schema.ts';
import { schoolError } from '../errors.ts';

const eventSchema = z.object({ id: z.uuid(), type: z.literal('application.updated'), application: applicationSchema });

/** The Standard Webhooks headers a push carries (empty when absent). */
export type PushHeaders = Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string>;

/**
 * A push of the national service for one office: its Standard Webhooks signature and timestamp are
 * checked with the office's secret, then the application is kept unless the school already has a
 * newer or equal state of it (a repeated or late push changes nothing).
 */
export async function receivePush(
  db: SchoolDb,
  box: SecretBox,
  officeId: string,
  body: string,
  headers: PushHeaders,
): Promise<void> {
  const [office] = z.uuid().safeParse(officeId).success
    ? await db.select().from(offices).where(eq(offices.id, officeId)).limit(1)
    : [];
  if (!office?.webhookSecretSealed) throw schoolError('BAD_SIGNATURE', 'Signature absente ou invalide.');
  // Standard Webhooks, verified by its library: the signature of "id.timestamp.body", and a
  // timestamp within five minutes (an old push replayed is refused).
  try {
    webhookSigner(box.open(office.webhookSecretSealed)).verify(body, headers);
  } catch (error) {
    const stale = error instanceof WebhookVerificationError && /timestamp/i.test(error.message);
    throw stale
      ? schoolError('STALE', 'Notification trop ancienne.')
      : schoolError('BAD_SIGNATURE', 'Signature absente ou invalide.');
  }
  let parsed: z.infer<typeof eventSchema>;
  try {
    parsed = eventSchema.parse(JSON.parse(body));
  } catch {
    throw schoolError('VALIDATION', 'Notification illisible.');
  }
  const { application } = parsed;
  const [known] = await db
    .select({ updatedAt: onlineApplications.remoteUpdatedAt, state: onlineApplications.state })
    .from(onlineApplications)
    .where(
      and(
        eq(onlineApplications.schoolId, office.schoolId),
        eq(onlineApplications.officeId, office.id),
        eq(onlineApplications.number, application.number),
      ),
    )
    .limit(1);
  const incoming = new Date(application.updatedAt).getTime();
  const newer =
    !known ||
    incoming > known.updatedAt.getTime() ||
    (incoming === known.updatedAt.getTime() && known.state !== application.state);
  if (newer) await saveApplication(db, { schoolId: office.schoolId, officeId: office.id }, application);
  await db.update(offices).set({ antsLastHeardAt: new Date() }).where(eq(offices.id, office.id));
}
