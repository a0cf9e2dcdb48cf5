import type { HttpServer } from '@permis/platform';
import type { AntsServices } from '../services.ts';
import { readSmsOutbox } from './sms.ts';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The development outbox of SMS (registered only with DEV_TOOLS=1 and SMS_PROVIDER=outbox, never
 * with a real gateway): what would have been sent, newest first, with clickable links.
 */
export function smsOutboxRoutes(app: HttpServer, { db, box }: AntsServices) {
  app.get('/dev/sms', { config: { access: 'dev' } }, async (_request, reply) => {
    const rows = await readSmsOutbox(db, box);
    const items = rows
      .map(
        (sms) =>
          `<li><p><strong>${escapeHtml(sms.to)}</strong> — ${sms.sentAt.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}</p><p>${escapeHtml(sms.text).replace(/(https?:\/\/\S+)/g, '<a href="$1">$1</a>')}</p></li>`,
      )
      .join('');
    return reply
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>SMS envoyés (développement)</title></head><body><main><h1>SMS envoyés (boîte de développement)</h1>${rows.length ? `<ol>${items}</ol>` : '<p>Aucun SMS pour le moment.</p>'}</main></body></html>`,
      );
  });
}
