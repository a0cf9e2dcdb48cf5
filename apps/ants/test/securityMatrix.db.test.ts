import { testClient } from '@permis/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activatedCandidate, startAntsHttp } from './api.ts';
import { AGENT, PRO } from './harness.ts';

/**
 * Who may call each route of the national service. A route missing here fails the test: every new
 * route is given its rule on purpose. `pro` = bearer token of the professional API; `proSession` = the
 * school's web session (its professional space); `booth` = the
 * photo booths' key; `dev` = development tools (outbox), registered only in development.
 */
type Rule = 'public' | 'session' | 'pro' | 'proSession' | 'agent' | 'candidate' | 'booth' | 'dev';
const RULES: Record<string, Rule> = {
  'GET /api/pro/docs': 'public',
  'GET /api/pro/docs/static/index.html': 'public',
  'GET /api/pro/docs/static/swagger-initializer.js': 'public',
  'GET /api/pro/docs/json': 'public',
  'GET /api/pro/docs/yaml': 'public',
  'GET /api/pro/docs/static/*': 'public',
  'GET /api/pro/v1/openapi.json': 'public',
  'GET /api/health': 'public',
  'POST /api/pro/login': 'public',
  'POST /api/agent/login': 'public',
  'GET /api/session': 'session',
  'GET /api/pro/web/applications': 'proSession',
  'GET /api/pro/web/applications/:number': 'proSession',
  'POST /api/pro/web/account/password': 'proSession',
  'POST /api/pro/web/applications/:number/validate': 'proSession',
  'POST /api/pro/web/applications/:number/complete': 'proSession',
  'DELETE /api/pro/web/applications/:number': 'proSession',
  'POST /api/pro/web/transfers': 'proSession',
  'POST /api/pro/web/entries': 'proSession',
  'GET /api/pro/web/applications/:number/recap': 'proSession',
  'GET /api/pro/web/applications/:number/pieces': 'proSession',
  'POST /api/pro/web/applications/:number/pieces/:kind': 'proSession',
  'GET /api/pro/web/applications/:number/pieces/files/:fileId': 'proSession',
  'DELETE /api/pro/web/applications/:number/pieces/files/:fileId': 'proSession',
  'GET /api/pro/web/applications/:number/ephoto': 'proSession',
  'GET /api/pro/web/applications/:number/ephoto/photo': 'proSession',
  'GET /api/pro/web/applications/:number/ephoto/signature': 'proSession',
  'PUT /api/pro/web/applications/:number/ephoto': 'proSession',
  'DELETE /api/pro/web/applications/:number/ephoto': 'proSession',
  'GET /api/pro/web/applications/:number/documents': 'proSession',
  'GET /api/pro/web/applications/:number/history': 'proSession',
  'PUT /api/pro/web/applications/:number': 'proSession',
  'GET /api/pro/web/applications/:number/documents/:kind': 'proSession',
  'GET /api/pro/web/prefectures': 'proSession',
  'GET /api/pro/web/entries': 'proSession',
  'GET /api/pro/web/entries/:id': 'proSession',
  'PUT /api/pro/web/entries/:id/mandate': 'proSession',
  'PUT /api/pro/web/entries/:id/motif': 'proSession',
  'PUT /api/pro/web/entries/:id/civilStatus': 'proSession',
  'PUT /api/pro/web/entries/:id/address': 'proSession',
  'PUT /api/pro/web/entries/:id/dossier': 'proSession',
  'GET /api/pro/web/users': 'proSession',
  'POST /api/pro/web/users': 'proSession',
  'POST /api/pro/web/users/:userId/invitation': 'proSession',
  'POST /api/pro/web/users/:userId/disable': 'proSession',
  'POST /api/pro/web/users/:userId/enable': 'proSession',
  'GET /api/pro/invitations/:token': 'public',
  'GET /api/candidate/messages': 'candidate',
  'GET /api/candidate/home': 'candidate',
  'GET /api/candidate/documents': 'candidate',
  'GET /api/candidate/personal-data': 'candidate',
  'POST /api/candidate/personal-data/email': 'candidate',
  'GET /api/candidate/email-change/:token': 'public',
  'POST /api/candidate/email-change/:token': 'public',
  'POST /api/candidate/personal-data/mobile': 'candidate',
  'POST /api/candidate/personal-data/password': 'candidate',
  'POST /api/candidate/personal-data/secret-question': 'candidate',
  'GET /api/candidate/personal-data/export': 'candidate',
  'POST /api/candidate/own-applications': 'candidate',
  'GET /api/candidate/prefectures': 'candidate',
  'GET /api/candidate/own-applications/:number': 'candidate',
  'POST /api/candidate/own-applications/:number/pieces/:kind': 'candidate',
  'DELETE /api/candidate/own-applications/:number/pieces/files/:fileId': 'candidate',
  'POST /api/candidate/own-applications/:number/submit': 'candidate',
  'GET /api/candidate/own-applications/:number/ephoto': 'candidate',
  'GET /api/candidate/own-applications/:number/ephoto/photo': 'candidate',
  'GET /api/candidate/own-applications/:number/ephoto/signature': 'candidate',
  'PUT /api/candidate/own-applications/:number/ephoto': 'candidate',
  'DELETE /api/candidate/own-applications/:number/ephoto': 'candidate',
  'POST /api/candidate/own-applications/:number/complete': 'candidate',
  'POST /api/candidate/own-applications/:number/withdraw': 'candidate',
  'GET /api/candidate/franceconnect': 'public',
  'POST /api/candidate/messages/:id/read': 'candidate',
  'POST /api/pro/invitations/:token': 'public',
  'POST /api/logout': 'public',
  'GET /api/candidate/activation/:token': 'public',
  'POST /api/candidate/activation/:token': 'public',
  'POST /api/candidate/login': 'public',
  'POST /api/candidate/forgotten-identifier': 'public',
  'POST /api/candidate/password-reset/link': 'public',
  'POST /api/candidate/password-reset/question': 'public',
  'POST /api/candidate/password-reset/answer': 'public',
  'GET /api/candidate/other-addresses': 'candidate',
  'POST /api/candidate/other-addresses/:id/link': 'candidate',
  'GET /api/candidate/attach/:token': 'candidate',
  'POST /api/candidate/attach/:token': 'candidate',
  'POST /api/candidate/personal-data/mobile/confirm': 'candidate',
  'GET /api/candidate/password-reset/:token': 'public',
  'POST /api/candidate/password-reset/:token': 'public',
  'GET /api/candidate/applications': 'candidate',
  'GET /api/candidate/applications/:number': 'candidate',
  'GET /api/candidate/applications/:number/pieces/files/:fileId': 'candidate',
  'POST /api/candidate/applications/:number/confirm': 'candidate',
  'POST /api/candidate/applications/:number/refuse': 'candidate',
  'GET /api/candidate/applications/:number/documents/:kind': 'candidate',
  'GET /api/agent/applications': 'agent',
  'GET /api/agent/applications/:number': 'agent',
  'GET /api/agent/applications/:number/pieces/files/:fileId': 'agent',
  'GET /api/agent/applications/:number/ephoto/:image': 'agent',
  'POST /api/agent/applications/:number/request-completion': 'agent',
  'POST /api/agent/applications/:number/reject': 'agent',
  'POST /api/agent/applications/:number/accept': 'agent',
  'GET /api/agent/deliveries': 'agent',
  'POST /api/agent/deliveries/:channel/:id/retry': 'agent',
  'GET /api/referentiel/towns': 'public',
  'GET /api/referentiel/departments': 'public',
  'GET /api/referentiel/countries': 'public',
  'POST /api/referentiel/check-places': 'public',
  'POST /api/pro/v1/token': 'public',
  'GET /api/pro/v1/prefectures': 'pro',
  'POST /api/pro/v1/applications': 'pro',
  'GET /api/pro/v1/applications/:number': 'pro',
  'GET /api/pro/v1/applications': 'pro',
  'DELETE /api/pro/v1/applications/:number': 'pro',
  'POST /api/pro/v1/applications/:number/validate': 'pro',
  'POST /api/pro/v1/applications/:number/complete': 'pro',
  'POST /api/pro/v1/transfers': 'pro',
  'GET /api/pro/v1/applications/:number/pieces': 'pro',
  'POST /api/pro/v1/applications/:number/pieces/:kind': 'pro',
  'GET /api/pro/v1/applications/:number/pieces/files/:fileId': 'pro',
  'DELETE /api/pro/v1/applications/:number/pieces/files/:fileId': 'pro',
  'POST /api/booths/v1/codes': 'booth',
  'GET /api/pro/v1/applications/:number/ephoto': 'pro',
  'GET /api/pro/v1/applications/:number/ephoto/photo': 'pro',
  'GET /api/pro/v1/applications/:number/ephoto/signature': 'pro',
  'PUT /api/pro/v1/applications/:number/ephoto': 'pro',
  'DELETE /api/pro/v1/applications/:number/ephoto': 'pro',
  'GET /api/pro/v1/applications/:number/documents': 'pro',
  'GET /api/pro/v1/applications/:number/history': 'pro',
  'PUT /api/pro/v1/applications/:number': 'pro',
  'GET /api/pro/v1/applications/:number/documents/:kind': 'pro',
  'PUT /api/pro/v1/webhook': 'pro',
  'GET /api/pro/v1/webhook': 'pro',
  'DELETE /api/pro/v1/webhook': 'pro',
  // Last: it revokes the caller's token.
  'DELETE /api/pro/v1/token': 'pro',
};

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
beforeAll(async () => {
  ants = await startAntsHttp({ notify: true });
});
afterAll(async () => {
  await ants.close();
});

async function bearer(credentials: { agrementNumber: string; login: string; password: string }) {
  const response = await testClient(ants.app).post('/api/pro/v1/token', credentials);
  return `Bearer ${response.json().token as string}`;
}

describe('security matrix of the national service', () => {
  it('answers an unknown API path in any case, and a development route without DEV_TOOLS, with a JSON 404', async () => {
    // The SMS outbox is the SMS provider here: its page showed activation links to anyone.
    for (const route of [
      'GET /API/pro/v1/applications',
      'GET /Api/health',
      'GET /api/nope',
      'GET /dev/sms',
      'POST /dev/clock/expiry',
      'POST /dev/candidates/legacy-credentials',
    ]) {
      const [method, url] = route.split(' ') as ['GET', string];
      const response = await ants.app.inject({ method, url });
      expect([route, response.statusCode, response.json().code]).toEqual([route, 404, 'NOT_FOUND']);
    }
  });

  it('lists every route', async () => {
    await ants.app.ready();
    const routes = ants.app.routeList.map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((route) => !(route in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((route) => !routes.includes(route))).toEqual([]);
  });

  it('answers each caller as its rule says (and another school or candidate never sees it), never 500', async () => {
    // Candidate A's application, entered by school A (BREQUIGNY); candidate B has another one.
    const a = await activatedCandidate(ants, 'Pierre');
    const b = await activatedCandidate(ants, 'Paul');
    const agent = testClient(ants.app);
    await agent.login('/api/agent/login', AGENT);
    const proWeb = testClient(ants.app);
    await proWeb.login('/api/pro/login', PRO);
    const proWebB = testClient(ants.app);
    await proWebB.login('/api/pro/login', {
      agrementNumber: 'E1706900030',
      login: 'claboret662',
      password: '3cfBelfort!',
    });
    const schoolA = await bearer(PRO);
    const schoolB = await bearer({ agrementNumber: 'E1706900030', login: 'claboret662', password: '3cfBelfort!' });
    const anonymous = testClient(ants.app);

    type Caller = { client: ReturnType<typeof testClient>; authorization?: string; kind: string; owner: boolean };
    const callers: Record<string, Caller> = {
      anonymous: { client: anonymous, kind: 'anonymous', owner: false },
      schoolA: { client: anonymous, authorization: schoolA, kind: 'pro', owner: true },
      schoolB: { client: anonymous, authorization: schoolB, kind: 'pro', owner: false },
      proWebSession: { client: proWeb, kind: 'proSession', owner: true },
      proWebSessionB: { client: proWebB, kind: 'proSession', owner: false },
      agent: { client: agent, kind: 'agent', owner: true },
      candidateA: { client: a.client, kind: 'candidate', owner: true },
      candidateB: { client: b.client, kind: 'candidate', owner: false },
    };

    const failures: string[] = [];
    for (const [route, rule] of Object.entries(RULES)) {
      if (['public', 'dev'].includes(rule) || route === 'GET /api/session') continue;
      const [method, url] = route.split(' ') as [string, string];
      const path = url
        .replace(':number', a.app.number)
        .replace(':fileId', crypto.randomUUID())
        .replace(':kind', url.includes('/pieces/') ? 'identity' : 'receipt')
        .replace(':channel', 'mail')
        .replace(':id', crypto.randomUUID());
      for (const [name, caller] of Object.entries(callers)) {
        const response = await caller.client.request({
          method: method as 'GET',
          url: path,
          headers: caller.authorization ? { authorization: caller.authorization } : {},
          payload: method === 'GET' || method === 'DELETE' ? undefined : {},
        });
        const status = response.statusCode;
        const rightKind = rule === caller.kind;
        let expected = '';
        if (status >= 500) expected = 'no 500';
        else if (rule === 'booth') expected = status === 401 || status === 403 ? '' : '401/403 without the booth key';
        else if (!rightKind) expected = status === 401 || status === 403 ? '' : '401/403';
        // Not theirs: not found (or their own request refused as malformed, which tells nothing of it).
        else if (!caller.owner && url.includes(':number'))
          expected = [400, 404].includes(status) ? '' : '404 (not theirs)';
        else if (status === 401 || status === 403) expected = 'access';
        if (expected) failures.push(`${route} as ${name}: ${status}, expected ${expected}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
