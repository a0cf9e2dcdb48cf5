import { describe, expect, it } from 'vitest';
import { medicalVisitNeeded } from './declarations.ts';

describe('medicalVisitNeeded', () => {
  const dossier = (requestedCategories: string[], declarations = {}) => ({ requestedCategories, declarations });
  it('asks the approved doctor for a heavy category or a declared condition, not for a plain B', () => {
    expect(medicalVisitNeeded(dossier(['B']))).toBe(false);
    expect(medicalVisitNeeded(dossier(['B'], { medicalCondition: false, adaptedVehicle: null }))).toBe(false);
    expect(medicalVisitNeeded(dossier(['B', 'C1']))).toBe(true);
    expect(medicalVisitNeeded(dossier(['D']))).toBe(true);
    expect(medicalVisitNeeded(dossier(['A2'], { medicalCondition: true }))).toBe(true);
    expect(medicalVisitNeeded(dossier(['B'], { adaptedVehicle: true }))).toBe(true);
  });
});
