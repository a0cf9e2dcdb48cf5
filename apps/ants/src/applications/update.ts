import { API_ERRORS, type createApplicationSchema, inStateSet, parisToday } from '@permis/ants-api';
import { and, eq, ne, notExists } from 'drizzle-orm';
import type { z } from 'zod';
import type { AntsDb } from '../db/index.ts';
import { applications, candidates, ephotoCodes } from '../db/schema.ts';
import { type SchoolActor, schoolAudit } from '../domain/actor.ts';
import { recordAudit } from '../domain/audit.ts';
import { antsError } from '../domain/errors.ts';
import { candidateFor } from './create.ts';
import type { ApplicationRow } from './machine.ts';
import { dataErrors } from './rules.ts';
import { recordChange } from './webhookOutbox.ts';

type Request = z.output<typeof createApplicationSchema>;

/**
 * "Modifier la demande": the school replaces what it entered on a draft, checked as a creation is
 * (same rules, same divergence errors); nothing changes when they refuse it. After validation the
 * demand is frozen (seed 002: "vous ne pourrez pas modifier la demande après sa validation").
 */
export async function updateDraft(
  db: AntsDb,
  school: SchoolActor,
  number: string,
  request: Request,
): Promise<ApplicationRow> {
  const schoolId = school.id;
  const errors = dataErrors(request, parisToday());
  if (errors.length > 0) throw antsError('DATA_ERROR', API_ERRORS.DATA_ERROR.title, errors);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(applications)
      .where(and(eq(applications.number, number), eq(applications.proAccountId, schoolId)))
      .for('update')
      .limit(1);
    if (!row) throw antsError('NOT_FOUND');
    if (!inStateSet('dataEditable', row.state)) {
      throw antsError('TRANSITION_REFUSED', 'La demande a été validée : elle ne peut plus être modifiée.');
    }
    if (request.type !== row.type) {
      throw antsError('DATA_ERROR', API_ERRORS.DATA_ERROR.title, [
        {
          path: 'type',
          message: 'Le type de la demande ne se modifie pas : supprimez-la et créez la demande du bon type.',
        },
      ]);
    }
    // An ePhoto is the photo of the person it was taken for: it goes before the identity changes.
    const before = row.candidate as Request['candidate'];
    const identityChanged =
      request.candidate.birthName.toUpperCase() !== before.birthName.toUpperCase() ||
      request.candidate.firstName.toUpperCase() !== before.firstName.toUpperCase() ||
      request.candidate.birthDate !== before.birthDate;
    if (identityChanged && row.ephotoCode) {
      throw antsError(
        'TRANSITION_REFUSED',
        'Un code ePhoto est associé à ce candidat : retirez-le avant de modifier son nom, son prénom ou sa date de naissance.',
      );
    }
    // The candidate record this draft alone made (never invited nor activated, no other demand)
    // follows the corrections; a known candidate is matched as at creation.
    const [candidate] = await tx.select().from(candidates).where(eq(candidates.id, row.candidateId)).limit(1);
    const [other] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.candidateId, row.candidateId), ne(applications.id, row.id)))
      .limit(1);
    // Never an account its candidate holds (activated, or opened by FranceConnect): only they change it.
    const madeByThisDraft =
      candidate && !candidate.invitedAt && !candidate.activatedAt && candidate.franceConnectSub === null && !other;
    const ownCandidateId = madeByThisDraft ? candidate.id : undefined;
    const candidateId = await candidateFor(tx, schoolId, request, { applicationId: row.id, ownCandidateId });
    const [updated] = await tx
      .update(applications)
      .set({
        candidateId,
        candidate: request.candidate,
        legalRepresentative: request.legalRepresentative,
        dossier: request.dossier,
        paperMandate: request.paperMandate,
        updatedAt: new Date(),
      })
      .where(eq(applications.id, row.id))
      .returning();
    if (ownCandidateId && candidateId !== ownCandidateId) {
      // Matched to a known candidate: the record this draft made serves nothing any more.
      await tx
        .delete(candidates)
        .where(
          and(
            eq(candidates.id, ownCandidateId),
            notExists(tx.select().from(ephotoCodes).where(eq(ephotoCodes.candidateId, ownCandidateId))),
          ),
        );
    }
    await recordAudit(tx, {
      by: schoolAudit(school),
      action: 'application.update',
      target: 'application',
      targetId: row.id,
    });
    await recordChange(tx, row.id, [schoolId]);
    return updated!;
  });
}
