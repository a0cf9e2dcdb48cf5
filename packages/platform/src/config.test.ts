import { describe, expect, it } from 'vitest';
import { readServiceConfig } from './config.ts';

const DEFAULTS = { port: 3100, webDir: '/web', mailFrom: 'ne-pas-repondre@example.fr' };

describe('readServiceConfig', () => {
  it('makes the cookies Secure whenever the public URL is https', () => {
    expect(readServiceConfig('ants', DEFAULTS, {}).secureCookies).toBe(false);
    expect(readServiceConfig('ants', DEFAULTS, { PUBLIC_URL: 'https://permis.example.fr' }).secureCookies).toBe(true);
    expect(readServiceConfig('ants', DEFAULTS, { SECURE_COOKIES: '1' }).secureCookies).toBe(true);
  });

  it('believes X-Forwarded-For only from the proxies TRUST_PROXY names', () => {
    expect(readServiceConfig('ants', DEFAULTS, {}).trustProxy).toBe(false);
    expect(readServiceConfig('ants', DEFAULTS, { TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(readServiceConfig('ants', DEFAULTS, { TRUST_PROXY: '10.0.0.0/8,127.0.0.1' }).trustProxy).toBe(
      '10.0.0.0/8,127.0.0.1',
    );
  });
});
