import { randomInt } from 'node:crypto';
import { type ApplicationType, parisClock, parisStamp } from '@permis/ants-api';
import { prepared } from '@permis/platform';
import { sql } from 'drizzle-orm';
import type { AntsSession, AntsTx } from '../db/index.ts';
import { applications } from '../db/schema.ts';
import type { ApplicationRow } from './machine.ts';

/**
 * The application number, in the agency's long form (seed 000: 92120170901163417755443): a
 * three-digit prefix (901 for a Cerfa 02, 921 for a Cerfa 06), the creation time in Paris
 * (yyyyMMddHHmmss) and six random digits — 23 digits. The digits are random, not counted, so a
 * school's own numbers tell it nothing of other schools' numbers nor of how many were made.
 */
export function applicationNumber(type: ApplicationType, now = new Date()): string {
  const stamp = parisStamp(parisClock(now));
  return `${type === '02' ? '901' : '921'}${stamp}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

/** Draws beyond this many taken numbers in a row mean something else is wrong (a broken generator). */
const MAX_DRAWS = 20;

type NewApplication = Pick<
  typeof applications.$inferInsert,
  | 'type'
  | 'proAccountId'
  | 'candidateId'
  | 'candidate'
  | 'legalRepresentative'
  | 'dossier'
  | 'paperMandate'
  | 'idempotencyKey'
  | 'requestHash'
>;

const { placeholder } = sql;
/** Built once: every creation runs it (issue 17). */
const insertNew = prepared((on: AntsSession) =>
  on
    .insert(applications)
    .values({
      number: placeholder('number'),
      type: placeholder('type'),
      proAccountId: placeholder('proAccountId'),
      candidateId: placeholder('candidateId'),
      candidate: placeholder('candidate'),
      legalRepresentative: placeholder('legalRepresentative'),
      dossier: placeholder('dossier'),
      paperMandate: placeholder('paperMandate'),
      idempotencyKey: placeholder('idempotencyKey'),
      requestHash: placeholder('requestHash'),
    })
    .onConflictDoNothing({ target: applications.number })
    .returning()
    .prepare('insert_application'),
);

/**
 * Inserts a new application under a number no other holds. Two creations in one second draw the
 * same six digits about once in 2,000 pairs (1,000 a second: every other second), so a number
 * already taken is drawn again in the same transaction: `ON CONFLICT (number) DO NOTHING` leaves
 * the transaction usable, and any other unique violation (the idempotency key) still raises.
 */
export async function insertApplication(
  tx: AntsTx,
  values: NewApplication,
  draw: (type: ApplicationType) => string = applicationNumber,
): Promise<ApplicationRow> {
  const row = {
    ...values,
    proAccountId: values.proAccountId ?? null,
    // A placeholder's jsonb is JSON.stringify'd: undefined (no value, SQL NULL), never null (JSON null).
    legalRepresentative: values.legalRepresentative ?? undefined,
    paperMandate: values.paperMandate ?? false,
    idempotencyKey: values.idempotencyKey ?? null,
    requestHash: values.requestHash ?? null,
  };
  for (let attempt = 0; attempt < MAX_DRAWS; attempt++) {
    const [inserted] = await insertNew(tx).execute({ ...row, number: draw(values.type) });
    if (inserted) return inserted;
  }
  throw new Error(`no free application number after ${MAX_DRAWS} draws`);
}
