import type { Jobs, MailQueue, SecretBox, SessionManager } from '@permis/platform';
import type { SchoolActionHooks, SchoolActions } from './applications/schoolActions.ts';
import type { AntsDb } from './db/index.ts';
import type { FileStore } from './pieces/fileStore.ts';
import type { DestinationPolicy } from './webhooks/destination.ts';

/**
 * What the national service's routes are built from, made once in app.ts: each route module takes
 * this one object and uses the parts it needs, so adding a dependency never changes a signature.
 */
export type AntsServices = {
  db: AntsDb;
  sessions: SessionManager;
  /** Seals the schools' webhook secrets and the outbox. */
  box: SecretBox;
  /** Where the pièces' bytes are kept (pieces/fileStore.ts). */
  files: FileStore;
  publicUrl: string;
  /** Which webhook addresses are accepted. */
  destinations: DestinationPolicy;
  /** Without them (some tests), nothing is sent. */
  mail?: MailQueue;
  jobs?: Jobs;
  /** What a school does to its demands, through the API or its professional space (schoolActions.ts). */
  actions: SchoolActions;
  /** What follows a committed change: the candidate invited (with a link, never stored). */
  hooks: SchoolActionHooks;
};
