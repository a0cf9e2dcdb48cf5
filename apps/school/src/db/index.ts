import type { Database, Db } from '@permis/platform';
import * as schema from './schema.ts';

export { schema };
export type Schema = typeof schema;
export type SchoolDb = Db<Schema>;
export type SchoolDatabase = Database<Schema>;

/** A transaction on the back office's database (what `db.transaction` hands its callback). */
export type SchoolTx = Parameters<Parameters<SchoolDb['transaction']>[0]>[0];
/** Where a statement runs: the database, or a transaction on it. */
export type SchoolSession = SchoolDb | SchoolTx;
