import { inStateSet } from '@permis/ants-api';
import { and, eq, isNull } from 'drizzle-orm';
import { findOwnApplication } from '../applications/find.ts';
import type { ApplicationRow } from '../applications/machine.ts';
import type { AntsDb } from '../db/index.ts';
import { applications, ephotoCodes, photoBooths } from '../db/schema.ts';
import { type HolderAudit, type SchoolActor, schoolAudit } from '../domain/actor.ts';
import { recordAudit } from '../domain/audit.ts';
import { antsError } from '../domain/errors.ts';

// The ePhoto of a school's application, the same for its software (professional API) and its
// professional space on the agency's site.

/** The code attached to an application, when and by which booth it was taken; null without one. */
export async function attachedEphoto(db: AntsDb, applicationId: string) {
  const [bound] = await db
    .select({ code: ephotoCodes.code, issuedAt: ephotoCodes.issuedAt, booth: photoBooths.name })
    .from(ephotoCodes)
    .innerJoin(photoBooths, eq(photoBooths.id, ephotoCodes.boothId))
    .where(eq(ephotoCodes.applicationId, applicationId))
    .limit(1);
  return bound ? { code: bound.code, issuedAt: bound.issuedAt.toISOString(), booth: bound.booth } : null;
}

/** Adds or replaces the code of a school's draft. */
export async function setEphoto(db: AntsDb, school: SchoolActor, number: string, code: string): Promise<string> {
  const row = await ephotoEditableApplication(db, school.id, number);
  return attachEphoto(db, schoolAudit(school), row, code);
}

/**
 * Adds or replaces the code of a draft, for whoever holds it (the caller checked who, and that the
 * ePhoto may change). A code serves one application only, ever, and only its candidate's.
 */
export async function attachEphoto(db: AntsDb, by: HolderAudit, row: ApplicationRow, code: string): Promise<string> {
  await db.transaction(async (tx) => {
    const [found] = await tx.select().from(ephotoCodes).where(eq(ephotoCodes.code, code)).limit(1);
    if (!found) throw antsError('EPHOTO_UNKNOWN', "Ce code ePhoto n'existe pas : vérifiez sa saisie.");
    if (found.applicationId === row.id) return;
    // A released code is still its candidate's photo: it never goes onto someone else.
    const otherCandidate = found.candidateId !== null && found.candidateId !== row.candidateId;
    if (found.applicationId || found.usedAt || otherCandidate) {
      throw antsError('EPHOTO_ALREADY_USED', "Ce code ePhoto a déjà été utilisé : un code ne sert qu'une fois.");
    }
    if (found.expiresAt < new Date()) throw antsError('EPHOTO_EXPIRED', 'Ce code ePhoto a expiré.');
    // Replacing: the previous code of this draft goes back to its holder, unused.
    await tx
      .update(ephotoCodes)
      .set({ applicationId: null, usedAt: null })
      .where(eq(ephotoCodes.applicationId, row.id));
    const [claimed] = await tx
      .update(ephotoCodes)
      .set({ applicationId: row.id, candidateId: row.candidateId, usedAt: new Date() })
      .where(and(eq(ephotoCodes.code, code), isNull(ephotoCodes.applicationId)))
      .returning({ code: ephotoCodes.code });
    if (!claimed) {
      throw antsError('EPHOTO_ALREADY_USED', "Ce code ePhoto a déjà été utilisé : un code ne sert qu'une fois.");
    }
    // On the application too: its school's copy learns it (and a sync sees it changed).
    await tx.update(applications).set({ ephotoCode: code, updatedAt: new Date() }).where(eq(applications.id, row.id));
    await recordAudit(tx, { by, action: 'ephoto.set', target: 'application', targetId: row.id });
  });
  return code;
}

/** Takes the code off a school's draft. */
export async function removeEphoto(db: AntsDb, school: SchoolActor, number: string): Promise<void> {
  const row = await ephotoEditableApplication(db, school.id, number);
  await detachEphoto(db, schoolAudit(school), row);
}

/** Takes the code off a draft, for whoever holds it; the code goes back to its candidate, unused. */
export async function detachEphoto(db: AntsDb, by: HolderAudit, row: ApplicationRow): Promise<void> {
  await db.transaction(async (tx) => {
    const released = await tx
      .update(ephotoCodes)
      .set({ applicationId: null, usedAt: null })
      .where(eq(ephotoCodes.applicationId, row.id))
      .returning({ code: ephotoCodes.code });
    await tx.update(applications).set({ ephotoCode: null, updatedAt: new Date() }).where(eq(applications.id, row.id));
    if (released.length === 0) throw antsError('EPHOTO_MISSING', "Aucune ePhoto n'est associée à cette demande.");
    await recordAudit(tx, { by, action: 'ephoto.delete', target: 'application', targetId: row.id });
  });
}

async function ephotoEditableApplication(db: AntsDb, schoolId: string, number: string) {
  return assertEphotoEditable(await findOwnApplication(db, schoolId, number));
}

/** The demand while its ePhoto may change (a draft), whoever holds it. */
export function assertEphotoEditable(row: ApplicationRow): ApplicationRow {
  if (!inStateSet('ephotoEditable', row.state)) {
    throw antsError('TRANSITION_REFUSED', "L'ePhoto ne peut plus être modifiée : la demande a été validée.");
  }
  return row;
}
