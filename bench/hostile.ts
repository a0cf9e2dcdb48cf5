import { MAIL_QUEUE } from '@permis/platform';
import { draftRequest, mailTo, PNG, startAntsHttp } from '../apps/ants/test/api.ts';
import { HOSTILE_PDFS } from '../apps/ants/test/hostilePdfs.ts';
import { medianOf, p99, type Row } from './stats.ts';

const RUNS = 5;

/** Sequential GET /api/health until `done` says stop: each answer's time in ms. */
async function healthWhile(baseUrl: string, done: () => boolean, atLeast: number): Promise<number[]> {
  const times: number[] = [];
  while (!done() || times.length < atLeast) {
    const start = performance.now();
    const response = await fetch(`${baseUrl}/api/health`);
    await response.arrayBuffer();
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * Issue 13's two figures. (1) The health route's p99 while ten hostile PDFs (the test corpus:
 * doubling and cyclic page trees, an object-stream bomb, an object flood, 5,000 pages,
 * JavaScript, Launch) are uploaded at once, against the same route with nothing else running.
 * (2) How long an activation mail takes to leave while 1,000 recovery requests arrive (refused
 * by the throttle or queued), and while 1,000 mails are already queued ahead of it (it is urgent:
 * it overtakes them), with the time the 1,000 take to leave (the queue's throughput); the job
 * queue polls as in production (every 2 s).
 */
export async function hostileScenario(): Promise<Row[]> {
  const rows: Row[] = [];
  const ants = await startAntsHttp();
  try {
    const files = Object.values(HOSTILE_PDFS).map((make) => make());
    const idle: number[] = [];
    const loaded: number[] = [];
    const refusedIn: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      idle.push(p99(await healthWhile(ants.baseUrl, () => true, 200)));
      const drafts = await Promise.all(
        Array.from({ length: 10 }, () => ants.brequigny.createApplication(draftRequest(), crypto.randomUUID())),
      );
      let settled = 0;
      const start = performance.now();
      const uploads = drafts.map((draft, i) =>
        ants.brequigny
          .uploadPiece(draft.number, 'proof_of_address', { name: 'piege.pdf', bytes: files[i % files.length]! })
          .then(
            () => {
              throw new Error('a hostile PDF was accepted');
            },
            () => void settled++,
          ),
      );
      loaded.push(p99(await healthWhile(ants.baseUrl, () => settled === drafts.length, 50)));
      await Promise.all(uploads);
      refusedIn.push(performance.now() - start);
    }
    const idleFigure = medianOf(idle);
    const loadedFigure = medianOf(loaded);
    rows.push({
      scenario: 'santé pendant 10 PDF hostiles envoyés à la fois (p99)',
      figure: `${loadedFigure.text}; au repos ${idleFigure.text}; les 10 refusés en ${medianOf(refusedIn, 'ms', 0).text}`,
      target: '< 100 ms',
      met: loadedFigure.median < 100,
    });
  } finally {
    await ants.close();
  }

  const notified = await startAntsHttp({ notify: true, jobPollingSeconds: 2 });
  try {
    const activation = async () => {
      const request = draftRequest();
      const app = await notified.brequigny.createApplication(request, crypto.randomUUID());
      await notified.brequigny.uploadPiece(app.number, 'identity', { name: 'cni.png', bytes: PNG });
      await notified.brequigny.uploadPiece(app.number, 'proof_of_address', { name: 'dom.png', bytes: PNG });
      return async () => {
        const start = performance.now();
        await notified.brequigny.validateApplication(app.number);
        await notified.sink!.waitFor(
          (m) => (m.subject ?? '').startsWith('Activez') && mailTo(m) === request.candidate.email,
        );
        return performance.now() - start;
      };
    };
    const underRequests: number[] = [];
    const underBacklog: number[] = [];
    const drained: number[] = [];
    let refused = 0;
    for (let run = 0; run < RUNS; run++) {
      const validate = await activation();
      const flood = Array.from({ length: 1000 }, (_, i) =>
        fetch(`${notified.baseUrl}/api/candidate/forgotten-identifier`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: `candidat.${run}.${i % 50}@example.fr` }),
        }).then((r) => r.status),
      );
      underRequests.push(await validate());
      refused += (await Promise.all(flood)).filter((status) => status === 429).length;

      const next = await activation();
      const backlogStart = performance.now();
      const tag = `file.${run}.`;
      for (let i = 0; i < 1000; i += 100) {
        await Promise.all(
          Array.from({ length: 100 }, (_, j) =>
            notified.jobs!.send(MAIL_QUEUE, {
              to: `${tag}${i + j}@example.fr`,
              subject: 'Votre identifiant de connexion ANTS',
              text: 'Bonjour,',
            }),
          ),
        );
      }
      underBacklog.push(await next());
      // The whole backlog delivered: the queue's throughput.
      while (notified.sink!.mails.filter((m) => mailTo(m).startsWith(tag)).length < 1000) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      drained.push(performance.now() - backlogStart);
    }
    rows.push(
      {
        scenario: 'courriel d’activation pendant 1 000 demandes « Identifiant oublié »',
        figure: `${medianOf(underRequests).text}; ${Math.round(refused / RUNS)} demandes sur 1 000 refusées par run (429)`,
        target: '< 10 000 ms',
        met: medianOf(underRequests).median < 10_000,
      },
      {
        scenario: 'courriel d’activation derrière 1 000 courriels en file',
        figure: `${medianOf(underBacklog).text}; les 1 000 remis en ${medianOf(drained, 'ms', 0).text}`,
        target: '< 10 000 ms',
        met: medianOf(underBacklog).median < 10_000,
      },
    );
  } finally {
    await notified.close();
  }
  return rows;
}
