import { createSecretBox } from '@permis/platform';
import { testClient, until } from '@permis/platform/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendCandidateNews } from '../src/candidates/newsSender.ts';
import { applications, candidateMessages } from '../src/db/schema.ts';
import { readSmsOutbox } from '../src/notify/sms.ts';
import { activatedCandidate, draftRequest, mailTo, PNG, startAntsHttp } from './api.ts';
import { AGENT, TEST_KEY } from './harness.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
beforeAll(async () => {
  ants = await startAntsHttp({ notify: true });
});
afterAll(async () => {
  await ants.close();
});

const smsTo = async (mobile: string) =>
  (await readSmsOutbox(ants.db, createSecretBox(TEST_KEY))).filter((s) => s.to === mobile).map((s) => s.text);
const mailsTo = (email: string, subject: string) =>
  ants.sink!.waitFor((m) => mailTo(m) === email && (m.subject ?? '').includes(subject));

describe('the candidate hears of every step of their demand', () => {
  it('by mail and SMS: their own validation, the pièce to complete, the completion, the acceptance with the NEPH — each once', async () => {
    const { app, request, client } = await activatedCandidate(ants, 'Nina');
    const email = request.candidate.email;
    expect(
      (await client.post(`/api/candidate/applications/${app.number}/confirm`, { attestation: true })).statusCode,
    ).toBe(200);
    await mailsTo(email, 'Vous avez validé');

    const agent = testClient(ants.app);
    await agent.login('/api/agent/login', AGENT);
    await agent.post(`/api/agent/applications/${app.number}/request-completion`, {
      piece: 'medical_opinion',
      message: 'Avis du médecin agréé manquant',
    });
    const completion = await mailsTo(email, 'est à compléter');
    expect(completion.text).toContain('Pièce à compléter : Avis médical — Avis du médecin agréé manquant');
    await ants.brequigny.uploadPiece(app.number, 'medical_opinion', { name: 'avis.png', bytes: PNG });
    await ants.brequigny.completeApplication(app.number);
    await mailsTo(email, 'est complétée');
    await agent.post(`/api/agent/applications/${app.number}/accept`);
    const accepted = await mailsTo(email, 'votre numéro NEPH');
    const neph = (await ants.brequigny.getApplication(app.number)).neph!;
    expect(accepted.text).toContain(`Votre numéro NEPH (numéro d'enregistrement préfectoral harmonisé) : ${neph}`);

    // Every message sent once, the SMS too (the mobile the school entered, in international form).
    const sms = await until(async () => {
      const texts = await smsTo('+33611223344');
      return texts.some((t) => t.includes(neph)) ? texts.filter((t) => t.includes(app.number)) : undefined;
    });
    expect(sms.filter((t) => t.includes('est acceptée'))).toHaveLength(1);
    const kinds = (
      await ants.db
        .select({ kind: candidateMessages.kind, sentAt: candidateMessages.sentAt })
        .from(candidateMessages)
        .where(eq(candidateMessages.applicationId, app.id))
    ).map((m) => [m.kind, m.sentAt !== null]);
    // The invitation, sent by its own path with its link, is kept too (without the link).
    expect(kinds).toEqual([
      ['invitation', true],
      ['confirmed', true],
      ['completion_requested', true],
      ['completed', true],
      ['accepted', true],
    ]);
    // « Mes messages »: the same news, newest first, unread until opened; another candidate reaches none.
    const inbox = (await client.get('/api/candidate/messages')).json();
    expect(inbox.messages.map((m: { subject: string }) => m.subject)).toEqual([
      expect.stringContaining('votre numéro NEPH'),
      expect.stringContaining('est complétée'),
      expect.stringContaining('est à compléter'),
      expect.stringContaining('Vous avez validé'),
      'Activez votre compte ANTS pour valider votre demande de permis de conduire',
    ]);
    expect(inbox.unread).toBe(5);
    const opened = await client.post(`/api/candidate/messages/${inbox.messages[0].id}/read`);
    expect(opened.json()).toEqual({ unread: 4 });
    const other = await activatedCandidate(ants, 'Oscar');
    expect((await other.client.post(`/api/candidate/messages/${inbox.messages[1].id}/read`)).statusCode).toBe(404);
    // Oscar's own: his invitation only, nothing of the first candidate's demand.
    const theirs = (await other.client.get('/api/candidate/messages')).json().messages;
    expect(theirs.map((m: { applicationNumber: string }) => m.applicationNumber)).toEqual([other.app.number]);
    const accepts = ants.sink!.mails.filter((m) => mailTo(m) === email && m.subject?.includes('NEPH'));
    expect(accepts).toHaveLength(1);
  });

  it('a candidate of a paper mandate, without an account, hears at the contacts the school entered; a rejection gives its reason', async () => {
    const request = draftRequest({ paperMandate: true, candidate: { mobile: '0622334455' } });
    const app = await ants.brequigny.createApplication(request, crypto.randomUUID());
    await ants.brequigny.uploadPiece(app.number, 'identity', { name: 'cni.png', bytes: PNG });
    await ants.brequigny.uploadPiece(app.number, 'proof_of_address', { name: 'dom.png', bytes: PNG });
    await ants.brequigny.validateApplication(app.number);
    await mailsTo(request.candidate.email, "est transmise à l'instruction");
    const agent = testClient(ants.app);
    await agent.login('/api/agent/login', AGENT);
    await agent.post(`/api/agent/applications/${app.number}/reject`, { reason: 'Justificatif de domicile illisible' });
    const rejected = await mailsTo(request.candidate.email, 'est rejetée');
    expect(rejected.text).toContain('Motif : Justificatif de domicile illisible');
    await until(async () => ((await smsTo('+33622334455')).length === 2 ? true : undefined));
  });

  it('hears nothing of a draft deleted before they knew of it', async () => {
    const request = draftRequest();
    const app = await ants.brequigny.createApplication(request, crypto.randomUUID());
    await ants.brequigny.deleteApplication(app.number);
    const messages = await ants.db.select().from(candidateMessages).where(eq(candidateMessages.applicationId, app.id));
    expect(messages).toEqual([]);
  });
});

// Without the mail queue (no sender running beside the test): the sender is driven by hand.
describe('sending the news', () => {
  let quiet: Awaited<ReturnType<typeof startAntsHttp>>;
  beforeAll(async () => {
    quiet = await startAntsHttp();
  });
  afterAll(async () => {
    await quiet.close();
  });

  it('two senders at once hand each message over once; a queue failing gives the rest back to the next run', async () => {
    const app = await quiet.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    const [row] = await quiet.db.select().from(applications).where(eq(applications.id, app.id));
    await quiet.db.insert(candidateMessages).values(
      Array.from({ length: 12 }, (_, i) => ({
        candidateId: row!.candidateId!,
        applicationId: row!.id,
        kind: 'test',
        subject: `Essai ${i}`,
        body: 'Corps',
        sms: 'SMS',
      })),
    );
    const handed: string[] = [];
    let failures = 1;
    const notifier = {
      publicUrl: 'http://localhost',
      mail: {
        enqueue: async (mail: { subject: string }) => {
          if (mail.subject === 'Essai 3' && failures-- > 0) throw new Error('file indisponible');
          handed.push(mail.subject);
        },
      },
      sms: { enqueue: async () => {} },
    };
    const runs = await Promise.allSettled([
      sendCandidateNews(quiet.db, notifier),
      sendCandidateNews(quiet.db, notifier),
    ]);
    expect(runs.some((r) => r.status === 'rejected')).toBe(true);
    await sendCandidateNews(quiet.db, notifier);
    const mine = handed.filter((subject) => subject.startsWith('Essai'));
    expect([...mine].sort()).toEqual(Array.from({ length: 12 }, (_, i) => `Essai ${i}`).sort());
  });
});
