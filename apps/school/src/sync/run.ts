import { AntsApiError, type ListQuery } from '@permis/ants-api';
import type { Jobs } from '@permis/platform';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AntsClients } from '../ants/clients.ts';
import { saveApplications } from '../applications/store.ts';
import type { SchoolDb } from '../db/index.ts';
import { offices, syncRuns } from '../db/schema.ts';

export const SYNC_QUEUE = 'ants-sync';
export type SyncRun = typeof syncRuns.$inferSelect;
export type SyncWindows = Partial<Record<'createdFrom' | 'createdTo' | 'updatedFrom' | 'updatedTo', string>>;

const PAGE_SIZE = 200;

/** Starts a run for an office (one at a time: a run still going is answered instead of a second one). */
export async function startSync(
  db: SchoolDb,
  jobs: Jobs | undefined,
  owner: { schoolId: string; officeId: string; userId: string },
  windows: SyncWindows,
): Promise<SyncRun> {
  const [going] = await db
    .select()
    .from(syncRuns)
    .where(and(eq(syncRuns.officeId, owner.officeId), inArray(syncRuns.status, ['queued', 'running', 'waiting'])))
    .orderBy(desc(syncRuns.createdAt))
    .limit(1);
  if (going) return going;
  const [run] = await db
    .insert(syncRuns)
    .values({ schoolId: owner.schoolId, officeId: owner.officeId, status: 'queued', windows, createdBy: owner.userId })
    .returning();
  await jobs?.send(SYNC_QUEUE, { runId: run!.id });
  return run!;
}

/**
 * Pulls every application of the office from the national service, page after page in
 * modification order. Each page is saved together with the run's cursor and count, in one
 * transaction: killed between two pages, the run resumes after the last saved page (pg-boss hands
 * the job again), and a page seen twice only updates the same rows. Without date windows the run
 * starts from the office's last complete cursor (incremental) and moves it on at the end.
 * `stopAfterPages` lets a test stop the run mid-way, as a crash would.
 */
export async function runSync(
  db: SchoolDb,
  clients: AntsClients,
  runId: string,
  options: { pageSize?: number; stopAfterPages?: number } = {},
): Promise<SyncRun> {
  const [found] = await db.select().from(syncRuns).where(eq(syncRuns.id, runId)).limit(1);
  if (!found || found.status === 'done' || found.status === 'failed') return found!;
  let run = found;
  const [office] = await db.select().from(offices).where(eq(offices.id, run.officeId)).limit(1);
  const windows = run.windows as SyncWindows;
  const incremental = Object.keys(windows).length === 0;
  const update = async (values: Partial<SyncRun>) => {
    const [row] = await db.update(syncRuns).set(values).where(eq(syncRuns.id, runId)).returning();
    run = row!;
  };

  try {
    const client = clients.forOffice(office!);
    await update({ status: 'running', error: null });
    let cursor = run.cursor ?? (incremental ? (office!.syncCursor ?? undefined) : undefined);
    for (let pages = 0; ; pages++) {
      if (options.stopAfterPages !== undefined && pages >= options.stopAfterPages) return run;
      const query: ListQuery = { ...windows, cursor, limit: options.pageSize ?? PAGE_SIZE };
      if (run.total === null) query.count = 'true';
      const page = await client.listApplications(query);
      await db.transaction(async (tx) => {
        await saveApplications(
          tx as unknown as SchoolDb,
          { schoolId: run.schoolId, officeId: run.officeId },
          page.applications,
        );
        const [row] = await tx
          .update(syncRuns)
          .set({
            cursor: page.nextCursor ?? run.cursor,
            fetched: run.fetched + page.applications.length,
            total: run.total ?? (page.remaining === undefined ? null : run.fetched + page.remaining),
          })
          .where(eq(syncRuns.id, runId))
          .returning();
        run = row!;
      });
      if (!page.nextCursor) {
        // The end: the position after the last application seen becomes the office's cursor.
        const end = page.endCursor ?? cursor;
        await db
          .update(offices)
          .set({ antsLastHeardAt: new Date(), ...(incremental && end ? { syncCursor: end } : {}) })
          .where(eq(offices.id, office!.id));
        await update({ status: 'done', finishedAt: new Date(), total: run.fetched });
        return run;
      }
      cursor = page.nextCursor;
    }
  } catch (error) {
    const message = error instanceof AntsApiError || error instanceof Error ? error.message : 'Erreur inattendue.';
    // The national service down or slow: the run waits (pg-boss tries again with backoff).
    await update({
      status: 'waiting',
      error: `${message} La mise à jour reprendra automatiquement là où elle s'est arrêtée.`,
    });
    throw error;
  }
}

/**
 * At start: the runs a stopped (or killed) process left unfinished are handed to the queue again at
 * once, rather than after pg-boss's expiry of their job. They resume from their saved cursor; a
 * run already finished by the time its old job comes back returns at once.
 */
export async function resumeInterruptedSyncs(db: SchoolDb, jobs: Jobs): Promise<number> {
  const unfinished = await db
    .select({ id: syncRuns.id })
    .from(syncRuns)
    .where(inArray(syncRuns.status, ['queued', 'running', 'waiting']));
  for (const { id } of unfinished) await jobs.send(SYNC_QUEUE, { runId: id });
  return unfinished.length;
}

/** The office's last update from the national service (under way or done), or null. */
export async function latestSyncRun(db: SchoolDb, officeId: string): Promise<SyncRun | null> {
  const [run] = await db
    .select()
    .from(syncRuns)
    .where(eq(syncRuns.officeId, officeId))
    .orderBy(sql`${syncRuns.createdAt} desc`)
    .limit(1);
  return run ?? null;
}
