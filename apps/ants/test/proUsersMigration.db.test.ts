import { PGlite } from '@electric-sql/pglite';
import { hashPassword, migrateDatabase, openDatabase, verifyPassword } from '@permis/platform';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../src/config.ts';
import { migrationsUpTo } from './migrations.ts';

describe('migration 0014: the agrément users', () => {
  it("turns each account's login into its manager, keeping its password, tokens and sessions", async () => {
    const database = await openDatabase({ schema: {}, pglite: await PGlite.create() });
    await migrateDatabase(database, migrationsUpTo('0013_application_entries'));
    const passwordHash = await hashPassword('Ancien-Secret-2026!');
    await database.db.execute(sql`
      insert into pro_accounts (id, agrement_number, login, password_hash, school_name, email)
      values ('00000000-0000-4000-8000-000000000001', 'E9900000001', 'ecole', ${passwordHash}, 'École', 'ecole@example.fr')`);
    await database.db.execute(sql`
      insert into api_tokens (token_hash, pro_account_id, expires_at)
      values ('hash', '00000000-0000-4000-8000-000000000001', now() + interval '1 hour')`);
    await database.db.execute(sql`
      insert into sessions (token_hash, subject_type, subject_id, csrf_token, expires_at)
      values ('session', 'pro', '00000000-0000-4000-8000-000000000001', 'csrf', now() + interval '1 hour')`);

    await migrateDatabase(database, MIGRATIONS_FOLDER);
    const rows = async <T>(query: string) => (await database.executeSql(query)).rows as T[];
    const users = await rows<{ id: string; login: string; password_hash: string; manager: boolean; email: string }>(
      'select id, login, password_hash, manager, email from pro_users',
    );
    expect(users.map(({ login, manager, email }) => ({ login, manager, email }))).toEqual([
      { login: 'ecole', manager: true, email: 'ecole@example.fr' },
    ]);
    expect(await verifyPassword(users[0]!.password_hash, 'Ancien-Secret-2026!')).toBe(true);
    expect([
      ...(await rows('select pro_user_id from api_tokens')),
      ...(await rows('select subject_id from sessions')),
    ]).toEqual([{ pro_user_id: users[0]!.id }, { subject_id: users[0]!.id }]);
    await database.close();
  });
});
