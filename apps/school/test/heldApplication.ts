import type { ApplicationState, HeldApplication } from '@permis/ants-api';
import { draftRequest } from '../../ants/test/api.ts';

/**
 * An application as the national service describes it to a school (what a sync stores), the n-th
 * of a test or a bench: its number and dates follow n, a third of them Cerfa 06.
 */
export function heldApplication(
  n: number,
  state: ApplicationState = 'draft',
  overrides: Partial<HeldApplication> = {},
): HeldApplication {
  const at = new Date(Date.UTC(2026, 0, 1) + n * 60000).toISOString();
  const { candidate, dossier } = draftRequest();
  return {
    id: crypto.randomUUID(),
    number: `9012026${String(n).padStart(16, '0')}`,
    type: n % 3 === 0 ? '06' : '02',
    state,
    stateLabel: state,
    stateReason: null,
    candidate: candidate as HeldApplication['candidate'],
    legalRepresentative: null,
    dossier: dossier as HeldApplication['dossier'],
    paperMandate: false,
    neph: null,
    ephotoCode: null,
    transferred: false,
    missingPieces: [],
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}
