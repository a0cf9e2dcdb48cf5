import { createHttpServer } from '@permis/platform';
import { captureLogs } from '@permis/platform/testing';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { startAnts } from './harness.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
});

const EMAIL = 'apolline.confidentielle@example.fr';

describe('error logs', () => {
  it('say which database error happened, never the values of its query', async () => {
    const ants = await startAnts();
    const logs = captureLogs();
    const app = await createHttpServer({ service: 'essai', logLevel: 'info', logStream: logs.stream });
    close = async () => {
      await app.close();
      await ants.close();
    };
    // A cast the driver refuses (its message quotes the value) and a unique violation (its detail does).
    app.get('/cast', () => ants.db.execute(sql`select ${EMAIL}::int`));
    app.get('/unique', async () => {
      await ants.db.execute(sql`create temp table if not exists seen (email text primary key)`);
      await ants.db.execute(sql`insert into seen values (${EMAIL})`);
      return ants.db.execute(sql`insert into seen values (${EMAIL})`);
    });
    for (const url of ['/cast', '/unique']) {
      const response = await app.inject({ method: 'GET', url });
      expect([url, response.statusCode, response.body.includes(EMAIL)]).toEqual([url, 500, false]);
    }
    const text = logs.text();
    expect(text).not.toContain('apolline');
    // What a developer needs is there: the SQLSTATE of each, and where it was thrown.
    expect(text).toContain('22P02');
    expect(text).toContain('23505');
    expect(text).toMatch(/"stack":"\s+at /);
  });
});
