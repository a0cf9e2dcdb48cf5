import { testClient } from '@permis/platform/testing';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, students } from '../src/db/schema.ts';
import { LOGIN, startSchool } from './harness.ts';

let school: Awaited<ReturnType<typeof startSchool>>;
beforeEach(async () => {
  school = await startSchool();
});
afterEach(async () => {
  await school.close();
});

async function camille() {
  const [row] = await school.db.select().from(students).where(eq(students.birthName, 'LABORETA'));
  return row!;
}

describe('places check in the back office', () => {
  it('flags the demo student living in "ST PRIEST" and saves the chosen SAINT-PRIEST (69800)', async () => {
    const client = testClient(school.app);
    await client.login('/api/auth/login', LOGIN.secretaire);
    const student = await camille();
    const check = await client.post('/api/referentiel/check-places', {
      residence: { city: student.city, postalCode: student.postalCode },
      birth: { city: student.birthCity, department: student.birthDepartment, country: student.birthCountry },
    });
    expect(check.statusCode).toBe(200);
    const residence = check.json().fields.find((f: { field: string }) => f.field === 'residenceCity');
    expect(residence).toMatchObject({ ok: false, value: 'ST PRIEST (69800)', label: "Ville d'habitation de l'élève" });
    expect(residence.suggestions[0]).toMatchObject({ label: 'SAINT-PRIEST (69800)', value: 'SAINT-PRIEST' });

    const saved = await client.put(`/api/students/${student.id}/places`, {
      city: 'SAINT-PRIEST',
      postalCode: '69800',
      birthCity: 'LYON-3E-ARRONDISSEMENT',
      birthDepartment: '69',
      birthCountry: 'FRANCE',
    });
    expect(saved.statusCode).toBe(200);
    const after = await camille();
    expect(after).toMatchObject({ city: 'SAINT-PRIEST', birthCity: 'LYON-3E-ARRONDISSEMENT' });
    const recheck = await client.post('/api/referentiel/check-places', {
      residence: { city: after.city, postalCode: after.postalCode },
      birth: { city: after.birthCity, department: after.birthDepartment, country: after.birthCountry },
    });
    expect(recheck.json().ok).toBe(true);
    const audit = await school.db.select().from(auditEvents).where(eq(auditEvents.targetId, student.id));
    expect(audit.map((a) => a.action)).toEqual(['student.places_corrected']);
  });

  it('refuses a malformed postal code without touching the record', async () => {
    const client = testClient(school.app);
    await client.login('/api/auth/login', LOGIN.moniteur);
    const student = await camille();
    const response = await client.put(`/api/students/${student.id}/places`, {
      city: 'SAINT-PRIEST',
      postalCode: '698',
      birthCity: 'LYON',
      birthDepartment: '69',
      birthCountry: 'FRANCE',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([
      { path: 'postalCode', message: 'Le code postal doit comporter 5 chiffres.' },
    ]);
    expect((await camille()).city).toBe('ST PRIEST');
  });

  it('autocompletes towns for a signed-in user only', async () => {
    expect((await school.app.inject({ method: 'GET', url: '/api/referentiel/towns?q=st%20pri' })).statusCode).toBe(401);
    const client = testClient(school.app);
    await client.login('/api/auth/login', LOGIN.moniteur);
    const response = await client.get('/api/referentiel/towns?q=st%20pri&limit=3');
    expect(response.json().towns.map((t: { label: string }) => t.label)).toEqual([
      'SAINT-PRIEST (07000)',
      'SAINT-PRIEST (23110)',
      'SAINT-PRIEST (69800)',
    ]);
    const bad = await client.get('/api/referentiel/towns?q=');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION');
  });
});
