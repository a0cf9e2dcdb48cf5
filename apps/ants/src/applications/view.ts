import {
  actionAllowed,
  type HeldApplication,
  stateLabel,
  TRANSFERRED,
  type TransferredApplication,
} from '@permis/ants-api';
import { PIECES } from '@permis/referentiel';
import type { ApplicationRow } from './machine.ts';

const REQUIRED_PIECES = PIECES.filter((piece) => piece.required).map((piece) => piece.kind);

/** An application as the school that holds it sees it (and the candidate, the agent). */
export function toView(row: ApplicationRow): HeldApplication {
  return {
    id: row.id,
    number: row.number,
    type: row.type,
    state: row.state,
    stateLabel: stateLabel(row.state, row.type),
    candidate: row.candidate,
    legalRepresentative: row.legalRepresentative ?? null,
    dossier: row.dossier,
    paperMandate: row.paperMandate,
    neph: row.neph,
    ephotoCode: row.ephotoCode,
    stateReason: row.stateReason,
    transferred: row.previousProAccountId !== null,
    // What `validate` would refuse for (validate.ts): only while the school may still send it.
    missingPieces: actionAllowed('validate', row.state)
      ? REQUIRED_PIECES.filter((kind) => !row.piecesSent.includes(kind))
      : [],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * An application as a school it was transferred away from sees it: "Transféré", with nothing of
 * the candidate nor of what happened after it left (`leftAt`).
 */
export function toTransferredView(
  row: Pick<ApplicationRow, 'id' | 'number' | 'type' | 'createdAt'>,
  leftAt: Date,
): TransferredApplication {
  return {
    id: row.id,
    number: row.number,
    type: row.type,
    state: TRANSFERRED,
    stateLabel: stateLabel(TRANSFERRED, row.type),
    transferred: true,
    createdAt: row.createdAt.toISOString(),
    updatedAt: leftAt.toISOString(),
  };
}
