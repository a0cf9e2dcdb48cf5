import { webhookDeletedSchema, webhookRegisteredSchema, webhookResponseSchema } from '@permis/ants-api';
import { newWebhookSecret } from '@permis/ants-api/webhooks';
import type { HttpServer } from '@permis/platform';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditEvents, proWebhooks } from '../db/schema.ts';
import { schoolAudit } from '../pro/actor.ts';
import { proOperation } from '../pro/operation.ts';
import { requireProCaller } from '../pro/token.ts';
import type { AntsServices } from '../services.ts';
import { checkDestination } from './destination.ts';

/**
 * The school's webhook (professional API): PUT gives the URL and receives the signing secret (the
 * same one while the URL stays the same; a new URL, a new secret);
 * GET shows the URL only; DELETE stops the pushes.
 */
export function webhookRoutes(app: HttpServer, { db, box, destinations: policy }: AntsServices) {
  app.put(
    '/api/pro/v1/webhook',
    proOperation(
      {
        id: 'registerWebhook',
        summary: "Enregistrer l'adresse des notifications",
        description:
          "Répond le secret de signature (`whsec_…`) : le même tant que l'adresse ne change pas, un nouveau pour une nouvelle adresse. Adresse https publique.",
        tag: 'Notifications',
        body: true,
        answers: [{ description: "L'adresse et le secret de signature.", schema: webhookRegisteredSchema }],
        errors: ['WEBHOOK_URL_REFUSED'],
      },
      {
        body: z.object({
          url: z
            .url('Adresse invalide.')
            .max(500)
            .refine((url) => /^https?:\/\//.test(url), 'Adresse http(s) attendue.'),
        }),
      },
    ),
    async (request) => {
      const school = await requireProCaller(db, request);
      await checkDestination(request.body.url, policy, false);
      const values = { url: request.body.url, secretSealed: box.seal(newWebhookSecret()), updatedAt: new Date() };
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
      await db.insert(auditEvents).values({
        ...schoolAudit(school),
        action: 'webhook.register',
        targetType: 'pro_account',
        targetId: school.id,
      });
      return { url: request.body.url, secret };
    },
  );

  app.get(
    '/api/pro/v1/webhook',
    proOperation({
      id: 'getWebhook',
      summary: "Lire l'adresse des notifications",
      tag: 'Notifications',
      answers: [{ description: "L'adresse enregistrée (jamais le secret), ou null.", schema: webhookResponseSchema }],
      errors: [],
    }),
    async (request) => {
      const school = await requireProCaller(db, request);
      const [row] = await db.select().from(proWebhooks).where(eq(proWebhooks.proAccountId, school.id)).limit(1);
      return { webhook: row ? { url: row.url, updatedAt: row.updatedAt.toISOString() } : null };
    },
  );

  app.delete(
    '/api/pro/v1/webhook',
    proOperation({
      id: 'deleteWebhook',
      summary: 'Arrêter les notifications',
      tag: 'Notifications',
      answers: [{ description: 'Plus aucune notification ne part.', schema: webhookDeletedSchema }],
      errors: [],
    }),
    async (request) => {
      const school = await requireProCaller(db, request);
      await db.delete(proWebhooks).where(eq(proWebhooks.proAccountId, school.id));
      return { deleted: true as const };
    },
  );
}
