import { parisClock } from '@permis/ants-api';
import { sql } from 'drizzle-orm';
import type { AntsTx } from '../db/index.ts';
import { nephSequences } from '../db/schema.ts';

/**
 * The NEPH (numéro d'enregistrement préfectoral harmonisé), 12 digits: the two digits of the year
 * of registration, the two digits of the préfecture's département (Corsica 20, overseas 97/98),
 * then an order number of 8 digits kept per year and département.
 */
export async function nextNeph(tx: AntsTx, department: string, now = new Date()): Promise<string> {
  const year = String(parisClock(now).year % 100).padStart(2, '0');
  const dept = /^2[AB]$/.test(department) ? '20' : department.slice(0, 2).padStart(2, '0');
  const [row] = await tx
    .insert(nephSequences)
    .values({ year, department: dept, last: 1 })
    .onConflictDoUpdate({
      target: [nephSequences.year, nephSequences.department],
      set: { last: sql`${nephSequences.last} + 1` },
    })
    .returning({ last: nephSequences.last });
  return `${year}${dept}${String(row!.last).padStart(8, '0')}`;
}
