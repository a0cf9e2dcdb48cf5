import {
  type AgentApplicationRow,
  type AgentQueueState,
  inStateSet,
  OWN_HOLDER_LABEL,
  stateLabel,
} from '@permis/ants-api';
import { notFound } from '@permis/platform';
import { asc, eq } from 'drizzle-orm';
import type { ApplicationRow } from '../applications/machine.ts';
import { toView } from '../applications/view.ts';
import type { AntsDb } from '../db/index.ts';
import { applications, proAccounts } from '../db/schema.ts';

/** The applications in one state of instruction, the longest waiting first (500 at most). */
export async function listForInstruction(db: AntsDb, state: AgentQueueState): Promise<AgentApplicationRow[]> {
  const rows = await db
    .select({ application: applications, school: proAccounts.schoolName })
    .from(applications)
    // A candidat libre's own demand has no school: it is listed too.
    .leftJoin(proAccounts, eq(proAccounts.id, applications.proAccountId))
    .where(eq(applications.state, state))
    .orderBy(asc(applications.updatedAt))
    .limit(500);
  return rows.map(({ application: a, school }) => {
    const view = toView(a);
    return {
      number: a.number,
      type: a.type,
      stateLabel: stateLabel(a.state, a.type),
      candidate: `${view.candidate.birthName} ${view.candidate.firstName}`,
      school: school ?? OWN_HOLDER_LABEL,
      updatedAt: a.updatedAt.toISOString(),
    };
  });
}

/** An application sent to instruction, by its number; any other is "not found" to an agent. */
export async function findForInstruction(db: AntsDb, applicationNumber: string): Promise<ApplicationRow> {
  const [row] = await db.select().from(applications).where(eq(applications.number, applicationNumber)).limit(1);
  if (!row || !inStateSet('sent', row.state)) {
    throw notFound("Cette demande n'est pas à l'instruction.");
  }
  return row;
}
