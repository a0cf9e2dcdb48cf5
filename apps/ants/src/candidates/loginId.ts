import { like } from 'drizzle-orm';
import type { AntsTx } from '../db/index.ts';
import { candidates } from '../db/schema.ts';

/** "camille.martin", or "camille.martin2", … when taken: readable, ASCII, unique. */
export async function freeLoginId(tx: AntsTx, firstName: string, lastName: string): Promise<string> {
  const ascii = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z]+/g, '-')
      .replace(/^-|-$/g, '');
  const base = `${ascii(firstName)}.${ascii(lastName)}`;
  const taken = new Set(
    (
      await tx
        .select({ id: candidates.loginId })
        .from(candidates)
        .where(like(candidates.loginId, `${base}%`))
    ).map((r) => r.id),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}
