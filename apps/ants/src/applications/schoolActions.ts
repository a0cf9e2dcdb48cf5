import type { TransferRequest } from '@permis/ants-api';
import type { AntsServices } from '../services.ts';
import { findOwnApplication } from './find.ts';
import { transition } from './machine.ts';
import { createTransfers } from './transfer.ts';
import { validateApplication } from './validate.ts';
import { toView } from './view.ts';

/**
 * What a school does to its demands, whichever door it comes through (its software's professional
 * API, or its professional space on the agency's site): the same checks, the same state machine, the
 * same errors, the same notices to the candidate and pushes to the school.
 */
export function createSchoolActions(services: Pick<AntsServices, 'db' | 'hooks'>) {
  const { db, hooks } = services;
  const actor = (schoolId: string) => ({ type: 'school' as const, id: schoolId });
  const transfers = createTransfers(db);
  return {
    async validate(schoolId: string, number: string) {
      const row = await findOwnApplication(db, schoolId, number);
      const updated = await validateApplication(db, row, schoolId);
      if (updated.state === 'awaiting_candidate') await hooks.onAwaitingCandidate(updated.id);
      return toView(updated);
    },
    async remove(schoolId: string, number: string) {
      const row = await findOwnApplication(db, schoolId, number);
      return toView(await db.transaction((tx) => transition(tx, row, 'delete', actor(schoolId))));
    },
    /** "Dossier à traiter": once the school has sent what the agent asked for, back to instruction. */
    async complete(schoolId: string, number: string) {
      const row = await findOwnApplication(db, schoolId, number);
      return toView(await db.transaction((tx) => transition(tx, row, 'complete', actor(schoolId))));
    },
    /** Transfer: the demand comes to this school for the candidate its fiche names (number + agrément). */
    async transfer(schoolId: string, ip: string, request: TransferRequest) {
      const moved = await transfers.transfer(schoolId, ip, request);
      await hooks.onTransferred(moved.id);
      return toView(moved);
    },
  };
}

export type SchoolActions = ReturnType<typeof createSchoolActions>;
