import { generateKey } from '@permis/platform';
import { describe, expect, it } from 'vitest';
import { readAntsConfig } from '../src/config.ts';

const env = (quota?: string) => ({ ANTS_SECRET_KEY: generateKey(), PRO_RATE_LIMIT_PER_MINUTE: quota });

describe('the professional API quota setting (PRO_RATE_LIMIT_PER_MINUTE)', () => {
  it('is 1,200 a minute unless set, a positive number when set, or off only when said so', () => {
    expect(readAntsConfig(env()).proRatePerMinute).toBe(1200);
    expect(readAntsConfig(env('60')).proRatePerMinute).toBe(60);
    expect(readAntsConfig(env('off')).proRatePerMinute).toBe('off');
    // A typo never turns the quota off.
    for (const wrong of ['0', '-5', 'Off', 'none']) expect(() => readAntsConfig(env(wrong))).toThrow();
  });
});
