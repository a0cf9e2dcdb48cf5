import { availableParallelism } from 'node:os';
import Piscina from 'piscina';
import { antsError } from '../domain/errors.ts';
import type { PdfVerdict } from './pdfWorker.ts';

/** Time and memory one PDF may take in its thread before it is stopped and refused. */
export const PDF_ANALYSIS_LIMITS = {
  timeMs: 5_000,
  /** V8 heap of an analysis thread (the inflated bytes, outside it, have their own budget). */
  heapMb: 192,
  /** Files waiting for a thread; beyond, the upload is refused as the service being busy. */
  queue: 64,
};

let pool: Piscina<Uint8Array, PdfVerdict> | undefined;

function analysisPool(): Piscina<Uint8Array, PdfVerdict> {
  pool ??= new Piscina({
    filename: new URL('./pdfWorker.ts', import.meta.url).href,
    // Two threads at most: on a small machine one stays for the service itself.
    minThreads: 0,
    maxThreads: Math.max(1, Math.min(2, availableParallelism() - 1)),
    idleTimeout: 30_000,
    maxQueue: PDF_ANALYSIS_LIMITS.queue,
    resourceLimits: { maxOldGenerationSizeMb: PDF_ANALYSIS_LIMITS.heapMb, maxYoungGenerationSizeMb: 32 },
  });
  return pool;
}

/** Stops the analysis threads (the service's close). */
export async function closePdfAnalysis(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.destroy();
}

/** What each refusal says this time (its status and title are the contract's). */
const REFUSALS: Record<Extract<PdfVerdict, { ok: false }>['code'], string> = {
  PDF_UNREADABLE: 'Ce PDF est illisible ou endommagé.',
  PDF_ENCRYPTED: 'Ce PDF est protégé par un mot de passe : envoyez-le sans protection.',
  PDF_TOO_COMPLEX:
    'Ce PDF est trop complexe pour être analysé : enregistrez-le à nouveau (par exemple avec « Imprimer » puis « Enregistrer au format PDF ») ou envoyez une photo du document.',
  PDF_TOO_MANY_PAGES: 'Ce PDF compte trop de pages pour une pièce justificative.',
  PDF_ACTIVE_CONTENT:
    'Ce PDF contient du code (JavaScript) ou une action qui lance un programme : enregistrez-le à nouveau sans ce contenu (« Imprimer » puis « Enregistrer au format PDF ») ou envoyez une photo du document.',
};

/**
 * The pages of an uploaded PDF, counted in a worker thread within budgets (pdfWorker.ts); a file
 * that exceeds one, or that the thread cannot finish in time or memory, is refused in French.
 */
export async function analysePdf(bytes: Buffer, limits: { timeMs?: number } = {}): Promise<number> {
  let verdict: PdfVerdict;
  try {
    verdict = await analysisPool().run(new Uint8Array(bytes), {
      signal: AbortSignal.timeout(limits.timeMs ?? PDF_ANALYSIS_LIMITS.timeMs),
    });
  } catch (error) {
    if (error instanceof Error && /queue is at limit/i.test(error.message)) {
      throw antsError(
        'SERVICE_BUSY',
        'Le service analyse beaucoup de fichiers en ce moment : réessayez dans une minute.',
      );
    }
    // Stopped on time, or out of memory: the file cost more than any real pièce.
    verdict = { ok: false, code: 'PDF_TOO_COMPLEX', reason: 'time or memory' };
  }
  if (verdict.ok) return verdict.pages;
  throw antsError(verdict.code, REFUSALS[verdict.code]);
}
