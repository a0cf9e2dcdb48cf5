import { type HttpServer, mount } from '@permis/platform';
import { webhookReceiverRoute } from '@permis/school-api';
import type { SchoolServices } from '../services.ts';
import { type PushHeaders, receivePush } from './receive.ts';

const HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

/** The receiver of the national service's pushes (receive.ts checks and keeps them). */
export function webhookReceiverRoutes(app: HttpServer, { db, box }: SchoolServices) {
  app.register(async (scoped) => {
    // The signature covers the exact bytes sent: keep the body as text.
    scoped.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    mount(scoped, webhookReceiverRoute, { access: 'signed' }, async (request, reply) => {
      const body = typeof request.body === 'string' ? request.body : '';
      const headers = Object.fromEntries(
        HEADERS.map((name) => [name, String(request.headers[name] ?? '')]),
      ) as PushHeaders;
      await receivePush(db, box, request.params.officeId, body, headers);
      return reply.send();
    });
  });
}
