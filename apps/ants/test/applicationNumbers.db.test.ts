import { eq, isNull } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applicationNumber, insertApplication } from '../src/applications/number.ts';
import { applications, proAccounts } from '../src/db/schema.ts';
import { draftRequest, startAntsHttp } from './api.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
beforeEach(async () => {
  ants = await startAntsHttp();
});
afterEach(async () => {
  await ants.close();
});

describe('application numbers', () => {
  it('draws the number again, in the same transaction, when another creation of the same second holds it', async () => {
    const first = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    const [held] = await ants.db.select().from(applications).where(eq(applications.number, first.number));
    const [school] = await ants.db.select().from(proAccounts).limit(1);
    // The generator first draws the number already held, as two creations of one second can.
    const draws = [first.number, applicationNumber('02')];
    const second = await ants.db.transaction((tx) =>
      insertApplication(
        tx,
        {
          type: '02',
          proAccountId: school!.id,
          candidateId: held!.candidateId,
          candidate: held!.candidate,
          dossier: held!.dossier,
          idempotencyKey: crypto.randomUUID(),
          requestHash: 'x',
        },
        () => draws.shift()!,
      ),
    );
    expect(second.number).not.toBe(first.number);
    expect(second.number).toMatch(/^901\d{20}$/);
    expect(await ants.db.$count(applications)).toBe(2);
    // No legal representative is no value at all (SQL NULL), not a JSON null, given or left out.
    expect(await ants.db.$count(applications, isNull(applications.legalRepresentative))).toBe(2);
    expect(second).toMatchObject({ paperMandate: false, legalRepresentative: null, state: 'draft' });
  });

  it('keeps the seed’s shape: prefix, Paris time, six digits', () => {
    const at = new Date('2026-07-14T08:05:09Z');
    expect(applicationNumber('02', at)).toMatch(/^90120260714100509\d{6}$/);
    expect(applicationNumber('06', at)).toMatch(/^92120260714100509\d{6}$/);
  });

  it('answers every one of 200 simultaneous creations with its own number', async () => {
    const created = await Promise.all(
      Array.from({ length: 200 }, () => ants.brequigny.createApplication(draftRequest(), crypto.randomUUID())),
    );
    expect(new Set(created.map((a) => a.number)).size).toBe(200);
  });
});
