import { loggableError } from './logger.ts';

/**
 * Runs `work` every `intervalMs`, one run at a time (a slow run is never overtaken by the next), a
 * failure logged under `what` and the next tick tried again. Does not keep the process alive.
 * Answers the function that stops it.
 */
export function repeatEvery(
  intervalMs: number,
  work: () => Promise<unknown>,
  log: { error(obj: object, msg: string): void },
  what: string,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    work()
      .catch((error: unknown) => log.error({ error: loggableError(error) }, what))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
