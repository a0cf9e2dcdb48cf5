import type { Candidate } from '@permis/ants-api';
import { and, eq, isNotNull, isNull, ne, or } from 'drizzle-orm';
import { typedCivilIdentity } from '../applications/create.ts';
import type { AntsTx } from '../db/index.ts';
import { candidates } from '../db/schema.ts';

/**
 * The person swore a demand on honour (decision 0016): its état civil becomes the account's, the one
 * a school's later demand is compared with. FranceConnect's, the stronger proof, is never replaced.
 * `typed` is the school's demand's candidate; without it (their own demand) the account's stands.
 */
export async function attestIdentity(tx: AntsTx, candidateId: string, typed?: Candidate): Promise<void> {
  await tx
    .update(candidates)
    .set({ ...(typed && typedCivilIdentity(typed)), identityVia: 'attestation' })
    .where(
      and(
        eq(candidates.id, candidateId),
        or(isNull(candidates.identityVia), ne(candidates.identityVia, 'franceconnect')),
        // Sworn only in a session the email or FranceConnect opened (never by credentials no proof made).
        or(isNotNull(candidates.credentialsVia), isNotNull(candidates.franceConnectSub)),
      ),
    );
}
