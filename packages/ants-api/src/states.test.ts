import { describe, expect, it } from 'vitest';
import { COUNTERS } from './states.ts';

describe('counters of the administrative list', () => {
  it('reads as the seed shows them for CERFA 02 and CERFA 06', () => {
    expect(COUNTERS['02'].map((c) => c.label)).toEqual([
      'Dossier à traiter',
      'Dossier en attente de validation usager',
      'Dossier rejeté',
      'Brouillons',
      'Dossier à traiter en Cerfa 06',
      'Dossier en cours de traitement',
      'Dossier transféré',
    ]);
    expect(COUNTERS['06'].map((c) => c.label)).toEqual([
      'Dossier à traiter',
      'Dossier en attente de validation usager',
      'Dossier rejeté',
      'Brouillon',
      'Dossier accepté',
      'Dossier en cours de traitement',
      'Dossier transféré',
    ]);
    expect(COUNTERS['02'].find((c) => c.state === 'accepted')?.meaning).toBe(
      "Demande d'inscription à un permis acceptée. La demande de titre peut être créée",
    );
  });
});
