import { applicationSchema } from '@permis/ants-api';
import { WebhookVerificationError, webhookSigner } from '@permis/ants-api/webhooks';
import type { HttpServer, Jobs, SecretBox } from '@permis/platform';
import { and, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { SchoolDb } from '../db/index.ts';
import { offices, onlineApplications } from '../db/schema.ts';
import { schoolError } from '../errors.ts';
import { saveApplication } from '../online/store.ts';
import type { SchoolServices } from '../services.ts';
import { type AntsClients, isAuthenticationFailure } from './clients.ts';

type OfficeRow = typeof offices.$inferSelect;

/**
 * Registers this office's webhook on the national service when it is not yet (or moved): the
 * national service then pushes every change of the office's applications. The secret it answers
 * is sealed at rest. Two registrations racing (a job and a save, two instances) are harmless: the
 * national service answers the same secret for the same address.
 */
export async function ensureWebhook(
  db: SchoolDb,
  clients: AntsClients,
  box: SecretBox,
  office: OfficeRow,
  publicUrl: string,
): Promise<void> {
  const url = `${publicUrl}/api/ants/webhook/${office.id}`;
  if (office.webhookUrl === url && office.webhookSecretSealed) return;
  const { secret } = await clients.forOffice(office).registerWebhook(url);
  await db
    .update(offices)
    .set({ webhookUrl: url, webhookSecretSealed: box.seal(secret) })
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
      await ensure(office).catch((error: unknown) => {
        if (!isAuthenticationFailure(error)) throw error;
      });
    },
    /** At start: the offices with credentials whose pushes do not come here yet. */
    async subscribeAll(): Promise<string[]> {
      const url = (id: string) => `${publicUrl}/api/ants/webhook/${id}`;
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

const eventSchema = z.object({ id: z.uuid(), type: z.literal('application.updated'), application: applicationSchema });

/**
 * The receiver: checks the Standard Webhooks signature and timestamp with the office's secret, then
 * keeps the application unless the school already has a newer or equal state of it: a repeated or
 * late push changes nothing.
 */
export function webhookReceiverRoutes(app: HttpServer, { db, box }: SchoolServices) {
  app.register(async (scoped) => {
    // The signature covers the exact bytes sent: keep the body as text.
    scoped.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scoped.post('/api/ants/webhook/:officeId', { config: { access: 'signed' } }, async (request, reply) => {
      const officeId = (request.params as { officeId: string }).officeId;
      const body = typeof request.body === 'string' ? request.body : '';
      const [office] = z.uuid().safeParse(officeId).success
        ? await db.select().from(offices).where(eq(offices.id, officeId)).limit(1)
        : [];
      if (!office?.webhookSecretSealed) throw schoolError('BAD_SIGNATURE', 'Signature absente ou invalide.');
      // Standard Webhooks, verified by its library: the signature of "id.timestamp.body", and a
      // timestamp within five minutes (an old push replayed is refused).
      const headers = Object.fromEntries(
        ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => [
          name,
          String(request.headers[name] ?? ''),
        ]),
      );
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
      return reply.status(204).send();
    });
  });
}
