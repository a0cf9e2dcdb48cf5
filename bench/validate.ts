import { multipartFile, testClient } from '@permis/platform/testing';
import { eq } from 'drizzle-orm';
import { draftRequest, PNG, startAntsHttp } from '../apps/ants/test/api.ts';
import { offices } from '../apps/school/src/db/schema.ts';
import { LOGIN, startSchool } from '../apps/school/test/harness.ts';
import { medianOf, type Row } from './stats.ts';

const ROUNDS = 7;

/**
 * Issue 38: « Valider la demande » as the secretary's click costs it, the back office's route (its
 * checks, the call to the national service with the office's credentials, the copy saved, the
 * audit) against a national service over HTTP that runs its jobs (the candidate's invitation is
 * queued there); and, to say where the time goes, the national service's own validation called
 * bare by the professional API. Each round validates a draft of its own with its pièces sent.
 */
export async function validateScenario(): Promise<Row[]> {
  const ants = await startAntsHttp({ notify: true });
  const school = await startSchool({ antsUrl: ants.baseUrl });
  try {
    const secretaire = testClient(school.app);
    await secretaire.login('/api/auth/login', LOGIN.secretaire);
    const [office] = await school.db.select().from(offices).where(eq(offices.name, 'BREQUIGNY'));
    const clicks: number[] = [];
    const national: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const created = await secretaire.post('/api/students', {
        sex: 'F',
        birthName: `VALIDE${String.fromCharCode(65 + round)}`,
        firstName: 'Léa',
        birthDate: '2005-03-14',
        birthCity: 'RENNES',
        birthDepartment: '35',
        birthCountry: 'FRANCE',
        addressLine: '8 rue de Nantes',
        postalCode: '35000',
        city: 'RENNES',
        email: `bench.valide.${round}@example.fr`,
        mobile: '06 12 34 56 78',
        officeId: office!.id,
      });
      const id = created.json().student.id as string;
      await secretaire.put(`/api/students/${id}/dossier`, {
        requestedCategories: ['B'],
        declarations: { jdcInOrder: true },
      });
      const entered = await secretaire.post(`/api/students/${id}/online`, {
        type: '02',
        idempotencyKey: crypto.randomUUID(),
      });
      const base = `/api/students/${id}/online/${entered.json().application.number}`;
      for (const kind of ['identity', 'proof_of_address']) {
        await secretaire.request({
          method: 'POST',
          url: `${base}/pieces/${kind}`,
          ...multipartFile(`${kind}.png`, PNG),
        });
      }
      let start = performance.now();
      const validated = await secretaire.post(`${base}/validate`);
      clicks.push(performance.now() - start);
      if (validated.statusCode !== 200) throw new Error(`validation refusée : ${validated.body}`);

      // The same validation, called bare on the national service by the office's software.
      const draft = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
      for (const kind of ['identity', 'proof_of_address'] as const) {
        await ants.brequigny.uploadPiece(draft.number, kind, { name: `${kind}.png`, bytes: PNG });
      }
      start = performance.now();
      await ants.brequigny.validateApplication(draft.number);
      national.push(performance.now() - start);
    }
    const click = medianOf(clicks);
    return [
      {
        scenario: '« Valider la demande » (route de l’auto-école → site de l’ANTS)',
        figure: `${click.text}; dont l’ANTS seule ${medianOf(national).text}`,
        target: '< 1 000 ms (machine au repos)',
        met: click.median < 1000,
      },
    ];
  } finally {
    await school.close();
    await ants.close();
  }
}
