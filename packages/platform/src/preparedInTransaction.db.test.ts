import { eq, sql, TransactionRollbackError } from 'drizzle-orm';
import { pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, describe, expect, it } from 'vitest';
import { onTransaction, openDatabase, preparedOnce } from './db.ts';

const notes = pgTable('prepared_notes', { id: text('id').primaryKey(), body: text('body').notNull() });
const database = await openDatabase({ schema: { notes }, url: process.env.TEST_DATABASE_URL });
const { db } = database;
await db.execute(sql`drop table if exists prepared_notes`);
await db.execute(sql`create table prepared_notes (id text primary key, body text not null)`);
afterAll(async () => {
  await db.execute(sql`drop table if exists prepared_notes`);
  await database.close();
});

type Db = typeof db;
const insertNote = preparedOnce((d: Db) =>
  d
    .insert(notes)
    .values({ id: sql.placeholder('id'), body: sql.placeholder('body') })
    .returning()
    .prepare('test_insert_note'),
);
const noteById = preparedOnce((d: Db) =>
  d
    .select()
    .from(notes)
    .where(eq(notes.id, sql.placeholder('id')))
    .prepare('test_note_by_id'),
);

describe('a statement prepared once, run in a transaction', () => {
  // If it ran on another connection of the pool, its insert would outlive the rollback and the
  // transaction would not read its own row: the guarantees of every creation would be gone.
  it('runs on the transaction’s own connection: it sees its writes, and a rollback undoes them', async () => {
    const rolledBack = db.transaction(async (tx) => {
      const [made] = await onTransaction(insertNote(db), tx).execute({ id: 'a', body: 'brouillon' });
      const [read] = await onTransaction(noteById(db), tx).execute({ id: 'a' });
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
      await onTransaction(insertNote(db), tx).execute({ id: 'b', body: 'envoyé' });
    });
    expect(await noteById(db).execute({ id: 'b' })).toEqual([{ id: 'b', body: 'envoyé' }]);
  });
});
