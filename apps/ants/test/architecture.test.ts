import { fileURLToPath } from 'node:url';
import { architectureViolations, importCircles, upwardImports } from '@permis/platform/testing';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

/**
 * The national service's folders from the ground up (docs/architecture.md): storage, the shared
 * domain types, who is who, the demand and its files, then the three spaces and the doors that
 * reach the domain functions, the app that builds them all.
 */
const LAYERS = [
  'config.ts',
  'db',
  'domain',
  'auth',
  'applications',
  'pieces',
  'ephoto',
  'documents',
  'webhooks',
  'services.ts',
  'notify',
  'instruction',
  'candidates',
  'doors',
  'pro',
  'seed',
  'app.ts',
  'main.ts',
];

describe('layering of the national service', () => {
  const violations = architectureViolations(SRC, { auditModule: 'domain/audit.ts' });

  it('routes hold no SQL and the audit trail is written in one place', () => {
    expect(violations).toEqual([]);
  });

  it('imports only downward: each folder from those below it', () => {
    expect(upwardImports(SRC, LAYERS)).toEqual([]);
  });

  it('has no import circle (type-only imports included)', () => {
    expect(importCircles(SRC)).toEqual([]);
  });
});
