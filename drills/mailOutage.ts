import {
  createMailer,
  createSecretBox,
  generateKey,
  openDatabase,
  parseKey,
  startJobs,
  startMailQueue,
} from '@permis/platform';
import { startSmtpSink } from '@permis/platform/testing';
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
  const mailer = createMailer(`smtp://127.0.0.1:${port}`, 'ANTS <ne-pas-repondre@ants.localhost>');
  const start = performance.now();
  let received = 0;
  try {
    const queue = await startMailQueue(jobs, mailer);
    for (let i = 0; i < count; i++)
      await queue.enqueue({ to: `eleve${i}@example.fr`, subject: `Panne ${i}`, text: 'Toujours là.' });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const sink = await startSmtpSink(port);
    const deadline = Date.now() + 60000;
    while (Date.now() < deadline && sink.mails.length < count) await new Promise((r) => setTimeout(r, 200));
    received = new Set(sink.mails.map((m) => m.subject)).size;
    await sink.close();
  } finally {
    mailer.close();
    await jobs.stop();
    await database.close();
  }
  return [
    {
      drill: `serveur de courriel arrêté 3 s (${count} courriels)`,
      figure: `${received}/${count} reçus après le retour, en ${((performance.now() - start) / 1000).toFixed(1)} s`,
      ok: received === count,
    },
  ];
}
