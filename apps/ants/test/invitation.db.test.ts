import { createSecretBox } from '@permis/platform';
import { until } from '@permis/platform/testing';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inviteCandidate, requeueMissedInvitations } from '../src/candidates/invitation.ts';
import { applications, candidates, candidateTokens } from '../src/db/schema.ts';
import { readSmsOutbox } from '../src/notify/sms.ts';
import { draftRequest, mailTo, PNG, startAntsHttp } from './api.ts';
import { TEST_KEY } from './harness.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
beforeEach(async () => {
  ants = await startAntsHttp({ notify: true, devTools: true });
});
afterEach(async () => {
  await ants.close();
});

/** The SMS the outbox received, readable (they are kept sealed). */
const sent = () => readSmsOutbox(ants.db, createSecretBox(TEST_KEY));

async function validated(request = draftRequest()) {
  const app = await ants.brequigny.createApplication(request, crypto.randomUUID());
  await ants.brequigny.uploadPiece(app.number, 'identity', { name: 'cni.png', bytes: PNG });
  await ants.brequigny.uploadPiece(app.number, 'proof_of_address', { name: 'dom.png', bytes: PNG });
  return ants.brequigny.validateApplication(app.number);
}

describe('the candidate step after a school validates', () => {
  it('sends the SMS only to the mobile the validating school entered', async () => {
    // A first school names the candidate's email with its own mobile, then deletes its draft.
    const request = draftRequest({ candidate: { mobile: '0699999999' } });
    const decoy = await ants.saintPriest.createApplication(request, crypto.randomUUID());
    await ants.saintPriest.deleteApplication(decoy.number);
    // The candidate's real school enters the real mobile and validates.
    const app = await ants.brequigny.createApplication(
      { ...request, candidate: { ...request.candidate, mobile: '0612345678' } },
      crypto.randomUUID(),
    );
    await ants.brequigny.uploadPiece(app.number, 'identity', { name: 'cni.png', bytes: PNG });
    await ants.brequigny.uploadPiece(app.number, 'proof_of_address', { name: 'dom.png', bytes: PNG });
    await ants.brequigny.validateApplication(app.number);
    const sms = await until(async () => (await sent())[0]);
    expect(sms.to).toBe('+33612345678');
    expect((await sent()).map((s) => s.to)).not.toContain('+33699999999');
    // The account now holds the contacts of the validated application.
    const [candidate] = await ants.db.select().from(candidates).where(eq(candidates.email, request.candidate.email));
    expect(candidate?.mobile).toBe('0612345678');
  });

  it('creates the account and sends the seed’s activation mail, with a 7-day single-use link, and an SMS without it', async () => {
    const request = draftRequest({ candidate: { mobile: '06 12 34 56 78' } });
    await validated(request);
    const mail = await ants.sink!.waitFor((m) => m.subject?.startsWith('Activez votre compte ANTS') ?? false);
    expect(mailTo(mail)).toBe(request.candidate.email);
    const text = mail.text ?? '';
    for (const line of [
      'Votre école de conduite a effectué une démarche pour vous. Plus qu’une seule étape pour valider les informations saisies.',
      'Cliquez sur le lien ci-dessous pour confirmer votre adresse électronique et définir votre mot de passe :',
      '* Attention, sans connexion de votre part dans les 7 jours le compte sera supprimé.',
      'L’Agence Nationale des Titres Sécurisés',
    ]) {
      expect(text).toContain(line);
    }
    // The seed's closing: the agency's signature, then its site.
    expect(text.trimEnd()).toMatch(
      /Cordialement,\n\nL’Agence Nationale des Titres Sécurisés\n\nhttps:\/\/ants\.gouv\.fr$/,
    );
    const link = /http:\/\/localhost:3100\/monespace\/activer\/([A-Za-z0-9_-]{43})/.exec(text);
    expect(link).not.toBeNull();

    const [candidate] = await ants.db.select().from(candidates).where(eq(candidates.email, request.candidate.email));
    expect(candidate?.activatedAt).toBeNull();
    const [token] = await ants.db.select().from(candidateTokens).where(eq(candidateTokens.candidateId, candidate!.id));
    const days = (token!.expiresAt.getTime() - candidate!.invitedAt!.getTime()) / 86400000;
    expect(days).toBe(7);
    // Only the hash is stored.
    expect(token!.tokenHash).not.toBe(link![1]);

    // The SMS tells the news; the link that opens the account is in the mail only (seed 000).
    const sms = await until(async () => (await sent())[0]);
    expect(sms.to).toBe('+33612345678');
    expect(sms.text).toBe(
      "ANTS : votre école de conduite a terminé la saisie d'une demande de permis. Activez votre compte sous 7 jours avec le lien du courriel que l'ANTS vient de vous envoyer, puis validez la demande.",
    );
    const outbox = await ants.app.inject({ method: 'GET', url: '/dev/sms' });
    expect(outbox.body).toContain('+33612345678');
    expect(outbox.body).not.toContain(link![1]!);
  });

  it('invites a candidate who already has an account to log in', async () => {
    const request = draftRequest();
    const app = await ants.brequigny.createApplication(request, crypto.randomUUID());
    await ants.db
      .update(candidates)
      .set({ activatedAt: new Date(), loginId: 'camille.martin' })
      .where(eq(candidates.email, request.candidate.email));
    await ants.brequigny.uploadPiece(app.number, 'identity', { name: 'cni.png', bytes: PNG });
    await ants.brequigny.uploadPiece(app.number, 'proof_of_address', { name: 'dom.png', bytes: PNG });
    await ants.brequigny.validateApplication(app.number);
    const mail = await ants.sink!.waitFor(
      (m) => m.subject === 'Votre école de conduite a effectué une démarche pour vous',
    );
    expect(mail.text).toContain(`valider la demande n° ${app.number}`);
    expect(mail.text).toContain('http://localhost:3100/monespace/connexion');
    expect(await ants.db.select().from(candidateTokens)).toEqual([]);
  });

  it('invites no one to validate a paper-mandate application: the candidate is only told it went to instruction', async () => {
    const request = draftRequest({ paperMandate: true });
    const app = await validated(request);
    expect(app.state).toBe('under_instruction');
    const news = await ants.sink!.waitFor((m) => mailTo(m) === request.candidate.email);
    expect(news.subject).toContain("est transmise à l'instruction");
    expect(news.text).not.toMatch(/activer|Activez/);
    const [candidate] = await ants.db.select().from(candidates).where(eq(candidates.email, request.candidate.email));
    expect([candidate!.invitedAt, await ants.db.select().from(candidateTokens)]).toEqual([null, []]);
  });
  it('queues again an invitation lost after the validation committed, and never invites twice', async () => {
    const request = draftRequest();
    const app = await validated(request);
    await ants.sink!.waitFor((m) => mailTo(m) === request.candidate.email);
    const [row] = await ants.db.select().from(applications).where(eq(applications.number, app.number));
    expect(row!.candidateNotifiedAt).toBeInstanceOf(Date);

    const queued: string[] = [];
    const queue = async (id: string) => void queued.push(id);
    const later = new Date(Date.now() + 10 * 60 * 1000);
    expect(await requeueMissedInvitations(ants.db, queue, later)).toBe(0);

    // As if the service had stopped between the commit and the queue.
    await ants.db.update(applications).set({ candidateNotifiedAt: null }).where(eq(applications.id, row!.id));
    expect(await requeueMissedInvitations(ants.db, queue, new Date())).toBe(0); // still within the grace
    expect(await requeueMissedInvitations(ants.db, queue, later)).toBe(1);
    expect(queued).toEqual([row!.id]);

    // Run twice (sweep racing the normal path): one mail and one SMS, not two.
    const sent: string[] = [];
    const notifier = {
      mail: { enqueue: async (mail: { subject: string }) => void sent.push(mail.subject) },
      sms: { enqueue: async () => void sent.push('sms') },
      publicUrl: 'http://localhost:3100',
    };
    await inviteCandidate(ants.db, notifier, row!.id);
    await inviteCandidate(ants.db, notifier, row!.id);
    expect(sent).toEqual(['Activez votre compte ANTS pour valider votre demande de permis de conduire', 'sms']);
  });

  it('tells the candidate by mail and SMS which school took their demand over', async () => {
    const request = draftRequest({ candidate: { mobile: '0611223344' } });
    const app = await ants.brequigny.createApplication(request, crypto.randomUUID());
    const { birthName, firstName, birthDate } = request.candidate;
    await ants.saintPriest.transfer({
      number: app.number,
      holderAgrementNumber: 'E1703500010',
      candidate: { birthName, firstName, birthDate },
    });
    const mail = await ants.sink!.waitFor((m) => m.subject?.includes('changé d’école de conduite') ?? false);
    expect(mailTo(mail)).toBe(request.candidate.email);
    expect(mail.text).toContain(
      `Votre demande n° ${app.number} est désormais suivie par l’école de conduite Auto-école du Parc — SAINT-PRIEST, SAINT-PRIEST.`,
    );
    const sms = await until(async () => (await sent())[0]);
    expect(sms.to).toBe('+33611223344');
    expect(sms.text).toContain(
      `n° ${app.number} est désormais suivie par l'école de conduite Auto-école du Parc — SAINT-PRIEST`,
    );
  });

  it('keeps no activation link readable in the database: queued jobs and the SMS outbox are sealed, « Mes messages » has none', async () => {
    const request = draftRequest({ candidate: { mobile: '0612345678' } });
    await validated(request);
    const mail = await ants.sink!.waitFor((m) => mailTo(m) === request.candidate.email);
    const token = /\/monespace\/activer\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1]!;
    await until(async () => (await sent())[0]);
    // Everything the queue and the outbox hold, as text: a copy of the database.
    const rows = async (query: ReturnType<typeof sql>) =>
      ((await ants.db.execute(query)) as unknown as { rows: unknown[] }).rows;
    const dump = JSON.stringify([
      await rows(sql`select data, output from pgboss.job`),
      await rows(sql`select * from sms_outbox`),
      await rows(sql`select * from candidate_messages`),
    ]);
    expect(dump).not.toContain(token);
    expect(dump).not.toContain('/monespace/activer/');
    expect(dump).not.toContain(request.candidate.email);
  });
});
