import { createSecretBox } from '@permis/platform';
import { testClient } from '@permis/platform/testing';
import { eq } from 'drizzle-orm';
import { draftRequest, startAntsHttp } from '../apps/ants/test/api.ts';
import { createAntsClients } from '../apps/school/src/ants/clients.ts';
import { offices, syncRuns } from '../apps/school/src/db/schema.ts';
import { runSync } from '../apps/school/src/sync/run.ts';
import { LOGIN, startSchool, TEST_KEY } from '../apps/school/test/harness.ts';
import { type ProxyMode, startFaultyProxy } from './proxy.ts';
import type { Figure } from './report.ts';

/**
 * The national service down, too slow (beyond the school's client timeout) or answering 500, during
 * a school action (entering an online application) and during the bulk update; then back. Expected:
 * a clear 503 within the timeout, nothing half done, and the same action retried succeeds once.
 */
export async function serviceFaultsDrill(): Promise<Figure[]> {
  const ants = await startAntsHttp();
  const proxy = await startFaultyProxy({ host: '127.0.0.1', port: Number(new URL(ants.baseUrl).port) });
  const school = await startSchool({ antsUrl: proxy.url, antsTimeoutMs: 1500 });
  const figures: Figure[] = [];
  try {
    const secretaire = testClient(school.app);
    await secretaire.login('/api/auth/login', LOGIN.secretaire);
    const [office] = await school.db.select().from(offices).where(eq(offices.name, 'BREQUIGNY'));
    for (let i = 0; i < 30; i++) await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    const clients = createAntsClients({ baseUrl: proxy.url, box: createSecretBox(TEST_KEY), timeoutMs: 1500 });

    for (const mode of ['down', 'slow', 'error500'] as ProxyMode[]) {
      proxy.setMode(mode);
      // A school action: a student's application entered while the service misbehaves.
      const student = await secretaire.post('/api/students', {
        officeId: office!.id,
        sex: 'F',
        birthName: `PANNE-${mode.toUpperCase()}`,
        firstName: 'Alice',
        birthDate: '2004-01-02',
        birthCity: 'RENNES',
        birthDepartment: '35',
        birthCountry: 'FRANCE',
        addressLine: '1 rue de Brest',
        postalCode: '35000',
        city: 'RENNES',
        email: `panne.${mode}@example.fr`,
      });
      const id = student.json().student.id as string;
      await secretaire.put(`/api/students/${id}/dossier`, {
        requestedCategories: ['B'],
        declarations: { jdcInOrder: true },
      });
      const key = crypto.randomUUID();
      let start = performance.now();
      const during = await secretaire.post(`/api/students/${id}/online`, { type: '02', idempotencyKey: key });
      const answerMs = performance.now() - start;
      // The bulk update meanwhile.
      const [run] = await school.db
        .insert(syncRuns)
        .values({ schoolId: office!.schoolId, officeId: office!.id, status: 'queued', windows: {} })
        .returning();
      await runSync(school.db, clients, run!.id).catch(() => undefined);
      const [waiting] = await school.db.select().from(syncRuns).where(eq(syncRuns.id, run!.id));

      proxy.setMode('up');
      start = performance.now();
      const after = await secretaire.post(`/api/students/${id}/online`, { type: '02', idempotencyKey: key });
      const again = await secretaire.post(`/api/students/${id}/online`, { type: '02', idempotencyKey: key });
      const resumed = await runSync(school.db, clients, run!.id);
      const listed = (await secretaire.get(`/api/students/${id}/online`)).json().applications.length as number;
      const ok =
        during.statusCode === 503 &&
        answerMs < 5000 &&
        waiting!.status === 'waiting' &&
        after.statusCode === 201 &&
        again.json().application.number === after.json().application.number &&
        listed === 1 &&
        resumed.status === 'done';
      figures.push({
        drill: `service national ${{ down: 'arrêté', slow: 'trop lent', error500: 'en erreur 500' }[mode as 'down']}`,
        figure: `action : ${during.statusCode} en ${answerMs.toFixed(0)} ms (« ${during.json().detail ?? ''} ») ; mise à jour : « ${waiting!.status} » ; rétabli : ${after.statusCode}, ${listed} demande, mise à jour ${resumed.status} (${resumed.fetched} reçues)`,
        ok,
      });
      await school.db.update(offices).set({ syncCursor: null }).where(eq(offices.id, office!.id));
    }
  } finally {
    await school.close();
    await proxy.close();
    await ants.close();
  }
  return figures;
}
