import { fileURLToPath } from 'node:url';
import { architectureViolations, importCircles } from '@permis/platform/testing';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

/**
 * Domain files of the candidate's space that still register their own routes beside their queries
 * (issue 36: their handlers move to route files as the candidate space's contract is written):
 * listed so this check guards every other file now. An entry that no longer breaks a rule fails
 * the test, so the list only shrinks.
 */
const PENDING: string[] = ['pro/token.ts'];

describe('layering of the national service', () => {
  const violations = architectureViolations(SRC, { auditModule: 'domain/audit.ts' });

  it('routes hold no SQL and the audit trail is written in one place', () => {
    expect(violations.filter((v) => !PENDING.includes(v.file))).toEqual([]);
  });

  it('lists as pending only route files that still break a rule', () => {
    expect(PENDING.filter((file) => !violations.some((v) => v.file === file))).toEqual([]);
  });

  it('has no import circle (type-only imports included)', () => {
    expect(importCircles(SRC)).toEqual([]);
  });
});
