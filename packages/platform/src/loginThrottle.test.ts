import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from './loginThrottle.ts';

describe('login throttle', () => {
  it('blocks an identifier after the allowed failures, until a success clears it', () => {
    const throttle = createLoginThrottle({ maxFailures: 3 });
    for (let i = 0; i < 3; i++) {
      throttle.assertAllowed('1.2.3.4', 'Julien');
      throttle.recordFailure('1.2.3.4', 'Julien');
    }
    expect(() => throttle.assertAllowed('1.2.3.4', ' julien ')).toThrow('Trop de tentatives de connexion échouées');
    expect(() => throttle.assertAllowed('5.6.7.8', 'julien')).not.toThrow();
    throttle.recordSuccess('1.2.3.4', 'julien');
    expect(() => throttle.assertAllowed('1.2.3.4', 'julien')).not.toThrow();
  });

  it('caps the failures of one address across identifiers', () => {
    const throttle = createLoginThrottle({ maxFailures: 100, maxPerIp: 4 });
    for (let i = 0; i < 4; i++) throttle.recordFailure('9.9.9.9', `user${i}`);
    expect(() => throttle.assertAllowed('9.9.9.9', 'nouveau')).toThrow();
  });

  it('forgets failures once the window has passed', async () => {
    const throttle = createLoginThrottle({ maxFailures: 1, windowMs: 30 });
    throttle.recordFailure('1.1.1.1', 'a');
    expect(() => throttle.assertAllowed('1.1.1.1', 'a')).toThrow();
    await new Promise((r) => setTimeout(r, 40));
    expect(() => throttle.assertAllowed('1.1.1.1', 'a')).not.toThrow();
  });
});
