import { PGlite } from '@electric-sql/pglite';
import { eq, sql, TransactionRollbackError } from 'drizzle-orm';
import { pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, prepared } from './db.ts';

const notes = pgTable('prepared_notes', { id: text('id').primaryKey(), body: text('body').notNull() });
const createNotes = sql`create table prepared_notes (id text primary key, body text not null)`;
const database = await openDatabase({ schema: { notes }, url: process.env.TEST_DATABASE_URL });
const { db } = database;
await db.execute(sql`drop table if exists prepared_notes`);
await db.execute(createNotes);
// A second database in the same process (a test's clone, another service): always PGlite, so on a
// PostgreSQL server the two are of different drivers.
const other = await openDatabase({ schema: { notes }, pglite: await PGlite.create('memory://') });
await other.db.execute(createNotes);
afterAll(async () => {
  await db.execute(sql`drop table if exists prepared_notes`);
  await database.close();
  await other.close();
});

type Db = typeof db;
const insertNote = prepared((on: Db) =>
  on
    .insert(notes)
    .values({ id: sql.placeholder('id'), body: sql.placeholder('body') })
    .returning()
    .prepare('test_insert_note'),
);
const noteById = prepared((on: Db) =>
  on
    .select()
    .from(notes)
    .where(eq(notes.id, sql.placeholder('id')))
    .prepare('test_note_by_id'),
);

describe('a statement prepared once', () => {
  // If it ran on another connection of the pool, its insert would outlive the rollback and the
  // transaction would not read its own row: the guarantees of every creation would be gone.
  it('runs on the transaction’s own connection: it sees its writes, and a rollback undoes them', async () => {
    const rolledBack = db.transaction(async (tx) => {
      const [made] = await insertNote(tx).execute({ id: 'a', body: 'brouillon' });
      const [read] = await noteById(tx).execute({ id: 'a' });
      expect([made, read]).toEqual([
        { id: 'a', body: 'brouillon' },
        { id: 'a', body: 'brouillon' },
      ]);
      tx.rollback();
    });
    await expect(rolledBack).rejects.toThrow(TransactionRollbackError);
    expect(await noteById(db).execute({ id: 'a' })).toEqual([]);
  });

  it('commits with its transaction', async () => {
    await db.transaction(async (tx) => {
      await insertNote(tx).execute({ id: 'b', body: 'envoyé' });
    });
    expect(await noteById(db).execute({ id: 'b' })).toEqual([{ id: 'b', body: 'envoyé' }]);
  });

  it('runs on the database it is given, not on the one it was first built for', async () => {
    await insertNote(other.db).execute({ id: 'c', body: 'ailleurs' });
    await other.db.transaction(async (tx) => {
      await insertNote(tx).execute({ id: 'd', body: 'ailleurs aussi' });
    });
    expect(await noteById(db).execute({ id: 'c' })).toEqual([]);
    expect(await noteById(db).execute({ id: 'd' })).toEqual([]);
    expect(await noteById(other.db).execute({ id: 'c' })).toEqual([{ id: 'c', body: 'ailleurs' }]);
  });
});

describe.runIf(database.kind === 'postgres')('a named statement on a PostgreSQL server', () => {
  // A generic plan is chosen once per connection, from the statistics of that moment: a creation's
  // lookup chosen on a nearly empty table read an account's every demand as the table grew (issue
  // 17's load bench). Each execution is planned for its values, as an unnamed statement is.
  it('is planned for the values of each execution, never once for all', async () => {
    await db.transaction(async (tx) => {
      for (let i = 0; i < 8; i++) await noteById(tx).execute({ id: `n${i}` });
      const plan = await tx.execute(sql`explain execute test_note_by_id('n9')`);
      const { rows } = plan as { rows: { 'QUERY PLAN': string }[] };
      const text = rows.map((row) => row['QUERY PLAN']).join('\n');
      expect(text).toContain("'n9'");
      expect(text).not.toContain('$1');
    });
  });
});
