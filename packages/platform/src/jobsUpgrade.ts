import type { PgBoss } from 'pg-boss';
import type { ExecuteSql } from './db.ts';

/**
 * pg-boss 10 → 12. pg-boss 11 and later cannot migrate a pg-boss 10 schema (schema version 24; 12
 * starts from 25), so a database used with pg-boss 10 would refuse to start. Its schema is set aside
 * before pg-boss 12 installs its own, then the jobs still to do (waiting, retrying, interrupted) and
 * the failed ones still listed are carried over, and the old schema dropped: no queued mail is lost.
 */
const V10_LAST_VERSION = 24;

/** Renames a pg-boss 10 schema out of the way; returns its new name, or null when there is none. */
export async function setAsideV10Schema(executeSql: ExecuteSql, schema: string): Promise<string | null> {
  const { rows } = await executeSql(`SELECT to_regclass($1) IS NOT NULL AS present`, [`${schema}.version`]);
  if (!(rows[0] as { present: boolean }).present) return null;
  const version = await executeSql(`SELECT version FROM ${schema}.version LIMIT 1`, []);
  if (Number((version.rows[0] as { version: number } | undefined)?.version) > V10_LAST_VERSION) return null;
  const aside = `${schema}_v10`;
  await executeSql(`ALTER SCHEMA ${schema} RENAME TO ${aside}`);
  return aside;
}

/**
 * Copies the jobs of the old schema still to do into their queues, and the failed ones into their
 * queues' dead-letter queues (as pg-boss 12 itself files a job that exhausted its retries), then
 * drops the old schema. Returns how many jobs were carried over.
 */
export async function carryOverV10Jobs(
  boss: PgBoss,
  previous: string,
  schema: string,
  ensureQueue: (queue: string) => Promise<void>,
): Promise<number> {
  const sql = (text: string, values: unknown[] = []) => boss.getDb().executeSql(text, values);
  const { rows: queues } = await sql(
    `SELECT DISTINCT name FROM ${previous}.job WHERE state IN ('created', 'retry', 'active', 'failed')`,
  );
  for (const { name } of queues as { name: string }[]) await ensureQueue(name);
  // A job left active by pg-boss 10 was interrupted: it is tried again.
  const { rows: todo } = await sql(`
    WITH moved AS (
      INSERT INTO ${schema}.job (id, name, priority, data, state, retry_limit, retry_count, retry_delay,
        retry_backoff, start_after, singleton_key, singleton_on, expire_seconds, deletion_seconds,
        created_on, keep_until, dead_letter, policy)
      SELECT j.id, j.name, j.priority, j.data,
        (CASE WHEN j.state = 'active' THEN 'retry' ELSE j.state::text END)::${schema}.job_state,
        j.retry_limit, j.retry_count, j.retry_delay, j.retry_backoff, j.start_after, j.singleton_key,
        j.singleton_on, q.expire_seconds, q.deletion_seconds, j.created_on,
        GREATEST(j.keep_until, now() + q.retention_seconds * interval '1 second'), q.dead_letter, q.policy
      FROM ${previous}.job j JOIN ${schema}.queue q ON q.name = j.name
      WHERE j.state IN ('created', 'retry', 'active')
      ON CONFLICT DO NOTHING
      RETURNING 1)
    SELECT count(*)::int AS moved FROM moved`);
  const { rows: failed } = await sql(`
    WITH moved AS (
      INSERT INTO ${schema}.job (name, data, state, created_on, start_after, keep_until, deletion_seconds,
        expire_seconds, policy, source_name, source_id, source_created_on, source_retry_count, source_output)
      SELECT d.name, j.data, 'created', j.completed_on, j.completed_on,
        j.completed_on + d.retention_seconds * interval '1 second', d.deletion_seconds, d.expire_seconds,
        d.policy, j.name, j.id, j.created_on, j.retry_count, j.output
      FROM ${previous}.job j
        JOIN ${schema}.queue q ON q.name = j.name
        JOIN ${schema}.queue d ON d.name = q.dead_letter
      WHERE j.state = 'failed'
      RETURNING 1)
    SELECT count(*)::int AS moved FROM moved`);
  await sql(`DROP SCHEMA ${previous} CASCADE`);
  return (todo[0] as { moved: number }).moved + (failed[0] as { moved: number }).moved;
}
