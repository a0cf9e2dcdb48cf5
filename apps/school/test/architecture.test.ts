import { fileURLToPath } from 'node:url';
import { architectureViolations, importCircles, upwardImports } from '@permis/platform/testing';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

/**
 * The back office's folders from the ground up (docs/architecture.md): storage and errors, the
 * national service's clients, who may do what, the school's copies of its demands, then offices,
 * students and their online demands, the list and the app that builds them all.
 */
const LAYERS = [
  'config.ts',
  'errors.ts',
  'db',
  'http',
  'domain',
  'ants',
  'services.ts',
  'auth',
  'applications',
  'users',
  'offices',
  'students',
  'print',
  'online',
  'sync',
  'seed',
  'admin',
  'app.ts',
  'main.ts',
];

describe('layering of the back office', () => {
  it('routes hold no SQL and the audit trail is written in one place', () => {
    expect(architectureViolations(SRC, { auditModule: 'domain/audit.ts' })).toEqual([]);
  });

  it('imports only downward: each folder from those below it', () => {
    expect(upwardImports(SRC, LAYERS)).toEqual([]);
  });

  it('has no import circle (type-only imports included)', () => {
    expect(importCircles(SRC)).toEqual([]);
  });
});
