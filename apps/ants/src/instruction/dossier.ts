import type { AgentApplication } from '@permis/ants-api';
import { findPrefecture } from '@permis/referentiel/data';
import { attachedEphotoCode } from '../applications/attachedEphoto.ts';
import { toView } from '../applications/view.ts';
import type { AntsDb } from '../db/index.ts';
import { listPieces } from '../pieces/files.ts';
import { findForInstruction } from './queue.ts';

/** An application sent to instruction as the agent reads it: what was sent, its ePhoto and its pièces. */
export async function instructionDossier(db: AntsDb, applicationNumber: string): Promise<AgentApplication> {
  const row = await findForInstruction(db, applicationNumber);
  return {
    application: toView(row),
    prefecture: findPrefecture(row.dossier.prefectureCode)?.label ?? '',
    ephotoCode: await attachedEphotoCode(db, row.id),
    pieces: await listPieces(db, row.id),
  };
}
