import { API_ERRORS } from '@permis/ants-api';
import { PLATFORM_ERRORS } from '@permis/platform/errors';
import { describe, expect, it } from 'vitest';
import { antsCodeOf, SCHOOL_ERRORS } from './errors.ts';

describe("the school's error table", () => {
  it('relays the national codes in their own member, never as prefixed school codes', () => {
    const own = Object.keys(SCHOOL_ERRORS).filter((code) => !(code in PLATFORM_ERRORS));
    expect(own.filter((code) => code in API_ERRORS || code.replace(/^ANTS_/, '') in API_ERRORS)).toEqual([]);
  });

  it('reads the national code of a relayed refusal through the national contract', () => {
    expect(antsCodeOf({ antsCode: 'EMAIL_ALREADY_USED' })).toBe('EMAIL_ALREADY_USED');
    expect(antsCodeOf({ antsCode: 'A_CODE_OF_A_NEWER_SERVICE' })).toBeUndefined();
    expect(antsCodeOf({})).toBeUndefined();
  });
});
