import { captureLogs, testClient } from '@permis/platform/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { offices, schools, students } from '../src/db/schema.ts';
import { LOGIN, startSchool } from './harness.ts';

let school: Awaited<ReturnType<typeof startSchool>> | undefined;
afterEach(async () => {
  await school?.close();
});

describe('Espace Clients', () => {
  it("lists and searches the school's students, and never another school's", async () => {
    school = await startSchool();
    const [other] = await school.db.insert(schools).values({ name: 'Autre' }).returning();
    const [office] = await school.db.insert(offices).values({ schoolId: other!.id, name: 'AILLEURS' }).returning();
    const [stranger] = await school.db
      .insert(students)
      .values({
        schoolId: other!.id,
        officeId: office!.id,
        sex: 'F',
        birthName: 'LABORET',
        firstName: 'Intruse',
        birthDate: '2001-01-01',
        email: 'intruse@example.fr',
      })
      .returning();
    const client = testClient(school.app);
    await client.login('/api/auth/login', LOGIN.moniteur);
    const all = (await client.get('/api/students')).json().students;
    expect(all).toHaveLength(5);
    const found = (await client.get('/api/students?q=labor'))
      .json()
      .students.map((s: { firstName: string }) => s.firstName);
    expect(found.sort()).toEqual(['Camille', 'Christine']);
    const direct = await client.get(`/api/students/${stranger!.id}`);
    expect(direct.statusCode).toBe(404);
    expect(direct.json().detail).toBe("Cet élève n'existe pas dans votre auto-école.");
  });

  it('never returns an office ANTS password, only whether one is set', async () => {
    school = await startSchool();
    const client = testClient(school.app);
    await client.login('/api/auth/login', LOGIN.dirigeant);
    const response = await client.get('/api/dirigeant/offices');
    expect(response.body).not.toContain('Brequigny35!ants');
    expect(response.body).not.toContain('antsPassword');
    expect(response.json().offices).toMatchObject([
      { name: 'BREQUIGNY', cerfaAgrement: 'E1703500010', antsLogin: 'brequigny35', hasAntsPassword: true },
      { name: 'SAINT-PRIEST', cerfaAgrement: 'E1706900030', hasAntsPassword: true },
    ]);
    // Other users see the offices' names and addresses, not the Cerfa block.
    const secretaire = testClient(school.app);
    await secretaire.login('/api/auth/login', LOGIN.secretaire);
    expect((await secretaire.get('/api/dirigeant/offices')).statusCode).toBe(403);
    const summary = await secretaire.get('/api/offices');
    expect(summary.json().offices[0]).toEqual({
      id: expect.any(String),
      name: 'BREQUIGNY',
      addressLine: '12 boulevard Albert 1er',
      postalCode: '35200',
      city: 'RENNES',
      hasAgrement: true,
    });
    // Sealed at rest: the stored value is not the password.
    const rows = await school.db.select().from(offices);
    expect(
      rows.every((r) => r.antsPasswordSealed?.startsWith('v1:') && !r.antsPasswordSealed.includes('Brequigny')),
    ).toBe(true);
  });

  it('keeps personal data and secrets out of the logs', async () => {
    const logs = captureLogs();
    school = await startSchool({ logStream: logs.stream });
    const client = testClient(school.app);
    await client.login('/api/auth/login', LOGIN.dirigeant);
    await client.post('/api/auth/login', { login: 'secretaire', password: 'Mauvais-mot-de-passe' });
    await client.get('/api/students?q=LABORET');
    await client.get('/api/offices');
    const text = logs.text();
    expect(logs.lines.length).toBeGreaterThan(4);
    for (const secret of [
      'Dirigeant-2026!',
      'Mauvais-mot-de-passe',
      'LABORET',
      'christine.laboret',
      'school_session=',
      'secretaire',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
