import type { Jobs, MailQueue, SecretBox, SessionManager } from '@permis/platform';
import type { AntsClients } from './ants/clients.ts';
import type { WebhookSubscriber } from './ants/webhook.ts';
import type { SchoolDb } from './db/index.ts';

/**
 * What the back office's routes are built from, made once in app.ts: each route module takes this
 * one object and uses the parts it needs, so adding a dependency never changes a signature.
 */
export type SchoolServices = {
  db: SchoolDb;
  sessions: SessionManager;
  /** Seals the offices' ANTS passwords and webhook secrets. */
  box: SecretBox;
  /** The national service's professional API, with each office's credentials. */
  clients: AntsClients;
  webhooks: WebhookSubscriber;
  publicUrl: string;
  mail?: MailQueue;
  jobs?: Jobs;
};
