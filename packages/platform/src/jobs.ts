import { fromPglite, PgBoss, type Queue, type SendOptions } from 'pg-boss';
import type { Database } from './db.ts';
import { carryOverV10Jobs, setAsideV10Schema } from './jobsUpgrade.ts';
import { loggableError } from './logger.ts';

/**
 * The job queue of a service (pg-boss in its own `pgboss` schema of the service's database).
 * Side effects (mail, SMS, calls to the other service) run here, after commit, with retries;
 * a job that exhausts its retries stays visible in state `failed`, never silently lost.
 */
export type Jobs = {
  boss: PgBoss;
  send<T extends object>(queue: string, data: T, options?: SendOptions): Promise<string | null>;
  work<T>(queue: string, handler: (data: T) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
};

export const JOBS_SCHEMA = 'pgboss';

/** How long a job that exhausted its retries stays listed as failed. */
export const FAILED_KEPT_DAYS = 30;

// A finished job (its data holds the mail or SMS itself) is deleted 7 days after it ended (pg-boss's
// default). One that exhausted its retries is also copied into its queue's dead-letter queue, where
// nothing works on it: it waits there FAILED_KEPT_DAYS to be listed and relaunched (failedJobs.ts).
export const DEFAULT_RETRY: Omit<Queue, 'name'> = {
  retryLimit: 8,
  retryDelay: 5,
  retryBackoff: true,
  expireInSeconds: 120,
};

/** The queue holding a queue's jobs that exhausted their retries. */
export function deadLetterOf(queue: string): string {
  return `${queue}.failed`;
}

export async function startJobs(
  database: Database<Record<string, unknown>>,
  log: { error(obj: object, msg: string): void },
  options: { pollingIntervalSeconds?: number } = {},
): Promise<Jobs> {
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
      return boss.send(queue, data, sendOptions ?? {});
    },
    async work<T>(queue: string, handler: (data: T) => Promise<void>) {
      await ensureQueue(queue);
      await boss.work<T>(
        queue,
        { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 },
        async (jobs) => {
          for (const job of jobs) await handler(job.data);
        },
      );
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 5000 });
    },
  };
}

function pgliteOf(database: Database<Record<string, unknown>>) {
  if (!database.pglite) throw new Error('Base PGlite sans son instance : impossible de démarrer la file de tâches.');
  return database.pglite;
}
