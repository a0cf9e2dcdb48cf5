import { createServer } from 'node:net';
import { createSecretBox } from '@permis/platform';
import { testClient, until } from '@permis/platform/testing';
import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expireUnactivatedAccounts } from '../../ants/src/candidates/expiry.ts';
import { draftRequest, PNG, startAntsHttp } from '../../ants/test/api.ts';
import { createAntsClients } from '../src/ants/clients.ts';
import { createWebhookSubscriber } from '../src/ants/webhook.ts';
import { offices, onlineApplications } from '../src/db/schema.ts';
import { LOGIN, startSchool, TEST_KEY } from './harness.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
let school: Awaited<ReturnType<typeof startSchool>>;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeEach(async () => {
  ants = await startAntsHttp({ notify: true });
  const port = await freePort();
  school = await startSchool({ antsUrl: ants.baseUrl, publicUrl: `http://127.0.0.1:${port}`, jobs: true });
  await school.app.listen({ host: '127.0.0.1', port });
});
afterEach(async () => {
  await school.close();
  await ants.close();
});

describe('changes pushed by the national service (signed webhook)', () => {
  it('subscribes every office with credentials at start, and says when it last heard from the national service', async () => {
    // Nobody saved an office nor ran "Mettre à jour": the start alone subscribes both demo offices.
    const subscribed = await until(async () => {
      const rows = await school.db.select().from(offices);
      return rows.every((o) => o.webhookSecretSealed) ? rows : undefined;
    });
    expect(subscribed.map((o) => o.name).sort()).toEqual(['BREQUIGNY', 'SAINT-PRIEST']);
    const brequigny = subscribed.find((o) => o.name === 'BREQUIGNY')!;
    // The subscription opened a session with each office's credentials: checked, and the site heard
    // from (the offices page and the list say so, not « non vérifiés » / « Aucune nouvelle »).
    for (const office of subscribed) {
      expect(office.antsCredentialsCheck).toBe('accepted');
      expect(office.antsCredentialsCheckedAt).not.toBeNull();
      expect(office.antsLastHeardAt).not.toBeNull();
    }

    // A change on the national service reaches the office's list by the push.
    const entered = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    await ants.brequigny.deleteApplication(entered.number);
    const row = await until(async () => {
      const [found] = await school.db
        .select()
        .from(onlineApplications)
        .where(eq(onlineApplications.number, entered.number));
      return found;
    });
    expect(row).toMatchObject({ officeId: brequigny.id, state: 'deleted', studentId: null });
    const dirigeant = testClient(school.app);
    await dirigeant.login('/api/auth/login', LOGIN.dirigeant);
    const list = (await dirigeant.get(`/api/admin/online-applications?officeId=${brequigny.id}`)).json();
    expect(Date.now() - Date.parse(list.office.lastHeardAt)).toBeLessThan(60_000);
    const seen = (await dirigeant.get('/api/dirigeant/offices')).json().offices;
    expect(seen.find((o: { name: string }) => o.name === 'SAINT-PRIEST')).toMatchObject({
      antsCredentialsCheck: 'accepted',
      antsLastHeardAt: expect.any(String),
    });
  });

  it('says at start when an office’s credentials are refused, and does not try them again', async () => {
    await until(async () => {
      const rows = await school.db.select().from(offices);
      return rows.every((o) => o.webhookSecretSealed) ? rows : undefined;
    });
    const box = createSecretBox(TEST_KEY);
    const [office] = await school.db
      .update(offices)
      .set({ antsPasswordSealed: box.seal('Plus-le-bon-2026!'), webhookUrl: null, webhookSecretSealed: null })
      .where(eq(offices.name, 'SAINT-PRIEST'))
      .returning();
    const subscriber = createWebhookSubscriber(
      school.db,
      createAntsClients({ baseUrl: ants.baseUrl, box }),
      box,
      undefined,
      'http://127.0.0.1:9',
    );
    await subscriber.subscribeOffice(office!.id);
    const [after] = await school.db.select().from(offices).where(eq(offices.id, office!.id));
    expect(after).toMatchObject({ antsCredentialsCheck: 'refused', webhookSecretSealed: null });
  });

  it('applies a change without any "Mettre à jour", and refuses a forged or replayed push', async () => {
    const [brequigny] = await school.db.select().from(offices).where(eq(offices.name, 'BREQUIGNY'));
    const dirigeant = testClient(school.app);
    await dirigeant.login('/api/auth/login', LOGIN.dirigeant);
    const saved = await dirigeant.put(`/api/dirigeant/offices/${brequigny!.id}`, {
      name: 'BREQUIGNY',
      postalCode: '35200',
      cerfaAgrement: 'E1703500010',
      antsLogin: 'brequigny35',
      prefectureCode: '35238',
    });
    expect(saved.json().webhook).toBe('registered');
    const [registered] = await school.db.select().from(offices).where(eq(offices.id, brequigny!.id));
    expect(registered!.webhookSecretSealed).toBeTruthy();

    // A student's application, validated: it awaits the candidate.
    const secretaire = testClient(school.app);
    await secretaire.login('/api/auth/login', LOGIN.secretaire);
    const student = await secretaire.post('/api/students', {
      officeId: brequigny!.id,
      sex: 'M',
      birthName: 'PUSH',
      firstName: 'Hugo',
      birthDate: '2004-02-03',
      birthCity: 'RENNES',
      birthDepartment: '35',
      birthCountry: 'FRANCE',
      addressLine: '1 rue de Brest',
      postalCode: '35000',
      city: 'RENNES',
      email: 'hugo.push@example.fr',
    });
    const id = student.json().student.id as string;
    await secretaire.put(`/api/students/${id}/dossier`, {
      requestedCategories: ['B'],
      declarations: { jdcInOrder: true },
    });
    const created = await secretaire.post(`/api/students/${id}/online`, {
      type: '02',
      idempotencyKey: crypto.randomUUID(),
    });
    const number = created.json().application.number as string;
    await ants.brequigny.uploadPiece(number, 'identity', { name: 'cni.png', bytes: PNG });
    await ants.brequigny.uploadPiece(number, 'proof_of_address', { name: 'dom.png', bytes: PNG });
    expect((await secretaire.post(`/api/students/${id}/online/${number}/validate`)).statusCode).toBe(200);

    // Seven days after the invitation the national service deletes it on its own: the school learns it by the push.
    await ants.sink!.waitFor((m) => (m.subject ?? '').startsWith('Activez'));
    await expireUnactivatedAccounts(ants.db, new Date(Date.now() + 8 * 24 * 3600 * 1000));
    const row = await until(async () => {
      const [found] = await school.db.select().from(onlineApplications).where(eq(onlineApplications.number, number));
      return found?.state === 'deleted' ? found : undefined;
    });
    expect(row).toMatchObject({ studentId: id, stateReason: 'Compte non activé dans les 7 jours' });
    const tab = (await secretaire.get(`/api/students/${id}/online`)).json();
    expect(tab.applications[0]).toMatchObject({ number, stateLabel: 'Supprimée' });

    // A forged push is refused; a replay of an older state changes nothing.
    const url = `/api/ants/webhook/${brequigny!.id}`;
    const older = {
      ...(await ants.brequigny.getApplication(number)),
      state: 'draft',
      updatedAt: '2020-01-01T00:00:00.000Z',
    };
    const body = JSON.stringify({ id: crypto.randomUUID(), type: 'application.updated', application: older });
    const eventId = crypto.randomUUID();
    const standard = (signature: string, at = new Date()) => ({
      'content-type': 'application/json',
      'webhook-id': eventId,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': signature,
    });
    const forged = await testClient(school.app).request({
      method: 'POST',
      url,
      payload: body,
      headers: standard('v1,AAAA'),
    });
    expect(forged.statusCode).toBe(401);
    const [withSecret] = await school.db.select().from(offices).where(eq(offices.id, brequigny!.id));
    const secret = createSecretBox(TEST_KEY).open(withSecret!.webhookSecretSealed!);
    // Signed as any Standard Webhooks sender would, with the scheme's library.
    const tenMinutesAgo = new Date(Date.now() - 10 * 60 * 1000);
    const stale = await testClient(school.app).request({
      method: 'POST',
      url,
      payload: body,
      headers: standard(new Webhook(secret).sign(eventId, tenMinutesAgo, body), tenMinutesAgo),
    });
    expect([stale.statusCode, stale.json().code]).toEqual([401, 'STALE']);
    const now = new Date();
    const replayed = await testClient(school.app).request({
      method: 'POST',
      url,
      payload: body,
      headers: standard(new Webhook(secret).sign(eventId, now, body), now),
    });
    expect(replayed.statusCode).toBe(204);
    const [stillDeleted] = await school.db
      .select()
      .from(onlineApplications)
      .where(eq(onlineApplications.number, number));
    expect(stillDeleted!.state).toBe('deleted');
  });
});
