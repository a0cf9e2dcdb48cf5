import { createHmac, timingSafeEqual } from 'node:crypto';
import { applicationSchema } from '@permis/ants-api';
import { AppError, type HttpServer, type SecretBox } from '@permis/platform';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { SchoolDb } from '../db/index.ts';
import { offices, onlineApplications } from '../db/schema.ts';
import { saveApplication } from '../online/store.ts';
import type { AntsClients } from './clients.ts';

type OfficeRow = typeof offices.$inferSelect;

/** A push older than this is refused (a replayed request). */
const MAX_AGE_SECONDS = 300;

/**
 * Registers this office's webhook on the national service when it is not yet (or moved): the
 * national service then pushes every change of the office's applications. The secret it answers
 * is sealed at rest.
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

const eventSchema = z.object({ id: z.uuid(), type: z.literal('application.updated'), application: applicationSchema });

/**
 * The receiver: checks the signature (HMAC-SHA256 of "timestamp.body" with the office's secret, in
 * constant time) and the timestamp, then keeps the application unless the school already has a
 * newer or equal state of it: a repeated or late push changes nothing.
 */
export function webhookReceiverRoutes(app: HttpServer, db: SchoolDb, box: SecretBox) {
  app.register(async (scoped) => {
    // The signature covers the exact bytes sent: keep the body as text.
    scoped.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scoped.post('/api/ants/webhook/:officeId', async (request, reply) => {
      const officeId = (request.params as { officeId: string }).officeId;
      const body = typeof request.body === 'string' ? request.body : '';
      const timestamp = String(request.headers['x-ants-timestamp'] ?? '');
      const signature = String(request.headers['x-ants-signature'] ?? '');
      const [office] = z.uuid().safeParse(officeId).success
        ? await db.select().from(offices).where(eq(offices.id, officeId)).limit(1)
        : [];
      if (
        !office?.webhookSecretSealed ||
        !validSignature(box.open(office.webhookSecretSealed), timestamp, body, signature)
      ) {
        throw new AppError(401, 'BAD_SIGNATURE', 'Signature absente ou invalide.');
      }
      if (Math.abs(Date.now() / 1000 - Number(timestamp)) > MAX_AGE_SECONDS) {
        throw new AppError(401, 'STALE', 'Notification trop ancienne.');
      }
      let parsed: z.infer<typeof eventSchema>;
      try {
        parsed = eventSchema.parse(JSON.parse(body));
      } catch {
        throw new AppError(400, 'VALIDATION', 'Notification illisible.');
      }
      const { application } = parsed;
      const [known] = await db
        .select({ updatedAt: onlineApplications.remoteUpdatedAt, state: onlineApplications.state })
        .from(onlineApplications)
        .where(and(eq(onlineApplications.schoolId, office.schoolId), eq(onlineApplications.number, application.number)))
        .limit(1);
      const incoming = new Date(application.updatedAt).getTime();
      const newer =
        !known ||
        incoming > known.updatedAt.getTime() ||
        (incoming === known.updatedAt.getTime() && known.state !== application.state);
      if (newer) await saveApplication(db, { schoolId: office.schoolId, officeId: office.id }, application);
      return reply.status(204).send();
    });
  });
}

function validSignature(secret: string, timestamp: string, body: string, received: string): boolean {
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`);
  const given = Buffer.from(received);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
