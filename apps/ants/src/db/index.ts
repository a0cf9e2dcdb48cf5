import type { Database, Db } from '@permis/platform';
import * as schema from './schema.ts';

export { schema };
export type Schema = typeof schema;
export type AntsDb = Db<Schema>;
export type AntsDatabase = Database<Schema>;

/** A transaction on the national service's database (what `db.transaction` hands its callback). */
export type AntsTx = Parameters<Parameters<AntsDb['transaction']>[0]>[0];
/** Where a statement runs: the database, or a transaction on it. */
export type AntsSession = AntsDb | AntsTx;
