import { PGlite } from '@electric-sql/pglite';
import { Column, is, SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';

/** The Drizzle database of a service, whichever engine is underneath. */
/**
 * The query builder, without drizzle's relational queries (`db.query.*`): given the schema, drizzle
 * builds a query object for every table at each transaction it opens (a hundredth of a creation's
 * CPU, issue 37's profile), and no code reads them. `TSchema` still names the service's tables.
 */
export type Db<_TSchema extends Record<string, unknown>> = PgDatabase<PgQueryResultHKT>;

/**
 * Raw SQL for code that brings its own queries (the pg-boss 10 upgrade, tests). Multi-statement text
 * is allowed without values; it answers the last statement's rows.
 */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

export type Database<TSchema extends Record<string, unknown>> = {
  kind: 'pglite' | 'postgres';
  db: Db<TSchema>;
  executeSql: ExecuteSql;
  /** The connection string when on a PostgreSQL server (pg-boss opens its own pool). */
  url?: string;
  /** The embedded engine itself when on PGlite (pg-boss brings its own adapter for it). */
  pglite?: PGlite;
  /**
   * Runs `work` while holding the database-wide lock `name` (a session advisory lock on a
   * PostgreSQL server; PGlite has one process anyway): instances starting together on one
   * database migrate and seed one after the other.
   */
  exclusively<T>(name: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export type OpenOptions<TSchema extends Record<string, unknown>> = {
  /** The service's tables: they type its database (drizzle is not given them, see `Db`). */
  schema: TSchema;
  /** PostgreSQL server; when absent, PGlite persisted in dataDir (or in memory with 'memory://'). */
  url?: string;
  dataDir?: string;
  /** An already open PGlite (a test clone). */
  pglite?: PGlite;
  migrationsFolder?: string;
  /** Sees every statement the query builder sends (the benchmarks capture their baselines' SQL). */
  logQuery?: (query: string, params: unknown[]) => void;
};

/** The lock instances take to migrate and seed (runService's `prepareDatabase`). */
export const STARTUP_LOCK = 'permis:startup';

export async function openDatabase<TSchema extends Record<string, unknown>>(
  options: OpenOptions<TSchema>,
): Promise<Database<TSchema>> {
  const logger = options.logQuery ? { logQuery: options.logQuery } : undefined;
  const database = options.url
    ? openPostgres<TSchema>(options.url, logger)
    : await openPglite<TSchema>(options.pglite ?? (await PGlite.create(options.dataDir ?? 'memory://')), logger);
  const folder = options.migrationsFolder;
  if (folder) await database.exclusively(STARTUP_LOCK, () => migrateDatabase(database, folder));
  return database;
}

export async function migrateDatabase(database: Database<Record<string, unknown>>, migrationsFolder: string) {
  // biome-ignore lint/suspicious/noExplicitAny: the two migrators want their own driver's type.
  const db = database.db as any;
  if (database.kind === 'postgres') await migratePg(db, { migrationsFolder });
  else await migratePglite(db, { migrationsFolder });
}

type QueryLogger = { logQuery(query: string, params: unknown[]): void } | undefined;

async function openPglite<TSchema extends Record<string, unknown>>(client: PGlite, logger: QueryLogger) {
  await client.waitReady;
  const db = drizzlePglite(client, { logger }) as unknown as Db<TSchema>;
  const executeSql: ExecuteSql = async (text, values) => {
    if (values && values.length > 0) return { rows: (await client.query(text, values)).rows };
    const results = await client.exec(text);
    return { rows: results.at(-1)?.rows ?? [] };
  };
  return {
    kind: 'pglite' as const,
    db,
    executeSql,
    pglite: client,
    exclusively: <T>(_name: string, work: () => Promise<T>) => work(),
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

function openPostgres<TSchema extends Record<string, unknown>>(url: string, logger: QueryLogger): Database<TSchema> {
  // Every statement planned for its own values, as an unnamed one is: a named statement's generic
  // plan, chosen once per connection from the statistics of the moment (a nearly empty table at
  // start), kept reading an account's every demand by the wrong index for each creation as the
  // table grew (issue 17's load bench), and one plan cannot suit an account of 10 demands and
  // one of 100,000 alike. Named statements still save parsing, and the query builder's work.
  const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c plan_cache_mode=force_custom_plan' });
  // An idle client's network error must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { logger }) as unknown as Db<TSchema>;
  return {
    kind: 'postgres',
    db,
    url,
    executeSql: async (text, values) => ({ rows: (await pool.query(text, values as unknown[])).rows }),
    async exclusively(name, work) {
      // A session lock on a connection of its own, held for the whole work (which uses the pool).
      const holder = await pool.connect();
      try {
        await holder.query('select pg_advisory_lock(hashtext($1))', [name]);
        try {
          return await work();
        } finally {
          await holder.query('select pg_advisory_unlock(hashtext($1))', [name]);
        }
      } finally {
        holder.release();
      }
    },
    close: () => pool.end(),
  };
}

type DriverSession = { client: unknown; logger: unknown; constructor: object };

/**
 * A statement of the hot paths, built by the query builder once (`.prepare(name)`, placeholders
 * for its values) and run on whatever it is given: a database, or a transaction, on that one's own
 * connection. PostgreSQL parses a named statement once per connection (and plans each execution for
 * its values: decision 0015). Building the statements of a creation took a seventh of its CPU
 * (issue 17's profile), and drizzle offers no public way to run a prepared statement inside a
 * transaction: both drivers keep the connection and the logger on the session and on the prepared
 * statement as `client` and `logger`, and each run takes the given session's; `prepared.db.test.ts`
 * fails if that changes. One build per driver.
 */
export function prepared<Q extends object, P extends object>(build: (on: Q) => P): (on: Q) => P {
  const built = new WeakMap<object, P>();
  return (on) => {
    const session = (on as { _?: { session?: DriverSession } })._?.session;
    if (!session || !('client' in session))
      throw new Error('prepared: not a database or transaction of a known driver');
    let statement = built.get(session.constructor);
    if (!statement) {
      statement = build(on);
      compileRowMapping(statement);
      built.set(session.constructor, statement);
    }
    return Object.create(statement, { client: { value: session.client }, logger: { value: session.logger } });
  };
}

/** What a prepared select or returning statement keeps of its columns (both drivers). */
type MappedStatement = {
  fields?: { path: string[]; field: unknown }[];
  joinsNotNullableMap?: Record<string, boolean>;
  customResultMapper?: (rows: unknown[][]) => unknown;
};
type Decoder = { mapFromDriverValue(value: unknown): unknown };

/**
 * drizzle maps each row it reads by walking its columns' paths and testing each column's class
 * (`mapResultRow`): 248 µs for a page of 100 demands. A prepared statement's columns never change,
 * so its mapping is compiled once into one object literal (50 µs, the same rows), each value
 * through its column's own decoder. Left joins (whose missing side drizzle turns into null) and
 * selected expressions other than columns and `sql` keep drizzle's mapping; `prepared.db.test.ts`
 * checks the compiled rows against drizzle's.
 */
function compileRowMapping(statement: object): void {
  const s = statement as MappedStatement;
  if (!s.fields || s.customResultMapper) return;
  if (s.joinsNotNullableMap && Object.values(s.joinsNotNullableMap).some((notNull) => !notNull)) return;
  const decoders: Decoder[] = [];
  for (const { field } of s.fields) {
    if (is(field, Column)) decoders.push(field as unknown as Decoder);
    else if (is(field, SQL)) decoders.push((field as unknown as { decoder: Decoder }).decoder);
    else return;
  }
  type Tree = Map<string, Tree | number>;
  const tree: Tree = new Map();
  s.fields.forEach(({ path }, index) => {
    let node = tree;
    for (const chunk of path.slice(0, -1)) {
      const next = node.get(chunk) ?? new Map();
      if (typeof next === 'number') return;
      node.set(chunk, next);
      node = next;
    }
    node.set(path.at(-1)!, index);
  });
  // Keys are JSON-quoted column names of the schema, never data.
  const literal = (node: Tree): string =>
    `{ ${[...node]
      .map(([key, value]) => {
        const member =
          typeof value === 'number'
            ? `row[${value}] === null ? null : decoders[${value}].mapFromDriverValue(row[${value}])`
            : literal(value);
        return `${JSON.stringify(key)}: ${member}`;
      })
      .join(', ')} }`;
  const mapRow = new Function('decoders', `return (row) => (${literal(tree)});`)(decoders) as (
    row: unknown[],
  ) => unknown;
  s.customResultMapper = (rows) => rows.map(mapRow);
}

/**
 * A family of prepared statements told apart by a key (which filters a list has, say): each member
 * is built the first time its key is asked for, and named after it (`name(key)`), so a query whose
 * shape depends on what the caller asked still skips the query builder after its first use. The keys
 * must be few (a handful of optional filters): each one is a statement on every connection.
 */
export function preparedFamily<Q extends object, P extends object, K extends string>(
  build: (on: Q, key: K) => P,
): (on: Q, key: K) => P {
  const members = new Map<K, (on: Q) => P>();
  return (on, key) => {
    let member = members.get(key);
    if (!member) {
      member = prepared((db: Q) => build(db, key));
      members.set(key, member);
    }
    return member(on);
  };
}

/** The PostgreSQL error code (23505 unique violation…) of a failed query, on either driver. */
export function pgErrorCode(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.cause?.code ?? e?.code;
}
