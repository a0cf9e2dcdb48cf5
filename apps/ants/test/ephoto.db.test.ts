import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoPortrait, demoSignature } from '../src/ephoto/demoImages.ts';
import { DEMO_BOOTH, DEMO_EPHOTO_CODES } from '../src/seed/demo.ts';
import { draftRequest, failure, PNG, pdf, startAntsHttp } from './api.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
beforeEach(async () => {
  ants = await startAntsHttp();
});
afterEach(async () => {
  await ants.close();
});

async function boothIssues(photo = demoPortrait(), signature = demoSignature(), key = DEMO_BOOTH.key) {
  const form = new FormData();
  form.append('photo', new Blob([new Uint8Array(photo)]), 'photo.png');
  form.append('signature', new Blob([new Uint8Array(signature)]), 'signature.png');
  return fetch(`${ants.baseUrl}/api/booths/v1/codes`, { method: 'POST', headers: { 'x-booth-key': key }, body: form });
}

describe('ePhoto', () => {
  it('lets an approved booth issue a 22-character code, and refuses an unknown booth', async () => {
    const issued = await boothIssues();
    expect(issued.status).toBe(201);
    const { code } = (await issued.json()) as { code: string };
    expect(code).toMatch(/^[A-Z2-9]{22}$/);
    const stranger = await boothIssues(demoPortrait(), demoSignature(), 'cabine-pirate-0000000000000');
    expect(stranger.status).toBe(401);
    const notAnImage = await boothIssues(await pdf(1));
    expect(notAnImage.status).toBe(415);
  });

  it('adds, shows, replaces and deletes the code of a draft', async () => {
    const app = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    await ants.brequigny.setEphoto(app.number, DEMO_EPHOTO_CODES[0]!.toLowerCase());
    expect(await ants.brequigny.getEphoto(app.number)).toMatchObject({
      code: DEMO_EPHOTO_CODES[0],
      booth: DEMO_BOOTH.name,
    });
    const photo = await ants.brequigny.ephotoImage(app.number, 'photo');
    expect(photo.mediaType).toBe('image/png');
    expect(Buffer.from(photo.bytes).equals(demoPortrait(0))).toBe(true);
    const signature = await ants.brequigny.ephotoImage(app.number, 'signature');
    expect(Buffer.from(signature.bytes).subarray(0, 4).toString('latin1')).toBe('\x89PNG');

    await ants.brequigny.setEphoto(app.number, DEMO_EPHOTO_CODES[1]!);
    expect((await ants.brequigny.getEphoto(app.number))?.code).toBe(DEMO_EPHOTO_CODES[1]);
    // The replaced code is free again for its candidate only; the new one is this draft's.
    const other = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    for (const code of [DEMO_EPHOTO_CODES[0]!, DEMO_EPHOTO_CODES[1]!]) {
      expect((await failure(ants.brequigny.setEphoto(other.number, code))).code).toBe('EPHOTO_ALREADY_USED');
    }
    await ants.brequigny.setEphoto(app.number, DEMO_EPHOTO_CODES[0]!);
    await ants.brequigny.setEphoto(app.number, DEMO_EPHOTO_CODES[1]!);

    await ants.brequigny.deleteEphoto(app.number);
    expect(await ants.brequigny.getEphoto(app.number)).toBeNull();
    expect((await failure(ants.brequigny.ephotoImage(app.number, 'photo'))).code).toBe('EPHOTO_MISSING');
  });

  it('refuses an unknown or malformed code, and any change once validated', async () => {
    const app = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    expect((await failure(ants.brequigny.setEphoto(app.number, 'AAAAAAAAAAAAAAAAAAAAAA'))).code).toBe('EPHOTO_UNKNOWN');
    const malformed = await failure(ants.brequigny.setEphoto(app.number, 'ABC'));
    expect(malformed.code).toBe('VALIDATION');
    expect(malformed.fields[0]?.message).toBe('Le code ePhoto comporte 22 lettres et chiffres.');

    await ants.brequigny.setEphoto(app.number, DEMO_EPHOTO_CODES[2]!);
    await ants.brequigny.uploadPiece(app.number, 'identity', { name: 'cni.png', bytes: PNG });
    await ants.brequigny.uploadPiece(app.number, 'proof_of_address', { name: 'dom.png', bytes: PNG });
    await ants.brequigny.validateApplication(app.number);
    expect((await failure(ants.brequigny.deleteEphoto(app.number))).code).toBe('TRANSITION_REFUSED');
    expect((await failure(ants.brequigny.setEphoto(app.number, DEMO_EPHOTO_CODES[3]!))).code).toBe(
      'TRANSITION_REFUSED',
    );
    // Still viewable after validation ("Consulter la ePhoto").
    expect((await ants.brequigny.getEphoto(app.number))?.code).toBe(DEMO_EPHOTO_CODES[2]);
  });

  it("keeps one school's ePhoto away from another", async () => {
    const app = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    await ants.brequigny.setEphoto(app.number, DEMO_EPHOTO_CODES[0]!);
    expect((await failure(ants.saintPriest.ephotoImage(app.number, 'photo'))).status).toBe(404);
    const theirs = await ants.saintPriest.createApplication(draftRequest(), crypto.randomUUID());
    expect((await failure(ants.saintPriest.setEphoto(theirs.number, DEMO_EPHOTO_CODES[0]!))).code).toBe(
      'EPHOTO_ALREADY_USED',
    );
  });

  it("never lets a released code serve another candidate, at any school; it stays its candidate's", async () => {
    const request = draftRequest();
    const app = await ants.brequigny.createApplication(request, crypto.randomUUID());
    await ants.brequigny.setEphoto(app.number, DEMO_EPHOTO_CODES[1]!);
    // The school removes it from the draft: the code is free again, but only for this candidate.
    await ants.brequigny.deleteEphoto(app.number);
    const someoneElse = await ants.saintPriest.createApplication(draftRequest(), crypto.randomUUID());
    const claimed = await failure(ants.saintPriest.setEphoto(someoneElse.number, DEMO_EPHOTO_CODES[1]!));
    expect([claimed.status, claimed.code]).toEqual([409, 'EPHOTO_ALREADY_USED']);
    const mine = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    expect((await failure(ants.brequigny.setEphoto(mine.number, DEMO_EPHOTO_CODES[1]!))).code).toBe(
      'EPHOTO_ALREADY_USED',
    );
    expect(await ants.saintPriest.getEphoto(someoneElse.number)).toBeNull();
    // The same candidate's own demand takes it back (a recreated draft, a new school after a transfer).
    await ants.brequigny.deleteApplication(app.number);
    const again = await ants.brequigny.createApplication(request, crypto.randomUUID());
    await ants.brequigny.setEphoto(again.number, DEMO_EPHOTO_CODES[1]!);
    expect((await ants.brequigny.getEphoto(again.number))?.code).toBe(DEMO_EPHOTO_CODES[1]);
  });
});
