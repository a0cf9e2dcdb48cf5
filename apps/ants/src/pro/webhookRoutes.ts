import { webhookDeletedSchema, webhookRegisteredSchema, webhookResponseSchema } from '@permis/ants-api';
import type { HttpServer } from '@permis/platform';
import { z } from 'zod';
import { requireProCaller } from '../auth/proToken.ts';
import { proOperation } from '../doors/operation.ts';
import type { AntsServices } from '../services.ts';
import { checkDestination } from '../webhooks/destination.ts';
import { deleteWebhook, findWebhook, registerWebhook } from '../webhooks/registration.ts';

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
      const secret = await registerWebhook(db, box, school, request.body.url);
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
      return { webhook: await findWebhook(db, school.id) };
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
      await deleteWebhook(db, school.id);
      return { deleted: true as const };
    },
  );
}
