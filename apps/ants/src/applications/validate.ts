import { actionAllowed } from '@permis/ants-api';
import { PIECES } from '@permis/referentiel';
import { eq, sql } from 'drizzle-orm';
import type { AntsDb, AntsTx } from '../db/index.ts';
import { candidates, pieceFiles } from '../db/schema.ts';
import type { SchoolActor } from '../domain/actor.ts';
import { antsError } from '../domain/errors.ts';
import { attachedEphotoCode } from './attachedEphoto.ts';
import { assertMayApply } from './create.ts';
import { type ApplicationRow, transition } from './machine.ts';

/**
 * The school validates its draft: every required pièce sent, an ePhoto code for a Cerfa 06 (the
 * paper photo-signature form is for a 02 only), then the state machine's `validate` (to the
 * candidate, or straight to instruction with a paper mandate). Checked and moved in one transaction.
 */
export async function validateApplication(
  db: AntsDb,
  row: ApplicationRow,
  school: SchoolActor,
): Promise<ApplicationRow> {
  return db.transaction(async (tx) => {
    // Only when it may leave: otherwise the machine refuses it, whatever is missing.
    if (actionAllowed('validate', row.state)) await assertReadyToSend(tx, row);
    return transition(tx, row, 'validate', { type: 'school', id: school.id, userId: school.userId });
  });
}

/**
 * What a demand needs before it leaves its holder, for a school's validation as for a candidat
 * libre's own submission: no other live demand of its type, every required pièce, and an ePhoto
 * code for a Cerfa 06.
 */
export async function assertReadyToSend(tx: AntsTx, row: ApplicationRow): Promise<void> {
  // Still the candidate's only live demand of its type, now that it leaves (decision 0013).
  const [candidate] = await tx
    .select({ email: candidates.email })
    .from(candidates)
    .where(eq(candidates.id, row.candidateId));
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`candidate:${candidate?.email ?? row.candidateId}`}))`);
  await assertMayApply(tx, row.candidateId, row.type, row.proAccountId, { currentId: row.id, at: 'sending' });
  const sent = await tx
    .select({ kind: pieceFiles.kind, pages: sql<number>`sum(${pieceFiles.pages})::int` })
    .from(pieceFiles)
    .where(eq(pieceFiles.applicationId, row.id))
    .groupBy(pieceFiles.kind);
  const present = new Set(sent.filter((s) => s.pages > 0).map((s) => s.kind));
  const missing = PIECES.filter((p) => p.required && !present.has(p.kind));
  if (missing.length > 0) {
    throw antsError(
      'REQUIRED_PIECES_MISSING',
      `Des pièces justificatives requises manquent : ${missing.map((p) => p.label).join(', ')}.`,
      missing.map((p) => ({ path: `pieces.${p.kind}`, message: `${p.label} : pièce requise.` })),
    );
  }
  if (row.type === '06' && !(await attachedEphotoCode(tx, row.id))) {
    throw antsError('EPHOTO_REQUIRED');
  }
}
