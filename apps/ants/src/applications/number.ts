import { randomInt } from 'node:crypto';
import type { ApplicationType } from '@permis/ants-api';
import type { AntsTx } from '../db/index.ts';
import { applications } from '../db/schema.ts';
import type { ApplicationRow } from './machine.ts';

// Built once: building an Intl formatter took 5 % of a creation's CPU (issue 17's profile).
const PARIS_STAMP = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * The application number, in the agency's long form (seed 000: 92120170901163417755443): a
 * three-digit prefix (901 for a Cerfa 02, 921 for a Cerfa 06), the creation time in Paris
 * (yyyyMMddHHmmss) and six random digits — 23 digits. The digits are random, not counted, so a
 * school's own numbers tell it nothing of other schools' numbers nor of how many were made.
 */
export function applicationNumber(type: ApplicationType, now = new Date()): string {
  const parts = Object.fromEntries(PARIS_STAMP.formatToParts(now).map((p) => [p.type, p.value]));
  const stamp = `${parts.year}${parts.month}${parts.day}${parts.hour}${parts.minute}${parts.second}`;
  return `${type === '02' ? '901' : '921'}${stamp}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

/** Draws beyond this many taken numbers in a row mean something else is wrong (a broken generator). */
const MAX_DRAWS = 20;

/**
 * Inserts a new application under a number no other holds. Two creations in one second draw the
 * same six digits about once in 2,000 pairs (1,000 a second: every other second), so a number
 * already taken is drawn again in the same transaction: `ON CONFLICT (number) DO NOTHING` leaves
 * the transaction usable, and any other unique violation (the idempotency key) still raises.
 */
export async function insertApplication(
  tx: AntsTx,
  values: Omit<typeof applications.$inferInsert, 'number'>,
  draw: (type: ApplicationType) => string = applicationNumber,
): Promise<ApplicationRow> {
  for (let attempt = 0; attempt < MAX_DRAWS; attempt++) {
    const [inserted] = await tx
      .insert(applications)
      .values({ ...values, number: draw(values.type) })
      .onConflictDoNothing({ target: applications.number })
      .returning();
    if (inserted) return inserted;
  }
  throw new Error(`no free application number after ${MAX_DRAWS} draws`);
}
