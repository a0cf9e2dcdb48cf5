import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.ts';

describe('passwords', () => {
  it('hashes with argon2id and verifies', async () => {
    const hashed = await hashPassword('Dirigeant-2026!');
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hashed, 'Dirigeant-2026!')).toBe(true);
    expect(await verifyPassword(hashed, 'dirigeant-2026!')).toBe(false);
  });

  it('answers false for a missing or broken hash', async () => {
    expect(await verifyPassword(undefined, 'x')).toBe(false);
    expect(await verifyPassword('pas-un-hash', 'x')).toBe(false);
  });
});
