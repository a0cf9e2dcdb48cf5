import { PGlite } from '@electric-sql/pglite';
import { migrateDatabase, openDatabase } from '@permis/platform';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../src/config.ts';
import { migrationsUpTo } from './migrations.ts';

describe('migration 0021: what proves a person (decision 0016)', () => {
  it('ends the sessions of passwords whose proof was not kept, and keeps FranceConnect’s état civil as vouched', async () => {
    const database = await openDatabase({ schema: {}, pglite: await PGlite.create() });
    await migrateDatabase(database, migrationsUpTo('0020_piece_sha256'));
    const candidate = (id: string, email: string, sub: string | null) => sql`
      insert into candidates (id, email, sex, birth_name, first_name, birth_date, birth_city, birth_country, activated_at, france_connect_sub)
      values (${id}, ${email}, 'F', 'MARTIN', 'Camille', '2005-03-14', 'RENNES', 'FRANCE', now(), ${sub})`;
    await database.db.execute(candidate('00000000-0000-4000-8000-000000000001', 'a@example.fr', null));
    await database.db.execute(candidate('00000000-0000-4000-8000-000000000002', 'b@example.fr', 'fc-sub'));
    await database.db.execute(sql`
      insert into sessions (token_hash, subject_type, subject_id, csrf_token, expires_at) values
      ('candidate', 'candidate', '00000000-0000-4000-8000-000000000001', 'c', now() + interval '1 hour'),
      ('pro', 'pro', '00000000-0000-4000-8000-000000000001', 'c', now() + interval '1 hour')`);

    await migrateDatabase(database, MIGRATIONS_FOLDER);
    const rows = async (query: string) => (await database.executeSql(query)).rows;
    expect(await rows('select token_hash from sessions order by token_hash')).toEqual([{ token_hash: 'pro' }]);
    expect(await rows('select email, credentials_via, identity_via from candidates order by email')).toEqual([
      { email: 'a@example.fr', credentials_via: null, identity_via: null },
      { email: 'b@example.fr', credentials_via: null, identity_via: 'franceconnect' },
    ]);
    await database.close();
  });
});
