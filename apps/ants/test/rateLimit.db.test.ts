import { createRateLimiter, createSharedRateLimiter, rateWindows } from '@permis/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAntsHttp } from './api.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
beforeAll(async () => {
  // A fixed clock: the window cannot end between two requests of a test.
  ants = await startAntsHttp({ proRatePerMinute: 4, clock: () => new Date('2026-12-02T09:00:10Z') });
});
afterAll(async () => {
  await ants.close();
});

const token = async (agrementNumber: string, login: string, password: string) => {
  const response = await fetch(`${ants.baseUrl}/api/pro/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ agrementNumber, login, password }),
  });
  return ((await response.json()) as { token: string }).token;
};
const list = (bearer: string) =>
  fetch(`${ants.baseUrl}/api/pro/v1/applications`, { headers: { authorization: `Bearer ${bearer}` } });

describe('the professional API quota', () => {
  it('says on every answer where the account stands, and makes only that account wait once over', async () => {
    const brequigny = await token('E1703500010', 'brequigny35', 'Brequigny35!ants');
    const saintPriest = await token('E1706900030', 'claboret662', '3cfBelfort!');
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await list(brequigny);
      expect(response.headers.get('ratelimit-policy')).toBe('"pro";q=4;w=60');
      seen.push(`${response.status} ${response.headers.get('ratelimit')}`);
      if (response.status === 429) {
        expect(response.headers.get('retry-after')).toBe('50');
        expect(await response.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
      }
    }
    expect(seen).toEqual([
      '200 "pro";r=3;t=50',
      '200 "pro";r=2;t=50',
      '200 "pro";r=1;t=50',
      '200 "pro";r=0;t=50',
      '429 "pro";r=0;t=50',
    ]);
    // Another school, and the same school's errors, each on their own count.
    expect((await list(saintPriest)).status).toBe(200);
    const refused = await list('faux');
    expect([refused.status, refused.headers.get('ratelimit')?.startsWith('"pro";r=')]).toEqual([401, true]);
  });

  it('is counted in the database, the same for every instance, and keeps no caller in clear', async () => {
    const policy = { name: 'essai', quota: 2, windowSeconds: 60 };
    const now = () => new Date('2026-12-02T10:00:30Z');
    const one = createRateLimiter(ants.db, policy, now);
    const other = createRateLimiter(ants.db, policy, now);
    expect((await one.take('account:partage')).allowed).toBe(true);
    expect((await other.take('account:partage')).allowed).toBe(true);
    expect(await one.take('account:partage')).toEqual({ allowed: false, remaining: 0, resetSeconds: 30 });
    // The next window starts afresh, and drops the caller's previous one.
    const later = createRateLimiter(ants.db, policy, () => new Date('2026-12-02T10:01:05Z'));
    expect(await later.take('account:partage')).toEqual({ allowed: true, remaining: 1, resetSeconds: 55 });
    const stored = await ants.db.select().from(rateWindows);
    expect(JSON.stringify(stored)).not.toContain('partage');
    expect(stored.filter((row) => row.windowStart.toISOString() === '2026-12-02T10:00:00.000Z')).toEqual([]);
  });

  it('writes nothing per request: each instance counts in memory, merges every second, and the quota holds across instances', async () => {
    const policy = { name: 'lot', quota: 10, windowSeconds: 60 };
    const now = () => new Date('2026-12-02T11:00:20Z');
    // Merged by hand here (the service merges every second): the test reads the state it made.
    const one = createSharedRateLimiter(ants.db, policy, { now, mergeMs: 3_600_000 });
    const other = createSharedRateLimiter(ants.db, policy, { now, mergeMs: 3_600_000 });
    const stored = async () =>
      (await ants.db.select().from(rateWindows))
        .filter((row) => row.windowStart.toISOString() === '2026-12-02T11:00:00.000Z')
        .map((row) => row.count);

    // Six concurrent requests of one account: all counted, no row written, so no row lock shared.
    const taken = await Promise.all(Array.from({ length: 6 }, () => one.take('account:lot')));
    expect(taken.map((t) => t.allowed)).toEqual([true, true, true, true, true, true]);
    expect(taken.map((t) => t.remaining)).toEqual([9, 8, 7, 6, 5, 4]);
    expect(await stored()).toEqual([]);
    await one.merge();
    expect(await stored()).toEqual([6]);

    // The other instance starts from every instance's count: four more, then the quota.
    const onOther: boolean[] = [];
    for (let i = 0; i < 5; i++) onOther.push((await other.take('account:lot')).allowed);
    expect(onOther).toEqual([true, true, true, true, false]);
    await other.merge();
    // An instance with no new request only reads the count: the row is not written again.
    const version = async () =>
      (
        await ants.database.executeSql(
          "select xmin::text as version from rate_windows where window_start = '2026-12-02T11:00:00Z'",
        )
      ).rows;
    const before = await version();
    await one.merge();
    expect(await version()).toEqual(before);
    expect(await one.take('account:lot')).toMatchObject({ allowed: false, remaining: 0, resetSeconds: 40 });
    await one.stop();
    await other.stop();
    expect(await stored()).toEqual([12]);
  });
});
