import PgBoss from 'pg-boss';
import type { Database } from './db.ts';

/**
 * The job queue of a service (pg-boss in its own `pgboss` schema of the service's database).
 * Side effects (mail, SMS, calls to the other service) run here, after commit, with retries;
 * a job that exhausts its retries stays visible in state `failed`, never silently lost.
 */
export type Jobs = {
  boss: PgBoss;
  send<T extends object>(queue: string, data: T, options?: PgBoss.SendOptions): Promise<string | null>;
  work<T>(queue: string, handler: (data: T) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
};

export const DEFAULT_RETRY: PgBoss.Queue = {
  name: '',
  retryLimit: 8,
  retryDelay: 5,
  retryBackoff: true,
  expireInSeconds: 120,
};

/** How long a job that exhausted its retries stays listed as failed. */
export const FAILED_KEPT_DAYS = 30;

export async function startJobs(
  database: Database<Record<string, unknown>>,
  log: { error(obj: object, msg: string): void },
  options: { pollingIntervalSeconds?: number } = {},
): Promise<Jobs> {
  // Supervision (expiring jobs left active by a crash, archiving) and cron schedules run on both
  // engines: checked on PGlite too, where an expired job goes back to `retry`.
  // Failed jobs stay in the job table 30 days (not the 12 h default), where they are listed and can be retried.
  const common = {
    schema: 'pgboss',
    supervise: true,
    schedule: true,
    migrate: true,
    archiveFailedAfterSeconds: FAILED_KEPT_DAYS * 24 * 3600,
  };
  const boss =
    database.kind === 'postgres'
      ? new PgBoss({ ...common, connectionString: database.url, max: 4 })
      : new PgBoss({ ...common, db: { executeSql: (text, values) => database.executeSql(text, values) } });
  boss.on('error', (error) => log.error({ err: error }, 'erreur de la file de tâches'));
  await boss.start();
  const created = new Set<string>();
  const ensureQueue = async (queue: string) => {
    if (created.has(queue)) return;
    await boss.createQueue(queue, { ...DEFAULT_RETRY, name: queue });
    created.add(queue);
  };
  return {
    boss,
    async send(queue, data, sendOptions) {
      await ensureQueue(queue);
      return boss.send(queue, data, sendOptions ?? {});
    },
    async work(queue, handler) {
      await ensureQueue(queue);
      await boss.work<never>(
        queue,
        { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 },
        async (jobs) => {
          for (const job of jobs) await handler(job.data as never);
        },
      );
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
