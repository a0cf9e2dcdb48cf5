import { adminListQuerySchema as listQuery } from '@permis/school-api';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { counters } from '../src/admin/query.ts';
import { saveApplications } from '../src/applications/store.ts';
import { offices, onlineApplications } from '../src/db/schema.ts';
import { startSchool } from './harness.ts';
import { heldApplication } from './heldApplication.ts';

const serverUrl = process.env.TEST_DATABASE_URL;

type State = 'draft' | 'awaiting_candidate' | 'under_instruction' | 'accepted';
// Numbers of their own prefix: a filter on it makes the counters count the rows themselves.
const made = (n: number, state: State) =>
  heldApplication(n, state, { type: '02', number: `9022026${String(n).padStart(16, '0')}` });

/** A promise and the function that settles it, to hold a transaction open at a chosen point. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

// Two writers at once exist only on a PostgreSQL server (PGlite is one connection): CI runs this
// suite there.
describe.skipIf(!serverUrl)('the counters of an office written by two transactions at once', () => {
  it('never deadlock: a sync page that inserts and updates, crossed with state changes of the same office', async () => {
    const school = await startSchool();
    try {
      const [office] = await school.db.select().from(offices).where(eq(offices.name, 'BREQUIGNY'));
      const owner = { schoolId: office!.schoolId, officeId: office!.id };
      const [p, q, r] = [made(1, 'awaiting_candidate'), made(2, 'draft'), made(3, 'draft')];
      await saveApplications(school.db, owner, [p, q, r] as never);

      // B moves Q to « accepted » and holds that counter until it commits.
      const bHolds = gate();
      const bGoesOn = gate();
      const b = school.db.transaction(async (tx) => {
        await saveApplications(tx, owner, [{ ...q, state: 'accepted' }] as never);
        bHolds.open();
        await bGoesOn.opened;
        // …then moves R to « en instruction », the counter A's move took first.
        await saveApplications(tx, owner, [{ ...r, state: 'under_instruction' }] as never);
      });
      await bHolds.opened;
      // A's one statement moves P to « en instruction » and inserts a new application « accepted ».
      const a = school.db.transaction(async (tx) => {
        await saveApplications(tx, owner, [{ ...p, state: 'under_instruction' }, made(4, 'accepted')] as never);
      });
      // Waits for the state it reads: A is blocked behind B before B goes on.
      for (;;) {
        const waiting = (await school.database.executeSql(
          `select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`,
        )) as { rows: { n: number }[] };
        if (waiting.rows[0]!.n > 0) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      bGoesOn.open();
      const outcomes = await Promise.allSettled([a, b]);
      expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason?.cause ?? o.reason) : 'ok'))).toEqual([
        'ok',
        'ok',
      ]);

      const query = listQuery.parse({ officeId: office!.id });
      const kept = await counters(school.db, owner.schoolId, query);
      const fromRows = await counters(
        school.db,
        owner.schoolId,
        listQuery.parse({ officeId: office!.id, number: '902' }),
      );
      expect(kept).toEqual(fromRows);
      expect(await school.db.$count(onlineApplications, eq(onlineApplications.officeId, office!.id))).toBe(4);
    } finally {
      await school.close();
    }
  });
});
