import { fileURLToPath } from 'node:url';
import { architectureViolations, importCircles } from '@permis/platform/testing';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

describe('layering of the national service', () => {
  const violations = architectureViolations(SRC, { auditModule: 'domain/audit.ts' });

  it('routes hold no SQL and the audit trail is written in one place', () => {
    expect(violations).toEqual([]);
  });

  it('has no import circle (type-only imports included)', () => {
    expect(importCircles(SRC)).toEqual([]);
  });
});
