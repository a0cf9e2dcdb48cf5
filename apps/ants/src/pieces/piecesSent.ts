import { sql } from 'drizzle-orm';
import type { AntsTx } from '../db/index.ts';

/**
 * Keeps `applications.pieces_sent` the kinds the demand's files cover, in the transaction that
 * added or removed a file: its views then say what a draft still waits for without reading its
 * files. The demand counts as changed (`updated_at`, a time taken as the state machine takes it), so
 * the schools' copies learn it at their next synchronisation.
 */
export async function recordPiecesSent(tx: AntsTx, applicationId: string): Promise<void> {
  // The demand's row first: two changes of its files at once (two removals) then write one after
  // the other, and the second's next statement sees the first's files (a fresh snapshot), never a
  // list that still has a removed kind.
  await tx.execute(sql`select 1 from applications where id = ${applicationId} for update`);
  await tx.execute(sql`
    update applications
       set pieces_sent = coalesce(
             (select array_agg(distinct kind order by kind) from piece_files where application_id = ${applicationId}),
             '{}'),
           updated_at = ${new Date()}
     where id = ${applicationId}`);
}
