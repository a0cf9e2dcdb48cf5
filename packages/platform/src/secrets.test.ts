import { describe, expect, it } from 'vitest';
import { createSecretBox, generateKey, parseKey } from './secrets.ts';

describe('secrets at rest', () => {
  const box = createSecretBox(parseKey(generateKey()));

  it('seals and opens, with a fresh IV each time', () => {
    const a = box.seal('3cfBelfort!');
    const b = box.seal('3cfBelfort!');
    expect(a).not.toBe(b);
    expect(a).not.toContain('3cfBelfort');
    expect(box.open(a)).toBe('3cfBelfort!');
  });

  it('refuses a tampered value or another key', () => {
    const sealed = box.seal('mot de passe');
    const parts = sealed.split(':');
    const tampered = [...parts.slice(0, 3), Buffer.from('autre chose').toString('base64')].join(':');
    expect(() => box.open(tampered)).toThrow();
    expect(() => createSecretBox(parseKey(generateKey())).open(sealed)).toThrow();
  });

  it('refuses a key of the wrong size', () => {
    expect(() => parseKey(Buffer.alloc(16).toString('base64'))).toThrow('32 octets');
  });
});
