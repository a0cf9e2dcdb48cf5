import { deadLetterOf, JOBS_SCHEMA, type Jobs } from './jobs.ts';

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
  source_name: string;
  data: unknown;
  source_output: unknown;
  created_on: Date | string;
  source_retry_count: number | null;
};

/**
 * The failed jobs of some queues, newest first: the copies pg-boss put in their dead-letter queues
 * (kept FAILED_KEPT_DAYS). Read directly because pg-boss's findJobs() lists oldest first.
 */
export async function listFailedJobs(jobs: Jobs, queues: string[], limit = 200): Promise<FailedJob[]> {
  const { rows } = (await jobs.boss.getDb().executeSql(
    `SELECT id, source_name, data, source_output, created_on, source_retry_count FROM ${JOBS_SCHEMA}.job
        WHERE name = ANY($1::text[]) AND state = 'created' ORDER BY created_on DESC, id LIMIT $2`,
    [queues.map(deadLetterOf), limit],
  )) as { rows: Row[] };
  return rows.map((row) => ({
    id: row.id,
    queue: row.source_name,
    data: jobs.open(row.data),
    error: failureMessage(row.source_output),
    failedAt: new Date(row.created_on),
    attempts: (row.source_retry_count ?? 0) + 1,
  }));
}

/** Sends a failed job back to its queue, with its retries; false when it is not (or no longer) failed. */
export async function retryFailedJob(jobs: Jobs, queue: string, id: string): Promise<boolean> {
  const moved = await jobs.boss.redrive(deadLetterOf(queue), { ids: [id], destination: queue });
  return moved === 1;
}

/** pg-boss stores the thrown error's fields as the failed job's output. */
function failureMessage(output: unknown): string {
  const value = output as { message?: unknown; value?: { message?: unknown } } | null;
  const message = value?.message ?? value?.value?.message;
  return typeof message === 'string' ? message : 'Échec sans message.';
}
