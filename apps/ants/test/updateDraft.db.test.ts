import { testClient } from '@permis/platform/testing';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { candidates } from '../src/db/schema.ts';
import { DEMO_EPHOTO_CODES } from '../src/seed/demo.ts';
import { draftRequest, failure, PNG, startAntsHttp } from './api.ts';
import { PRO } from './harness.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
beforeEach(async () => {
  ants = await startAntsHttp();
});
afterEach(async () => {
  await ants.close();
});

describe('Modifier la demande', () => {
  it('replaces what was entered on a draft, the candidate record following the correction', async () => {
    const request = draftRequest();
    const app = await ants.brequigny.createApplication(request, crypto.randomUUID());
    const fixed = { ...request, candidate: { ...request.candidate, birthCity: 'SAINT-MALO', firstName: 'Camila' } };
    const updated = await ants.brequigny.updateApplication(app.number, fixed);
    expect(updated).toMatchObject({ number: app.number, state: 'draft' });
    expect(updated.candidate).toMatchObject({ birthCity: 'SAINT-MALO', firstName: 'Camila' });
    // One record for the one person, under the corrected identity.
    const rows = await ants.db.select().from(candidates).where(eq(candidates.email, request.candidate.email));
    expect(rows.map((r) => [r.firstName, r.birthCity])).toEqual([['Camila', 'SAINT-MALO']]);
    expect((await ants.brequigny.getApplicationHistory(app.number)).map((e) => e.label)).toEqual([
      'Demande créée (brouillon)',
      'Demande modifiée',
    ]);
    // The web session's "Modifier la demande" is the same function.
    const web = testClient(ants.app);
    await web.login('/api/pro/login', PRO);
    const viaWeb = await web.put(`/api/pro/web/applications/${app.number}`, {
      ...fixed,
      candidate: { ...fixed.candidate, mobile: '0699887766' },
    });
    expect(viaWeb.statusCode).toBe(200);
    expect(viaWeb.json().application.candidate.mobile).toBe('0699887766');
  });

  it('refuses what a creation refuses, and changes nothing then', async () => {
    const request = draftRequest();
    const app = await ants.brequigny.createApplication(request, crypto.randomUUID());
    const wrongTown = await failure(
      ants.brequigny.updateApplication(app.number, {
        ...request,
        candidate: { ...request.candidate, birthCity: 'RENES' },
      }),
    );
    expect(wrongTown.code).toBe('DATA_ERROR');
    expect(wrongTown.fields.map((f) => f.path)).toEqual(['candidate.birthCity']);
    const other = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    const takenEmail = await failure(
      ants.brequigny.updateApplication(app.number, {
        ...request,
        candidate: { ...request.candidate, email: other.candidate.email },
      }),
    );
    expect(takenEmail.code).toBe('EMAIL_ALREADY_USED');
    expect((await failure(ants.brequigny.updateApplication(app.number, { ...request, type: '06' }))).code).toBe(
      'DATA_ERROR',
    );
    expect(await ants.brequigny.getApplication(app.number)).toMatchObject({
      candidate: { birthCity: 'RENNES', email: request.candidate.email },
      updatedAt: app.updatedAt,
    });
  });

  it('never after validation, never on another school, and not the identity under an ePhoto', async () => {
    const request = draftRequest();
    const app = await ants.brequigny.createApplication(request, crypto.randomUUID());
    expect((await failure(ants.saintPriest.updateApplication(app.number, request))).status).toBe(404);
    await ants.brequigny.setEphoto(app.number, DEMO_EPHOTO_CODES[1]!);
    const renamed = { ...request, candidate: { ...request.candidate, birthName: 'DURAND' } };
    const underPhoto = await failure(ants.brequigny.updateApplication(app.number, renamed));
    expect(underPhoto.message).toContain('retirez-le');
    await ants.brequigny.uploadPiece(app.number, 'identity', { name: 'cni.png', bytes: PNG });
    await ants.brequigny.uploadPiece(app.number, 'proof_of_address', { name: 'dom.png', bytes: PNG });
    await ants.brequigny.validateApplication(app.number);
    const frozen = await failure(ants.brequigny.updateApplication(app.number, request));
    expect([frozen.code, frozen.message]).toEqual([
      'TRANSITION_REFUSED',
      'La demande a été validée : elle ne peut plus être modifiée.',
    ]);
  });
});
