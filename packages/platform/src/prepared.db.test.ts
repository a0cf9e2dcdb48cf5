import { PGlite } from '@electric-sql/pglite';
import { eq, sql, TransactionRollbackError } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, prepared } from './db.ts';

const notes = pgTable('prepared_notes', { id: text('id').primaryKey(), body: text('body').notNull() });
const createNotes = sql`create table prepared_notes (id text primary key, body text not null)`;
const tags = pgTable('prepared_tags', {
  noteId: text('note_id').notNull(),
  label: text('label'),
  data: jsonb('data').$type<{ n: number }>(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  weight: integer('weight'),
});
const createTags = sql`create table prepared_tags (note_id text not null, label text, data jsonb, at timestamptz not null, weight integer)`;
const database = await openDatabase({ schema: { notes }, url: process.env.TEST_DATABASE_URL });
const { db } = database;
await db.execute(sql`drop table if exists prepared_notes`);
await db.execute(sql`drop table if exists prepared_tags`);
await db.execute(createNotes);
await db.execute(createTags);
// A second database in the same process (a test's clone, another service): always PGlite, so on a
// PostgreSQL server the two are of different drivers.
const other = await openDatabase({ schema: { notes }, pglite: await PGlite.create('memory://') });
await other.db.execute(createNotes);
afterAll(async () => {
  await db.execute(sql`drop table if exists prepared_notes`);
  await db.execute(sql`drop table if exists prepared_tags`);
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

describe('the rows of a prepared statement', () => {
  // Its row mapping is compiled once (not drizzle's generic walk): the same rows, to the type.
  it('are the rows the query builder gives: dates, JSON, nulls, joins, expressions', async () => {
    await db.insert(notes).values({ id: 'm', body: 'mappée' });
    await db.insert(tags).values([
      { noteId: 'm', label: 'un', data: { n: 1 }, at: new Date('2026-12-08T01:02:03.456Z'), weight: 3 },
      { noteId: 'm', label: null, data: null, at: new Date('2026-12-08T02:00:00Z'), weight: null },
    ]);
    const joined = (on: Db) =>
      on
        .select({ note: notes, tag: { label: tags.label, data: tags.data, at: tags.at }, weight: tags.weight })
        .from(tags)
        .innerJoin(notes, eq(notes.id, tags.noteId))
        .where(eq(tags.noteId, sql.placeholder('id')))
        .orderBy(tags.at);
    const counted = (on: Db) =>
      on
        .select({ n: sql<number>`count(*)::int`, total: sql`sum(${tags.weight})`.mapWith(Number) })
        .from(tags)
        .where(eq(tags.noteId, sql.placeholder('id')));
    const expected = await joined(db).execute({ id: 'm' });
    expect(expected[0]?.tag.at).toEqual(new Date('2026-12-08T01:02:03.456Z'));
    expect(await prepared((on: Db) => joined(on).prepare('test_joined'))(db).execute({ id: 'm' })).toEqual(expected);
    expect(await prepared((on: Db) => counted(on).prepare('test_counted'))(db).execute({ id: 'm' })).toEqual([
      { n: 2, total: 3 },
    ]);
  });

  it('keeps drizzle’s own mapping where a left join may leave a side empty', async () => {
    await db.insert(notes).values({ id: 'seule', body: 'sans étiquette' });
    const [row] = await prepared((on: Db) =>
      on
        .select({ note: notes, tag: tags })
        .from(notes)
        .leftJoin(tags, eq(tags.noteId, notes.id))
        .where(eq(notes.id, sql.placeholder('id')))
        .prepare('test_left_joined'),
    )(db).execute({ id: 'seule' });
    expect(row).toEqual({ note: { id: 'seule', body: 'sans étiquette' }, tag: null });
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
