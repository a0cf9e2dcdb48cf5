import { fromPglite, PgBoss, type Queue, type SendOptions } from 'pg-boss';
import type { Database } from './db.ts';
import { carryOverV10Jobs, setAsideV10Schema } from './jobsUpgrade.ts';
import { loggableError } from './logger.ts';
import type { SecretBox } from './secrets.ts';

/**
 * The job queue of a service (pg-boss in its own `pgboss` schema of the service's database).
 * Side effects (mail, SMS, calls to the other service) run here, after commit, with retries;
 * a job that exhausts its retries stays visible in state `failed`, never silently lost.
 */
export type Jobs = {
  boss: PgBoss;
  /** Queues a job; its data is sealed (see `startJobs`). */
  send<T extends object>(queue: string, data: T, options?: SendOptions): Promise<string | null>;
  work<T>(queue: string, handler: (data: T) => Promise<void>): Promise<void>;
  /** A job's data as queued, from what the queue's tables hold (sealed or, for schedules, plain). */
  open(stored: unknown): unknown;
  stop(): Promise<void>;
};

export const JOBS_SCHEMA = 'pgboss';

/** How long a job that exhausted its retries stays listed as failed. */
export const FAILED_KEPT_DAYS = 30;

// A job's data (a mail, an SMS: an activation or reset link) is sealed with the service's key, so
// that a copy of the database alone activates nothing, and a finished job is deleted an hour after
// it ended. One that exhausted its retries is also copied into its queue's dead-letter queue, where
// nothing works on it: it waits there FAILED_KEPT_DAYS to be listed and relaunched (failedJobs.ts).
export const DEFAULT_RETRY: Omit<Queue, 'name'> = {
  retryLimit: 8,
  retryDelay: 5,
  retryBackoff: true,
  expireInSeconds: 120,
  deleteAfterSeconds: 3600,
};

/** The queue holding a queue's jobs that exhausted their retries. */
export function deadLetterOf(queue: string): string {
  return `${queue}.failed`;
}

export async function startJobs(
  database: Database<Record<string, unknown>>,
  log: { error(obj: object, msg: string): void },
  options: { box: SecretBox; pollingIntervalSeconds?: number },
): Promise<Jobs> {
  const { box } = options;
  const open = (stored: unknown): unknown =>
    stored && typeof stored === 'object' && typeof (stored as { sealed?: unknown }).sealed === 'string'
      ? JSON.parse(box.open((stored as { sealed: string }).sealed))
      : stored;
  // Supervision (expiring jobs left active by a crash, retention) and cron schedules run on both
  // engines. On PGlite, pg-boss's own adapter: it returns the rows of every statement of its
  // multi-statement queries and rolls back a failed one (the single connection is shared with Drizzle).
  const common = { schema: JOBS_SCHEMA, supervise: true, schedule: true, migrate: true };
  const boss =
    database.kind === 'postgres'
      ? new PgBoss({ ...common, connectionString: database.url, max: 4 })
      : new PgBoss({ ...common, backend: 'pglite', db: fromPglite(pgliteOf(database)) });
  boss.on('error', (error) => log.error({ error: loggableError(error) }, 'erreur de la file de tâches'));
  const previous = await setAsideV10Schema(database.executeSql, JOBS_SCHEMA);
  await boss.start();
  const created = new Set<string>();
  const ensureQueue = async (queue: string) => {
    if (created.has(queue)) return;
    const deadLetter = deadLetterOf(queue);
    const kept = { retentionSeconds: FAILED_KEPT_DAYS * 24 * 3600 };
    const options = { ...DEFAULT_RETRY, deadLetter };
    // createQueue leaves an existing queue as it is: updateQueue brings it to the current policy.
    await boss.createQueue(deadLetter, kept);
    await boss.updateQueue(deadLetter, kept);
    await boss.createQueue(queue, options);
    await boss.updateQueue(queue, options);
    created.add(queue);
  };
  if (previous) await carryOverV10Jobs(boss, previous, JOBS_SCHEMA, ensureQueue);
  return {
    boss,
    async send(queue, data, sendOptions) {
      await ensureQueue(queue);
      return boss.send(queue, { sealed: box.seal(JSON.stringify(data)) }, sendOptions ?? {});
    },
    async work<T>(queue: string, handler: (data: T) => Promise<void>) {
      await ensureQueue(queue);
      // Up to JOBS_AT_ONCE jobs side by side, each settled on its own (one failure retries one job),
      // and fetched again at once while batches come back full: a backlog (a flood of recovery
      // mails) drains in seconds instead of one job per poll.
      await boss.work<T>(
        queue,
        {
          pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
          batchSize: JOBS_AT_ONCE,
          burstWhenBatchFull: true,
          perJobResults: true,
        },
        async (jobs) => {
          const settled = await Promise.allSettled(jobs.map((job) => handler(open(job.data) as T)));
          return settled.map((outcome, i) =>
            outcome.status === 'fulfilled'
              ? { id: jobs[i]!.id, status: 'completed' as const }
              : { id: jobs[i]!.id, status: 'failed' as const, output: failureOutput(outcome.reason) },
          );
        },
      );
    },
    open,
    async stop() {
      await boss.stop({ graceful: true, timeout: 5000 });
    },
  };
}

/** Jobs of one queue a service runs at once. */
export const JOBS_AT_ONCE = 10;

/** What a failed job keeps as its output, as pg-boss keeps a thrown error (failedJobs.ts reads it). */
function failureOutput(reason: unknown) {
  return reason instanceof Error ? { name: reason.name, message: reason.message } : { message: String(reason) };
}

function pgliteOf(database: Database<Record<string, unknown>>) {
  if (!database.pglite) throw new Error('Base PGlite sans son instance : impossible de démarrer la file de tâches.');
  return database.pglite;
}
