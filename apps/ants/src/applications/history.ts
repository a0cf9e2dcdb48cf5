import type { HistoryEntry } from '@permis/ants-api';
import { PIECES } from '@permis/referentiel';
import { and, asc, eq } from 'drizzle-orm';
import type { AntsDb } from '../db/index.ts';
import { auditEvents, proUsers } from '../db/schema.ts';
import type { ApplicationRow } from './machine.ts';

/**
 * What each audited action of a demand reads as in its history. `detail` says whether the audit
 * reason is shown: only reasons written for the school (the pièce to complete, why it was rejected
 * or refused) and the kind of pièce; the others are internal (state names, the previous holder).
 */
const ACTIONS: Record<string, { label: string; detail?: 'reason' | 'piece' }> = {
  'application.create': { label: 'Demande créée (brouillon)' },
  'application.update': { label: 'Demande modifiée' },
  'application.validate': { label: "Demande validée par l'école de conduite" },
  'application.confirm': { label: 'Demande validée par le candidat' },
  'application.refuse': { label: 'Demande refusée par le candidat', detail: 'reason' },
  'application.request_completion': { label: 'Pièce à compléter demandée', detail: 'reason' },
  'application.complete': { label: "Demande complétée et renvoyée à l'instruction" },
  'application.reject': { label: 'Demande rejetée', detail: 'reason' },
  'application.accept': { label: 'Demande acceptée' },
  'application.delete': { label: 'Demande supprimée' },
  'application.expire': { label: 'Demande supprimée (délai de validation dépassé)' },
  'application.transfer': { label: 'Demande reprise par transfert' },
  'piece.upload': { label: 'Pièce justificative ajoutée', detail: 'piece' },
  'piece.delete': { label: 'Pièce justificative supprimée', detail: 'piece' },
  'ephoto.set': { label: 'Code ePhoto enregistré' },
  'ephoto.delete': { label: 'Code ePhoto supprimé' },
};

const PIECE_LABELS = new Map(PIECES.map((piece) => [piece.kind, piece.label]));

/**
 * The demand's history, oldest first, for the school holding it: every audited action on it. The
 * school's own actions are "Votre établissement", with the user who did it; those of the school that
 * held it before a transfer are "Un autre établissement", whatever it was and whoever did it.
 */
export async function applicationHistory(db: AntsDb, schoolId: string, row: ApplicationRow): Promise<HistoryEntry[]> {
  const events = await db
    .select({
      event: auditEvents,
      user: { firstName: proUsers.firstName, lastName: proUsers.lastName, login: proUsers.login },
    })
    .from(auditEvents)
    // Only the holder's own users are named: another school's people stay "Un autre établissement".
    .leftJoin(proUsers, and(eq(proUsers.id, auditEvents.actorUserId), eq(proUsers.proAccountId, schoolId)))
    .where(and(eq(auditEvents.targetType, 'application'), eq(auditEvents.targetId, row.id)))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id));
  return events.flatMap(({ event, user }) => {
    const known = ACTIONS[event.action];
    if (!known) return [];
    const by = actorOf(event, schoolId);
    const detail =
      known.detail === 'reason'
        ? event.reason || null
        : known.detail === 'piece'
          ? (PIECE_LABELS.get(event.reason as never) ?? null)
          : null;
    return [
      {
        id: event.id,
        at: event.at.toISOString(),
        action: event.action,
        label: known.label,
        by,
        byLabel: ACTOR_LABELS[by],
        user: by === 'school' && user ? `${user.firstName} ${user.lastName} (${user.login})`.trim() : null,
        detail,
      },
    ];
  });
}

const ACTOR_LABELS: Record<HistoryEntry['by'], string> = {
  school: 'Votre établissement',
  otherSchool: 'Un autre établissement',
  candidate: 'Le candidat',
  agent: "Le service instructeur de l'ANTS",
  system: "L'ANTS (automatiquement)",
};

function actorOf(event: typeof auditEvents.$inferSelect, holderId: string): HistoryEntry['by'] {
  if (event.actorType === 'school') return event.actorId === holderId ? 'school' : 'otherSchool';
  if (event.actorType === 'candidate' || event.actorType === 'agent') return event.actorType;
  return 'system';
}
