import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Database, migrateDatabase, openDatabase } from '../db.ts';

/**
 * A fresh, migrated database per test, fast: the migrations run once into a template, then every
 * test gets a copy. On PGlite (default) the template is cloned in memory; with TEST_DATABASE_URL
 * (a PostgreSQL server, admin rights) each test gets `CREATE DATABASE … TEMPLATE …`, dropped on close.
 */
const pgliteTemplates = new Map<string, Promise<PGlite>>();

export async function openTestDatabase<TSchema extends Record<string, unknown>>(
  schema: TSchema,
  migrationsFolder: string,
): Promise<Database<TSchema>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? openServerCopy(serverUrl, schema, migrationsFolder) : openPgliteCopy(schema, migrationsFolder);
}

async function openPgliteCopy<TSchema extends Record<string, unknown>>(schema: TSchema, migrationsFolder: string) {
  let template = pgliteTemplates.get(migrationsFolder);
  if (!template) {
    template = (async () => {
      const database = await openDatabase({ schema: {}, pglite: await PGlite.create() });
      await migrateDatabase(database, migrationsFolder);
      return (database as unknown as { pglite: PGlite }).pglite;
    })();
    pgliteTemplates.set(migrationsFolder, template);
  }
  const copy = (await (await template).clone()) as PGlite;
  return openDatabase({ schema, pglite: copy });
}

function migrationsHash(migrationsFolder: string): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsFolder)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    hash.update(file).update(readFileSync(path.join(migrationsFolder, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

async function openServerCopy<TSchema extends Record<string, unknown>>(
  serverUrl: string,
  schema: TSchema,
  migrationsFolder: string,
) {
  const templateName = `tmpl_${path.basename(path.dirname(migrationsFolder))}_${migrationsHash(migrationsFolder)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const name = `test_${randomBytes(6).toString('hex')}`;
  try {
    // Two test workers may race to build the template: an advisory lock makes one build it.
    await admin.query('select pg_advisory_lock(4242)');
    const exists = await admin.query('select 1 from pg_database where datname = $1', [templateName]);
    if (exists.rowCount === 0) {
      await admin.query(`create database "${templateName}_building"`);
      const building = await openDatabase({ schema: {}, url: withDatabase(serverUrl, `${templateName}_building`) });
      await migrateDatabase(building, migrationsFolder);
      await building.close();
      await admin.query(`alter database "${templateName}_building" rename to "${templateName}"`);
    }
    await admin.query(`create database "${name}" template "${templateName}"`);
  } finally {
    await admin.query('select pg_advisory_unlock(4242)');
    await admin.end();
  }
  const database = await openDatabase({ schema, url: withDatabase(serverUrl, name) });
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
