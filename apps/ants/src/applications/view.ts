import { type Application, type SchoolViewState, stateLabel } from '@permis/ants-api';
import type { ApplicationRow } from './machine.ts';

/** An application as a school sees it: handed over to another school, it reads "Transféré". */
export function toView(row: ApplicationRow, viewerId: string): Application {
  const transferredAway = row.proAccountId !== viewerId && row.previousProAccountId === viewerId;
  const state: SchoolViewState = transferredAway ? 'transferred' : row.state;
  return {
    id: row.id,
    number: row.number,
    type: row.type,
    state,
    stateLabel: stateLabel(state, row.type),
    candidate: row.candidate as Application['candidate'],
    legalRepresentative: (row.legalRepresentative ?? null) as Application['legalRepresentative'],
    dossier: row.dossier as Application['dossier'],
    paperMandate: row.paperMandate,
    neph: row.neph,
    ephotoCode: row.ephotoCode,
    stateReason: row.stateReason,
    transferred: row.previousProAccountId !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
