import type { AgentCompletion, AgentDecision } from '@permis/ants-api';
import { PIECES, type PieceKind } from '@permis/referentiel';
import { findPrefecture } from '@permis/referentiel/data';
import { and, eq, inArray } from 'drizzle-orm';
import { type ApplicationRow, transition } from '../applications/machine.ts';
import { toView } from '../applications/view.ts';
import type { AntsDb, AntsTx } from '../db/index.ts';
import { candidates, pieceFiles } from '../db/schema.ts';
import type { FileStore } from '../pieces/fileStore.ts';
import { recordPiecesSent } from '../pieces/piecesSent.ts';
import { nextNeph } from './neph.ts';

/** Pièces proving identity: deleted once the application is decided (minimisation). */
const IDENTITY_KINDS: PieceKind[] = ['identity'];

/** An agent's decisions on an application under instruction; the state machine audits each. */
export type DecidingAgent = { id: string };

const agentActor = (agent: DecidingAgent) => ({ type: 'agent' as const, id: agent.id });

/** Asks for one missing pièce: the reason names it, with the agent's message if any. */
export async function requestCompletion(
  db: AntsDb,
  agent: DecidingAgent,
  row: ApplicationRow,
  kind: PieceKind,
  message: string,
): Promise<AgentCompletion> {
  const piece = PIECES.find((p) => p.kind === kind)!;
  const reason = `Pièce à compléter : ${piece.label}${message ? ` — ${message}` : ''}`;
  const updated = await db.transaction((tx) =>
    transition(tx, row, 'request_completion', agentActor(agent), { reason }),
  );
  return { application: toView(updated), reason };
}

/** Rejects with the agent's reason; the identity pièces go. */
export async function rejectApplication(
  files: FileStore,
  agent: DecidingAgent,
  row: ApplicationRow,
  reason: string,
): Promise<AgentDecision> {
  const done = await files.drop(async (tx) => {
    const rejected = await transition(tx, row, 'reject', agentActor(agent), { reason });
    return { value: rejected, dropped: await dropIdentityFiles(tx, row.id) };
  });
  return { application: toView(done) };
}

/** Accepts: the candidate's NEPH is assigned with it, and the identity pièces go. */
export async function acceptApplication(
  files: FileStore,
  agent: DecidingAgent,
  row: ApplicationRow,
): Promise<AgentDecision> {
  const done = await files.drop(async (tx) => {
    const prefecture = findPrefecture(row.dossier.prefectureCode);
    // A Cerfa 06 keeps the NEPH its inscription received; a Cerfa 02 gets one now.
    const [candidate] = await tx.select().from(candidates).where(eq(candidates.id, row.candidateId));
    const neph =
      row.type === '06' && candidate?.neph ? candidate.neph : await nextNeph(tx, prefecture?.department ?? '00');
    // The identity pièces go first, so that the accepted demand answered says what it keeps.
    const dropped = await dropIdentityFiles(tx, row.id);
    const accepted = await transition(tx, row, 'accept', agentActor(agent), { extra: { neph } });
    if (row.type === '02') await tx.update(candidates).set({ neph }).where(eq(candidates.id, row.candidateId));
    return { value: accepted, dropped };
  });
  return { application: toView(done) };
}

async function dropIdentityFiles(tx: AntsTx, applicationId: string): Promise<string[]> {
  const dropped = await tx
    .delete(pieceFiles)
    .where(and(eq(pieceFiles.applicationId, applicationId), inArray(pieceFiles.kind, IDENTITY_KINDS)))
    .returning({ storageName: pieceFiles.storageName });
  await recordPiecesSent(tx, applicationId);
  return dropped.map((f) => f.storageName);
}
