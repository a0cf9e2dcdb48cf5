/**
 * How long a test's wait for a state may last before it is called stuck: a guard against a hang,
 * never a wait (each wait ends as soon as the state is there). Generous, since on the shared 2-core
 * machine at a load average of 11 a job queue polled every half second took several times its idle
 * time; below the test budget of vitest.config.ts, so that a wait that never ends says which one.
 */
export const WAIT_GUARD_MS = 120_000;

/** Between two readings of the state: how often a wait looks, not how long it waits. */
const POLL_MS = 50;

/**
 * Waits for the state a test reads (never for a fixed time): polls `probe` until it answers
 * something other than undefined, and answers that.
 */
export async function until<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what = 'condition',
  guardMs = WAIT_GUARD_MS,
): Promise<T> {
  const deadline = Date.now() + guardMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} not reached in ${guardMs / 1000} s`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
