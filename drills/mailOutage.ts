import {
  createMailer,
  createSecretBox,
  generateKey,
  type Mailer,
  openDatabase,
  parseKey,
  startJobs,
  startMailQueue,
} from '@permis/platform';
import { startSmtpSink, until } from '@permis/platform/testing';
import type { Figure } from './report.ts';

/** The mail server down while mails are sent, then back: every mail arrives (pg-boss retries). */
export async function mailOutageDrill(count: number): Promise<Figure[]> {
  const probe = await startSmtpSink();
  const port = Number(new URL(probe.url).port);
  await probe.close();
  const database = await openDatabase({ schema: {}, url: process.env.TEST_DATABASE_URL });
  const jobs = await startJobs(
    database,
    { error: () => {} },
    { box: createSecretBox(parseKey(generateKey())), pollingIntervalSeconds: 0.5 },
  );
  const smtp = createMailer(`smtp://127.0.0.1:${port}`, 'ANTS <ne-pas-repondre@ants.localhost>');
  // The server comes back once each mail has been refused (the state waited for, not a time).
  const refused = new Set<string>();
  const mailer: Mailer = {
    send: (mail) =>
      smtp.send(mail).catch((error: unknown) => {
        refused.add(mail.subject);
        throw error;
      }),
    close: () => smtp.close(),
  };
  const start = performance.now();
  let received = 0;
  try {
    const queue = await startMailQueue(jobs, mailer);
    for (let i = 0; i < count; i++)
      await queue.enqueue({ to: `eleve${i}@example.fr`, subject: `Panne ${i}`, text: 'Toujours là.' });
    await until(() => (refused.size === count ? true : undefined), 'every mail refused once');
    const sink = await startSmtpSink(port);
    // Past the guard, the drill reports what came rather than failing.
    await until(() => (sink.mails.length >= count ? true : undefined), 'every mail delivered').catch(() => undefined);
    received = new Set(sink.mails.map((m) => m.subject)).size;
    await sink.close();
  } finally {
    mailer.close();
    await jobs.stop();
    await database.close();
  }
  return [
    {
      drill: `serveur de courriel arrêté le temps de refuser chacun des ${count} courriels`,
      figure: `${received}/${count} reçus après le retour, en ${((performance.now() - start) / 1000).toFixed(1)} s`,
      ok: received === count,
    },
  ];
}
