import { afterEach, describe, expect, it } from 'vitest';
import { startAnts } from './harness.ts';

let ants: Awaited<ReturnType<typeof startAnts>> | undefined;
afterEach(async () => {
  await ants?.close();
});

describe('reference data on the national service', () => {
  it('serves the official lists publicly and checks a record', async () => {
    ants = await startAnts();
    const towns = await ants.app.inject({ method: 'GET', url: '/api/referentiel/towns?q=ajaccio' });
    expect(towns.json().towns[0]).toMatchObject({ label: 'AJACCIO (20000)', department: '2A', code: '2A004' });
    const countries = await ants.app.inject({ method: 'GET', url: '/api/referentiel/countries?q=senegal' });
    expect(countries.json().countries[0]).toEqual({ label: 'SENEGAL', value: 'SENEGAL', code: '99341' });
    const departments = (await ants.app.inject({ method: 'GET', url: '/api/referentiel/departments' })).json()
      .departments;
    expect(departments).toHaveLength(109);
    expect(departments).toContainEqual({ label: '2B - HAUTE-CORSE', value: '2B', code: '2B' });

    const check = await ants.app.inject({
      method: 'POST',
      url: '/api/referentiel/check-places',
      payload: {
        residence: { city: 'PARIS', postalCode: '75015' },
        birth: { city: 'DAKAR', department: '99', country: 'SENEGAL' },
      },
    });
    expect(check.json().ok).toBe(false);
    expect(
      check
        .json()
        .fields.filter((f: { ok: boolean }) => !f.ok)
        .map((f: { field: string }) => f.field),
    ).toEqual(['birthDepartment']);
  });

  it('answers a structured 400, never a 500, to a malformed check', async () => {
    ants = await startAnts();
    for (const payload of [{}, { residence: 'x' }, { residence: { city: 'a'.repeat(500) }, birth: {} }]) {
      const response = await ants.app.inject({ method: 'POST', url: '/api/referentiel/check-places', payload });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('VALIDATION');
    }
  });
});
