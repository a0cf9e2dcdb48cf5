import { testClient } from '@permis/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_FRANCECONNECT_IDENTITIES,
  LOCAL_FRANCECONNECT_CLIENT,
  type LocalFranceConnect,
  startLocalFranceConnect,
} from '../../../scripts/franceConnectLocal.ts';
import { ACTIVATION_FORM, invitedCandidate, startAntsHttp } from './api.ts';
import { ANTS_URL, franceConnectRoundTrip, franceConnectSignIn } from './franceConnectClient.ts';

let provider: LocalFranceConnect;
let ants: Awaited<ReturnType<typeof startAntsHttp>>;

beforeAll(async () => {
  provider = await startLocalFranceConnect({ port: 0, antsUrl: ANTS_URL });
  ants = await startAntsHttp({
    notify: true,
    franceConnect: { issuer: provider.issuer, ...LOCAL_FRANCECONNECT_CLIENT },
  });
});
afterAll(async () => {
  await ants?.close();
  await provider?.stop();
});

const identity = (name: string) => DEMO_FRANCECONNECT_IDENTITIES.find((i) => i.family_name === name)!;

describe('FranceConnect sign-in', () => {
  it('finds the account of the demand a school made with the person’s email, and activates it', async () => {
    const eric = identity('RENAUD');
    const { app, token } = await invitedCandidate(ants, 'Eric', {
      sex: 'M',
      birthName: 'RENAUD',
      otherFirstNames: 'Jean',
      birthDate: eric.birthdate,
      birthCity: 'RENNES',
      birthDepartment: '35',
      birthCountry: 'FRANCE',
      email: eric.email,
    });
    const { client, landed } = await franceConnectSignIn(ants.app, eric.sub);
    expect(landed.statusCode).toBe(303);
    expect(landed.headers.location).toBe('/monespace');
    const list = (await client.get('/api/candidate/applications')).json().applications;
    expect(list.map((a: { number: string }) => a.number)).toEqual([app.number]);
    // FranceConnect vouched for the person: the account is active, its activation link no longer serves.
    expect((await testClient(ants.app).get(`/api/candidate/activation/${token}`)).statusCode).toBe(410);

    // A second sign-in finds the same account by FranceConnect's subject.
    const again = await franceConnectSignIn(ants.app, eric.sub);
    const same = (await again.client.get('/api/candidate/applications')).json().applications;
    expect(same.map((a: { number: string }) => a.number)).toEqual([app.number]);
  });

  it('never hands a school-made account to an identity that differs in one element of the pivot', async () => {
    const lucas = identity('PETIT');
    // Same names and birth date, born in another town: another person for the agency.
    await invitedCandidate(ants, 'Lucas', {
      sex: 'M',
      birthName: 'PETIT',
      otherFirstNames: '',
      birthDate: lucas.birthdate,
      birthCity: 'RENNES',
      birthDepartment: '35',
      birthCountry: 'FRANCE',
    });
    const { client, landed } = await franceConnectSignIn(ants.app, lucas.sub);
    expect(landed.headers.location).toBe('/monespace');
    expect((await client.get('/api/candidate/applications')).json().applications).toEqual([]);
    const session = (await client.get('/api/session')).json();
    expect(session.candidate).toMatchObject({ firstName: 'Lucas', lastName: 'PETIT', loginId: null });
  });

  it('makes an account for a person unknown to the service (a candidat libre)', async () => {
    const amina = identity('DIALLO');
    const { client, landed } = await franceConnectSignIn(ants.app, amina.sub);
    expect(landed.headers.location).toBe('/monespace');
    const session = (await client.get('/api/session')).json();
    expect(session.candidate).toMatchObject({ firstName: 'Amina', lastName: 'DIALLO' });
  });

  it('never opens, on a name alone, an account a school activated at an address that is not the person’s', async () => {
    const chloe = identity('MOREAU');
    // A school typed its own address, with the name spelt another way, and activated the account itself.
    const { app, token } = await invitedCandidate(ants, 'Chloe', {
      sex: 'F',
      birthName: 'MORÉAU',
      otherFirstNames: '',
      birthDate: chloe.birthdate,
      birthCity: 'LYON-3E-ARRONDISSEMENT',
      birthDepartment: '69',
      birthCountry: 'FRANCE',
      email: 'secretariat@ecole-rivale.fr',
    });
    const school = testClient(ants.app);
    const activated = await school.post(`/api/candidate/activation/${token}`, { ...ACTIVATION_FORM, sex: 'F' });
    expect(activated.statusCode).toBe(200);

    const { client, landed } = await franceConnectSignIn(ants.app, chloe.sub);
    expect(landed.headers.location).toBe('/monespace');
    // Her own account at her own address; the school's demand is offered only once she proves that address.
    expect((await client.get('/api/candidate/applications')).json().applications).toEqual([]);
    expect((await client.get('/api/candidate/personal-data')).json()).toMatchObject({
      email: chloe.email,
      franceConnect: true,
    });
    expect((await client.get('/api/candidate/other-addresses')).json().addresses).toEqual([
      { id: expect.any(String), address: 's••••••••••@ecole-rivale.fr' },
    ]);
    // The school's account is untouched and still holds its demand: nothing of it reached her.
    expect((await school.get('/api/candidate/applications')).json().applications).toHaveLength(1);
    expect(app.number).toBeTruthy();
  });

  it('refuses a callback whose state is not the one this browser started with, and one from another browser', async () => {
    const chloe = identity('MOREAU');
    const client = testClient(ants.app);
    const { callback } = await franceConnectRoundTrip(client, chloe.sub);
    const forged = new URL(callback);
    forged.searchParams.set('state', 'not-the-state-this-browser-was-given');
    const refused = await client.get(forged.pathname + forged.search);
    expect(refused.headers.location).toBe('/monespace/connexion?franceconnect=FRANCECONNECT_FAILED');
    expect((await client.get('/api/session')).statusCode).toBe(401);

    // Login CSRF: an attacker's callback URL opened in the victim's browser (no sign-in started there).
    const attacker = await franceConnectRoundTrip(testClient(ants.app), chloe.sub);
    const victim = testClient(ants.app);
    const planted = await victim.get(attacker.callback.pathname + attacker.callback.search);
    expect(planted.headers.location).toBe('/monespace/connexion?franceconnect=FRANCECONNECT_FAILED');
    expect((await victim.get('/api/session')).statusCode).toBe(401);
  });

  it('signs out at FranceConnect too, with the ID token as hint', async () => {
    const { client } = await franceConnectSignIn(ants.app, identity('DIALLO').sub);
    const session = (await client.get('/api/session')).json();
    expect(session.kind).toBe('candidate');
    const out = await client.post('/api/logout', {});
    expect(out.statusCode).toBe(200);
    const redirect = new URL(out.json().redirect);
    expect(redirect.origin).toBe(provider.issuer);
    expect(redirect.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(redirect.searchParams.get('post_logout_redirect_uri')).toBe(`${ANTS_URL}/monespace/connexion?deconnexion=1`);
    expect((await client.get('/api/session')).statusCode).toBe(401);
    // The provider accepts the hint (an unknown one is an error page): its logout form, then back.
    const page = await fetch(redirect, { redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/session/end/confirm');
  });
});
