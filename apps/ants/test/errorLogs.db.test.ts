import { problemCatalogue } from '@permis/ants-api';
import { createHttpServer } from '@permis/platform';
import { captureLogs } from '@permis/platform/testing';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { draftRequest, failure, startAntsHttp } from './api.ts';
import { startAnts } from './harness.ts';
import { javascriptPdf } from './hostilePdfs.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
});

const EMAIL = 'apolline.confidentielle@example.fr';

describe('error logs', () => {
  it('say which database error happened, never the values of its query', async () => {
    const ants = await startAnts();
    const logs = captureLogs();
    const app = await createHttpServer({
      service: 'essai',
      logLevel: 'info',
      logStream: logs.stream,
      problems: problemCatalogue,
    });
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

  it('of refused requests (NUL characters, bad credentials, malformed bodies, hostile files) hold none of their values', async () => {
    const logs = captureLogs();
    const ants = await startAntsHttp({ logStream: logs.stream });
    close = () => ants.close();
    const post = (url: string, body: string, type = 'application/json') =>
      fetch(`${ants.baseUrl}${url}`, { method: 'POST', headers: { 'content-type': type }, body });
    const answers = [
      await post('/api/candidate/forgotten-identifier', JSON.stringify({ email: `${EMAIL}\u0000` })),
      await post('/api/pro/v1/token', JSON.stringify({ agrementNumber: 'E1703500010', login: EMAIL, password: EMAIL })),
      await post('/api/candidate/login', `{"loginId": "${EMAIL}", "password": `),
      await post(
        '/api/pro/v1/token',
        `--x\r\nContent-Disposition: form-data; name="${EMAIL}"\r\n`,
        'multipart/form-data',
      ),
    ];
    expect(answers.map((a) => a.status < 500)).toEqual([true, true, true, true]);
    const app = await ants.brequigny.createApplication(
      draftRequest({ candidate: { email: EMAIL } }),
      crypto.randomUUID(),
    );
    await failure(ants.brequigny.uploadPiece(app.number, 'identity', { name: `${EMAIL}.pdf`, bytes: javascriptPdf() }));
    // The requests were logged (the scan reads real lines), without the values they carried.
    expect(logs.text()).toContain('"path":"/api/pro/v1/token"');
    expect(logs.text()).not.toContain('apolline');
  });
});
