import { fileURLToPath } from 'node:url';
import { architectureViolations, importCircles } from '@permis/platform/testing';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

describe('layering of the back office', () => {
  it('routes hold no SQL and the audit trail is written in one place', () => {
    expect(architectureViolations(SRC, { auditModule: 'domain/audit.ts' })).toEqual([]);
  });

  it('has no import circle (type-only imports included)', () => {
    expect(importCircles(SRC)).toEqual([]);
  });
});
