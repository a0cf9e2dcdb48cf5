import { testClient } from '@permis/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_FRANCECONNECT_IDENTITIES,
  LOCAL_FRANCECONNECT_CLIENT,
  type LocalFranceConnect,
  startLocalFranceConnect,
} from '../../../scripts/franceConnectLocal.ts';
import { ACTIVATION_FORM, CANDIDATE_PASSWORD, invitedCandidate, startAntsHttp } from './api.ts';

const ANTS_URL = 'http://localhost:3100';
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

/**
 * A browser's round trip: « S'identifier avec FranceConnect » on the service, the provider's pages
 * (its own cookies, the identity chosen), back to the service's callback with the code.
 */
async function franceConnectRoundTrip(client: ReturnType<typeof testClient>, sub: string) {
  const start = await client.get('/api/candidate/franceconnect/login');
  expect(start.statusCode).toBe(303);
  const jar = new Map<string, string>();
  let url = new URL(String(start.headers.location));
  const go = async (target: URL, init: RequestInit = {}) => {
    const response = await fetch(target, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  let response = await go(url);
  for (let hop = 0; hop < 12; hop++) {
    if (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get('location')!, url);
      if (next.origin === ANTS_URL) return { callback: next, client };
      url = next;
      response = await go(url);
      continue;
    }
    const html = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`unexpected provider page: ${html.slice(0, 300)}`);
    url = new URL(action, url);
    response = await go(url, {
      method: 'POST',
      body: new URLSearchParams({ sub }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }
  throw new Error('too many redirects');
}

async function signIn(sub: string, client = testClient(ants.app)) {
  const { callback } = await franceConnectRoundTrip(client, sub);
  const landed = await client.get(callback.pathname + callback.search);
  return { client, landed };
}

describe('FranceConnect sign-in', () => {
  it('finds the account of the demand a school made when the whole pivot matches, and activates it', async () => {
    const eric = identity('RENAUD');
    const { app, token } = await invitedCandidate(ants, 'Eric', {
      sex: 'M',
      birthName: 'RENAUD',
      otherFirstNames: 'Jean',
      birthDate: eric.birthdate,
      birthCity: 'RENNES',
      birthDepartment: '35',
      birthCountry: 'FRANCE',
    });
    const { client, landed } = await signIn(eric.sub);
    expect(landed.statusCode).toBe(303);
    expect(landed.headers.location).toBe('/monespace');
    const list = (await client.get('/api/candidate/applications')).json().applications;
    expect(list.map((a: { number: string }) => a.number)).toEqual([app.number]);
    // FranceConnect vouched for the person: the account is active, its activation link no longer serves.
    expect((await testClient(ants.app).get(`/api/candidate/activation/${token}`)).statusCode).toBe(410);

    // A second sign-in finds the same account by FranceConnect's subject.
    const again = await signIn(eric.sub);
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
    const { client, landed } = await signIn(lucas.sub);
    expect(landed.headers.location).toBe('/monespace');
    expect((await client.get('/api/candidate/applications')).json().applications).toEqual([]);
    const session = (await client.get('/api/session')).json();
    expect(session.candidate).toMatchObject({ firstName: 'Lucas', lastName: 'PETIT', loginId: null });
  });

  it('makes an account for a person unknown to the service (a candidat libre)', async () => {
    const amina = identity('DIALLO');
    const { client, landed } = await signIn(amina.sub);
    expect(landed.headers.location).toBe('/monespace');
    const session = (await client.get('/api/session')).json();
    expect(session.candidate).toMatchObject({ firstName: 'Amina', lastName: 'DIALLO' });
  });

  it('takes back from whoever held it an account a school activated at an address that is not the person’s', async () => {
    const chloe = identity('MOREAU');
    // A school typed its own address, with the name spelt another way, and activated the account itself.
    const { request, token } = await invitedCandidate(ants, 'Chloe', {
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
    const loginId = activated.json().loginId;

    const { client, landed } = await signIn(chloe.sub);
    expect(landed.headers.location).toBe('/monespace');
    // The same account (the school's demand is hers), now at her own address; the school is out.
    expect((await client.get('/api/candidate/applications')).json().applications).toHaveLength(1);
    const mine = (await client.get('/api/candidate/personal-data')).json();
    expect(mine).toMatchObject({ email: chloe.email, hasPassword: false, franceConnect: true });
    expect(mine.email).not.toBe(request.candidate.email);
    expect((await school.get('/api/candidate/home')).statusCode).toBe(401);
    const again = await testClient(ants.app).post('/api/candidate/login', { loginId, password: CANDIDATE_PASSWORD });
    expect(again.statusCode).toBe(401);
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
    const { client } = await signIn(identity('DIALLO').sub);
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
