import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './db.ts';
import { type Jobs, startJobs } from './jobs.ts';
import { createMailer, type Mailer } from './mail.ts';
import { startMailQueue } from './mailJob.ts';
import { createSecretBox, generateKey, parseKey } from './secrets.ts';
import { startSmtpSink } from './testing/smtpSink.ts';
import { until } from './testing/until.ts';

const quiet = { error: () => {} };
let jobs: Jobs | undefined;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await jobs?.stop();
  await close?.();
});

describe('mail through the job queue', () => {
  it('delivers an enqueued mail over SMTP, accents intact', async () => {
    const sink = await startSmtpSink();
    const database = await openDatabase({ schema: {}, url: process.env.TEST_DATABASE_URL });
    const mailer = createMailer(sink.url, 'ANTS <ne-pas-repondre@ants.localhost>');
    close = async () => {
      mailer.close();
      await sink.close();
      await database.close();
    };
    jobs = await startJobs(database, quiet, {
      box: createSecretBox(parseKey(generateKey())),
      pollingIntervalSeconds: 0.5,
    });
    const queue = await startMailQueue(jobs, mailer);
    await queue.enqueue({ to: 'eleve@example.fr', subject: 'Votre démarche', text: 'Évidemment accentué : ç, œ, é.' });
    const mail = await sink.waitFor((m) => m.subject === 'Votre démarche');
    expect(mail.text?.trim()).toBe('Évidemment accentué : ç, œ, é.');
    expect(mail.from?.text).toContain('ne-pas-repondre@ants.localhost');
  });

  it('keeps a mail while the SMTP server is down and delivers it once it is back', async () => {
    const probe = await startSmtpSink();
    const port = Number(new URL(probe.url).port);
    await probe.close();
    const database = await openDatabase({ schema: {}, url: process.env.TEST_DATABASE_URL });
    const smtp = createMailer(`smtp://127.0.0.1:${port}`, 'ANTS <ne-pas-repondre@ants.localhost>');
    // What the test waits for: an attempt refused while the server is down (not a time).
    const refused: unknown[] = [];
    const mailer: Mailer = {
      send: (mail) =>
        smtp.send(mail).catch((error: unknown) => {
          refused.push(error);
          throw error;
        }),
      close: () => smtp.close(),
    };
    let sink: Awaited<ReturnType<typeof startSmtpSink>> | undefined;
    close = async () => {
      mailer.close();
      await sink?.close();
      await database.close();
    };
    jobs = await startJobs(database, quiet, {
      box: createSecretBox(parseKey(generateKey())),
      pollingIntervalSeconds: 0.5,
    });
    const queue = await startMailQueue(jobs, mailer);
    await queue.enqueue({ to: 'eleve@example.fr', subject: 'Après la panne', text: 'Toujours là.' });
    await until(() => (refused.length > 0 ? true : undefined), 'a refused attempt');
    sink = await startSmtpSink(port);
    const mail = await sink.waitFor((m) => m.subject === 'Après la panne');
    expect(mail.text?.trim()).toBe('Toujours là.');
  });
});
