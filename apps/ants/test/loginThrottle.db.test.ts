import { createLoginThrottle, type LoginThrottleOptions } from '@permis/platform';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginFailures } from '../src/db/schema.ts';
import { startAnts } from './harness.ts';

let ants: Awaited<ReturnType<typeof startAnts>>;
beforeEach(async () => {
  ants = await startAnts();
});
afterEach(async () => {
  await ants.close();
});

/** A throttle on the service's database with a clock the test moves (never waits for). */
function throttle(options: Partial<LoginThrottleOptions> = {}) {
  let now = new Date('2026-12-02T10:00:00Z');
  const made = createLoginThrottle(ants.db, { scope: 'essai', now: () => now, ...options });
  return { ...made, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

const refused = (promise: Promise<void>) =>
  promise.then(
    () => null,
    (error: { code?: string; message?: string }) => `${error.code} ${error.message}`,
  );

describe('login throttle', () => {
  it('blocks an identity after its failures from one address, until a success there clears it', async () => {
    const t = throttle({ maxPerIdentityAndIp: 3 });
    for (let i = 0; i < 3; i++) {
      await t.assertAllowed('1.2.3.4', 'Julien');
      await t.recordFailure('1.2.3.4', 'Julien');
    }
    expect(await refused(t.assertAllowed('1.2.3.4', ' julien '))).toBe(
      'TOO_MANY_ATTEMPTS Trop de tentatives de connexion échouées. Réessayez dans 15 minutes.',
    );
    expect(await refused(t.assertAllowed('5.6.7.8', 'julien'))).toBeNull();
    await t.recordSuccess('1.2.3.4', 'julien');
    expect(await refused(t.assertAllowed('1.2.3.4', 'julien'))).toBeNull();
  });

  it("lets a school's server, shared by every office and user, fail 50 times without locking anyone else out", async () => {
    const t = throttle();
    for (let i = 0; i < 52; i++) await t.recordFailure('10.0.0.7', `inconnu${i}`);
    expect(await refused(t.assertAllowed('10.0.0.7', 'moniteur'))).toBeNull();
    // Spraying many identities from one address still meets a ceiling.
    const low = throttle({ scope: 'essai-plafond', maxPerIp: 4 });
    for (let i = 0; i < 4; i++) await low.recordFailure('9.9.9.9', `user${i}`);
    expect(await refused(low.assertAllowed('9.9.9.9', 'nouveau'))).toMatch(/^TOO_MANY_ATTEMPTS/);
  });

  it('counts one identity across addresses (a distributed guess), and forgets once the window has passed', async () => {
    const t = throttle({ maxPerIdentity: 4, windowMs: 60000 });
    for (let i = 0; i < 4; i++) await t.recordFailure(`192.0.2.${i}`, 'cible');
    expect(await refused(t.assertAllowed('198.51.100.1', 'cible'))).toMatch(/^TOO_MANY_ATTEMPTS/);
    t.advance(60001);
    expect(await refused(t.assertAllowed('198.51.100.1', 'cible'))).toBeNull();
  });

  it('is shared by every instance of the service (the database holds it), and keeps no login in clear', async () => {
    const one = throttle({ maxPerIdentityAndIp: 2 });
    const other = throttle({ maxPerIdentityAndIp: 2 });
    await one.recordFailure('1.1.1.1', 'partage');
    await other.recordFailure('1.1.1.1', 'partage');
    expect(await refused(one.assertAllowed('1.1.1.1', 'partage'))).toMatch(/^TOO_MANY_ATTEMPTS/);
    const stored = JSON.stringify(await ants.db.select().from(loginFailures));
    expect(stored).not.toContain('partage');
    expect(stored).not.toContain('1.1.1.1');
  });
});
