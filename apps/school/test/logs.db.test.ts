import { captureLogs, testClient } from '@permis/platform/testing';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { PNG, startAntsHttp } from '../../ants/test/api.ts';
import { offices } from '../src/db/schema.ts';
import { LOGIN, startSchool } from './harness.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
});

/** A mail's link token. */
const token = (text: string | undefined, path: string) => new RegExp(`${path}/([A-Za-z0-9_-]+)`).exec(text ?? '')?.[1];

describe('logs of both services along a whole application', () => {
  it('hold no personal data, password, token or secret', async () => {
    const antsLogs = captureLogs();
    const schoolLogs = captureLogs();
    const ants = await startAntsHttp({ notify: true, logStream: antsLogs.stream });
    const school = await startSchool({ antsUrl: ants.baseUrl, logStream: schoolLogs.stream });
    close = async () => {
      await school.close();
      await ants.close();
    };
    const [office] = await school.db.select().from(offices).where(eq(offices.name, 'BREQUIGNY'));
    const dirigeant = testClient(school.app);
    await dirigeant.login('/api/auth/login', LOGIN.dirigeant);
    await dirigeant.put(`/api/dirigeant/offices/${office!.id}`, {
      name: 'BREQUIGNY',
      postalCode: '35200',
      cerfaAgrement: 'E1703500010',
      antsLogin: 'brequigny35',
      antsPassword: 'Brequigny35!ants',
      prefectureCode: '35238',
    });
    await dirigeant.post(`/api/dirigeant/offices/${office!.id}/prefectures`, {
      postalCode: '35200',
      cerfaAgrement: 'E1703500010',
      antsLogin: 'brequigny35',
      antsPassword: 'Faux-Mot-De-Passe-Ants',
    });

    const secretaire = testClient(school.app);
    await secretaire.login('/api/auth/login', LOGIN.secretaire);
    const identity = {
      officeId: office!.id,
      sex: 'F',
      birthName: 'CONFIDENTIELLE',
      firstName: 'Apolline',
      birthDate: '2004-02-03',
      birthCity: 'RENNES',
      birthDepartment: '35',
      birthCountry: 'FRANCE',
      addressLine: '9 rue Secrète',
      postalCode: '35000',
      city: 'RENNES',
      email: 'apolline.confidentielle@example.fr',
      mobile: '0698765432',
    };
    const id = (await secretaire.post('/api/students', identity)).json().student.id as string;
    await secretaire.put(`/api/students/${id}/dossier`, {
      requestedCategories: ['B'],
      declarations: { jdcInOrder: true },
    });
    // A data error first (logged as a refusal, without the value), then the application.
    await secretaire.put(`/api/students/${id}/places`, {
      city: 'ST PRIEST',
      postalCode: '69800',
      birthCity: 'RENNES',
      birthDepartment: '35',
      birthCountry: 'FRANCE',
    });
    await secretaire.post(`/api/students/${id}/online`, { type: '02', idempotencyKey: crypto.randomUUID() });
    await secretaire.put(`/api/students/${id}/places`, {
      city: 'RENNES',
      postalCode: '35000',
      birthCity: 'RENNES',
      birthDepartment: '35',
      birthCountry: 'FRANCE',
    });
    const number = (
      await secretaire.post(`/api/students/${id}/online`, { type: '02', idempotencyKey: crypto.randomUUID() })
    ).json().application.number as string;
    await ants.brequigny.uploadPiece(number, 'identity', { name: 'cni-apolline-confidentielle.png', bytes: PNG });
    await ants.brequigny.uploadPiece(number, 'proof_of_address', { name: 'edf.png', bytes: PNG });
    await secretaire.post(`/api/students/${id}/online/${number}/validate`);

    // The candidate activates, forgets the password, resets it.
    const invitation = await ants.sink!.waitFor((m) => (m.subject ?? '').startsWith('Activez'));
    const activation = token(invitation.text, '/monespace/activer')!;
    const candidate = testClient(ants.app);
    await candidate.post(`/api/candidate/activation/${activation}`, {
      sex: 'F',
      password: 'Candidat-Secret-2026!',
      passwordConfirmation: 'Candidat-Secret-2026!',
      secretQuestion: 'Quel est le prénom de votre père ?',
      secretAnswer: 'Barnabé',
    });
    await candidate.post('/api/candidate/password-reset/answer', {
      loginId: 'apolline.confidentielle',
      secretAnswer: 'Mauvaise',
    });
    await candidate.post('/api/candidate/password-reset/link', { loginId: 'apolline.confidentielle' });
    const reset = await ants.sink!.waitFor((m) => m.subject === 'Réinitialisation de votre mot de passe ANTS');
    const resetToken = token(reset.text, '/monespace/nouveau-mot-de-passe')!;
    await candidate.post(`/api/candidate/password-reset/${resetToken}`, {
      password: 'Nouveau-Candidat-2026!',
      passwordConfirmation: 'Nouveau-Candidat-2026!',
    });

    const text = `${antsLogs.text()}\n${schoolLogs.text()}`;
    expect(antsLogs.lines.length).toBeGreaterThan(10);
    expect(schoolLogs.lines.length).toBeGreaterThan(10);
    for (const secret of [
      'CONFIDENTIELLE',
      'Confidentielle',
      'Apolline',
      'apolline.confidentielle',
      'Secrète',
      '0698765432',
      '+33698765432',
      'Brequigny35!ants',
      'Faux-Mot-De-Passe-Ants',
      'Candidat-Secret-2026!',
      'Nouveau-Candidat-2026!',
      'Barnabé',
      'Mauvaise',
      activation,
      resetToken,
      'Bearer ',
      'school_session=',
      'ants_session=',
      'x-csrf-token',
    ]) {
      expect(text, `« ${secret} » dans les journaux`).not.toContain(secret);
    }
  });
});
