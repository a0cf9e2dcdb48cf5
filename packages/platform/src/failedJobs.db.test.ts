import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './db.ts';
import { listFailedJobs, retryFailedJob } from './failedJobs.ts';
import { type Jobs, startJobs } from './jobs.ts';
import { createSecretBox, generateKey, parseKey } from './secrets.ts';
import { until } from './testing/until.ts';

let jobs: Jobs | undefined;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await jobs?.stop();
  await close?.();
});

describe('failed jobs', () => {
  it('lists a job that exhausted its retries with its error, and runs it again on demand', async () => {
    const database = await openDatabase({ schema: {}, url: process.env.TEST_DATABASE_URL });
    close = () => database.close();
    jobs = await startJobs(
      database,
      { error: () => {} },
      { box: createSecretBox(parseKey(generateKey())), pollingIntervalSeconds: 0.5 },
    );
    let down = true;
    const done: string[] = [];
    await jobs.work<{ to: string }>('deliver', async ({ to }) => {
      if (down) throw new Error('passerelle injoignable');
      done.push(to);
    });
    await jobs.send('deliver', { to: 'a' }, { retryLimit: 0 });
    await jobs.send('other', { to: 'b' }, { retryLimit: 0 });

    const [failed] = await until(async () => {
      const list = await listFailedJobs(jobs!, ['deliver']);
      return list.length > 0 ? list : undefined;
    });
    expect(failed).toMatchObject({ queue: 'deliver', data: { to: 'a' }, error: 'passerelle injoignable', attempts: 1 });

    down = false;
    expect(await retryFailedJob(jobs, 'deliver', failed!.id)).toBe(true);
    await until(async () => (done.length > 0 ? true : undefined));
    expect(done).toEqual(['a']);
    expect(await listFailedJobs(jobs, ['deliver'])).toEqual([]);
    // Retrying what is no longer failed does nothing.
    expect(await retryFailedJob(jobs, 'deliver', failed!.id)).toBe(false);
  });
});
