import { describe, expect, it } from 'vitest';
import { DOSSIER_DATE_FIELDS, dossierSchema } from './applications.ts';

describe("the dossier's dates", () => {
  it('are read from its schema: every field that takes a yyyy-mm-dd date and refuses dd/mm/yyyy', () => {
    expect(DOSSIER_DATE_FIELDS).toEqual(['medicalVisitDate', 'lastCategoryDate']);
    for (const field of DOSSIER_DATE_FIELDS) {
      const schema = dossierSchema.shape[field];
      expect(schema.safeParse('2024-02-29').success, field).toBe(true);
      expect(schema.safeParse('29/02/2024').success, field).toBe(false);
    }
  });
});
