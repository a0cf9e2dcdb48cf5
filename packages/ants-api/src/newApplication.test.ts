import { describe, expect, it } from 'vitest';
import { createApplicationSchema, heldApplicationSchema } from './applications.ts';
import { creationBody, stepsOfApplication } from './newApplication.ts';

const body = createApplicationSchema.parse({
  type: '02',
  paperMandate: true,
  candidate: {
    sex: 'F',
    birthName: 'MARTIN',
    firstName: 'Camille',
    birthDate: '2005-03-14',
    birthCity: 'RENNES',
    birthDepartment: '35',
    birthCountry: 'FRANCE',
    addressLine1: '15 rue Aristide Briand',
    postalCode: '69800',
    city: 'SAINT-PRIEST',
    email: 'camille@example.fr',
    mobile: '0611223344',
  },
  dossier: { requestedCategories: ['A2'], heldCategories: ['B'], prefectureCode: '69123', declarations: {} },
});

describe('a demand read back as its saved steps', () => {
  it('gives back the very body it was created with, motif included', () => {
    const held = heldApplicationSchema.parse({
      ...body,
      id: crypto.randomUUID(),
      number: '9012026120300000000001',
      state: 'draft',
      stateLabel: 'Brouillon',
      neph: null,
      stateReason: null,
      transferred: false,
      createdAt: '2026-12-03T08:00:00.000Z',
      updatedAt: '2026-12-03T08:00:00.000Z',
    });
    const steps = stepsOfApplication(held);
    expect(steps.motif.motif).toBe('extension');
    expect(createApplicationSchema.parse(creationBody(steps))).toEqual(body);
  });
});
