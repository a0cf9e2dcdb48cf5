import { testClient } from '@permis/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens } from '../src/db/schema.ts';
import { startAntsHttp } from './api.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
beforeAll(async () => {
  ants = await startAntsHttp();
});
afterAll(async () => {
  await ants.close();
});

const SAINT_PRIEST = { agrementNumber: 'E1706900030', login: 'claboret662', password: '3cfBelfort!' };
const NEW_PASSWORD = 'Nouveau-Secret-2026!';

describe("the professional space: the account's password", () => {
  it('changes it after the current one, revokes every token of the software and ends the other sessions', async () => {
    const here = testClient(ants.app);
    await here.login('/api/pro/login', SAINT_PRIEST);
    const elsewhere = testClient(ants.app);
    await elsewhere.login('/api/pro/login', SAINT_PRIEST);
    await ants.saintPriest.listApplications();
    const tokenBefore = await ants.db.select().from(apiTokens);
    expect(tokenBefore.length).toBeGreaterThan(0);

    const wrong = await here.post('/api/pro/web/account/password', {
      currentPassword: 'pas-le-bon',
      password: NEW_PASSWORD,
      passwordConfirmation: NEW_PASSWORD,
    });
    expect([wrong.statusCode, wrong.json().fields]).toEqual([
      400,
      [{ path: 'currentPassword', message: 'Le mot de passe actuel est incorrect.' }],
    ]);
    const weak = await here.post('/api/pro/web/account/password', {
      currentPassword: SAINT_PRIEST.password,
      password: 'court',
      passwordConfirmation: 'autre',
    });
    expect(weak.json().fields.map((f: { path: string }) => f.path)).toEqual(['password', 'passwordConfirmation']);

    const changed = await here.post('/api/pro/web/account/password', {
      currentPassword: SAINT_PRIEST.password,
      password: NEW_PASSWORD,
      passwordConfirmation: NEW_PASSWORD,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().revokedTokens).toBeGreaterThan(0);
    // This session goes on; the other one is over; the old password no longer gives a token.
    expect((await here.get('/api/pro/web/applications')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/pro/web/applications')).statusCode).toBe(401);
    const old = await testClient(ants.app).post('/api/pro/v1/token', SAINT_PRIEST);
    expect(old.statusCode).toBe(401);
    const renewed = await testClient(ants.app).post('/api/pro/v1/token', { ...SAINT_PRIEST, password: NEW_PASSWORD });
    expect(renewed.statusCode).toBe(200);
    // The software's old token was revoked: its client gets 401 and cannot renew with the old password.
    await expect(ants.saintPriest.listApplications()).rejects.toMatchObject({ code: 'AUTHENTICATION_FAILED' });
  });
});
