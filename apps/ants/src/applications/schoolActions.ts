import { actionAllowed, type TransferRequest } from '@permis/ants-api';
import type { AntsDb } from '../db/index.ts';
import type { SchoolActor } from '../domain/actor.ts';
import { findOwnApplication } from './find.ts';
import { transition } from './machine.ts';
import { createTransfers } from './transfer.ts';
import { validateApplication } from './validate.ts';
import { toView } from './view.ts';

/** What follows a committed change: the candidate invited (with a link, never stored). */
export type SchoolActionHooks = {
  onAwaitingCandidate(applicationId: string): Promise<void>;
};

/**
 * What a school does to its demands, whichever door it comes through (its software's professional
 * API, or its professional space on the agency's site): the same checks, the same state machine, the
 * same errors, the same notices to the candidate and pushes to the school.
 */
export function createSchoolActions(services: { db: AntsDb; hooks: SchoolActionHooks }) {
  const { db, hooks } = services;
  const actor = (school: SchoolActor) => ({ type: 'school' as const, id: school.id, userId: school.userId });
  const transfers = createTransfers(db);
  return {
    async validate(school: SchoolActor, number: string) {
      const row = await findOwnApplication(db, school.id, number);
      const updated = await validateApplication(db, row, school);
      if (actionAllowed('confirm', updated.state)) await hooks.onAwaitingCandidate(updated.id);
      return toView(updated);
    },
    async remove(school: SchoolActor, number: string) {
      const row = await findOwnApplication(db, school.id, number);
      return toView(await db.transaction((tx) => transition(tx, row, 'delete', actor(school))));
    },
    /** "Dossier à traiter": once the school has sent what the agent asked for, back to instruction. */
    async complete(school: SchoolActor, number: string) {
      const row = await findOwnApplication(db, school.id, number);
      return toView(await db.transaction((tx) => transition(tx, row, 'complete', actor(school))));
    },
    /** Transfer: the demand comes to this school for the candidate its fiche names (number + agrément). */
    async transfer(school: SchoolActor, ip: string, request: TransferRequest) {
      // The candidate's news of it is written in the transfer's own transaction (transfer.ts).
      return toView(await transfers.transfer(school, ip, request));
    },
  };
}

export type SchoolActions = ReturnType<typeof createSchoolActions>;
