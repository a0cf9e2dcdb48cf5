import { createApplicationSchema, type Dossier, type HeldApplication } from '@permis/ants-api';
import { describe, expect, it } from 'vitest';
import { PRINTED_ON, renderDocument } from '../src/documents/content.ts';
import { draftRequest, pdfText } from './api.ts';

/** A value of each printed field that nothing else on a document prints, and how it reads there. */
const PROBES: { [K in keyof Dossier]?: { value: Dossier[K]; reads: string } } = {
  requestedCategories: { value: ['C1E'], reads: 'C1E' },
  heldCategories: { value: ['D1E'], reads: 'D1E' },
  training: { value: 'supervised', reads: 'Conduite supervisée' },
  neph: { value: '123456789012', reads: '123456789012' },
  lastCategoryDate: { value: '2001-02-03', reads: '03/02/2001' },
  lastCategoryPlace: { value: 'ZANZIBAR', reads: 'ZANZIBAR' },
};

function held(dossier: Partial<Dossier> = {}): HeldApplication {
  const request = createApplicationSchema.parse(draftRequest());
  return {
    ...request,
    id: crypto.randomUUID(),
    number: '9012026000000000000001',
    state: 'accepted',
    stateLabel: 'Accepté',
    missingPieces: [],
    candidate: request.candidate,
    dossier: { ...request.dossier, ...dossier },
    neph: null,
    ephotoCode: null,
    stateReason: null,
    transferred: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('the dossier on the documents', () => {
  const printed = Object.entries(PRINTED_ON).flatMap(([field, kinds]) =>
    kinds.map((kind) => [field as keyof Dossier, kind] as const),
  );

  it.each(printed)('%s is printed on %s', async (field, kind) => {
    const probe = PROBES[field];
    expect(probe, `a probe for ${field}`).toBeDefined();
    const facts = (dossier: Partial<Dossier>) => ({ application: held(dossier), sentAt: null, editedAt: new Date() });
    expect(pdfText(await renderDocument(kind, facts({})))).not.toContain(probe!.reads);
    expect(pdfText(await renderDocument(kind, facts({ [field]: probe!.value })))).toContain(probe!.reads);
  });
});
