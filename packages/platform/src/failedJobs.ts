import type { Jobs } from './jobs.ts';

/** A job that exhausted its retries: what it carried, why it last failed, when. */
export type FailedJob<T = unknown> = {
  id: string;
  queue: string;
  data: T;
  error: string;
  failedAt: Date;
  attempts: number;
};

type Row = {
  id: string;
  name: string;
  data: unknown;
  output: unknown;
  completed_on: Date | string;
  retry_count: number;
};

/** The failed jobs of some queues, newest first (pg-boss keeps them FAILED_KEPT_DAYS). */
export async function listFailedJobs(jobs: Jobs, queues: string[], limit = 200): Promise<FailedJob[]> {
  const { rows } = (await jobs.boss.getDb().executeSql(
    `SELECT id, name, data, output, completed_on, retry_count FROM pgboss.job
        WHERE name = ANY($1::text[]) AND state = 'failed' ORDER BY completed_on DESC LIMIT $2`,
    [queues, limit],
  )) as { rows: Row[] };
  return rows.map((row) => ({
    id: row.id,
    queue: row.name,
    data: row.data,
    error: failureMessage(row.output),
    failedAt: new Date(row.completed_on),
    attempts: row.retry_count + 1,
  }));
}

/** Puts a failed job back in the queue for one more attempt; false when it is not (or no longer) failed. */
export async function retryFailedJob(jobs: Jobs, queue: string, id: string): Promise<boolean> {
  const { rows } = (await jobs.boss.getDb().executeSql(
    `UPDATE pgboss.job SET state = 'retry', retry_limit = retry_count + 1, start_after = now()
        WHERE name = $1 AND id = $2::uuid AND state = 'failed' RETURNING id`,
    [queue, id],
  )) as { rows: unknown[] };
  return rows.length === 1;
}

/** pg-boss stores the thrown error's fields as the job's output. */
function failureMessage(output: unknown): string {
  const value = output as { message?: unknown; value?: { message?: unknown } } | null;
  const message = value?.message ?? value?.value?.message;
  return typeof message === 'string' ? message : 'Échec sans message.';
}
