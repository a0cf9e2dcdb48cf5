import { hashPassword } from '@permis/platform';
import { eq } from 'drizzle-orm';
import type { AntsDb } from '../db/index.ts';
import { candidates } from '../db/schema.ts';
import { antsError } from '../domain/errors.ts';
import { auditCandidate } from './audit.ts';
import { linkCandidate, useLink } from './links.ts';
import { freeLoginId } from './loginId.ts';
import { assertNewPassword, type SECRET_QUESTIONS } from './questions.ts';

const LINK_GONE =
  "Ce lien d'activation n'est plus valable : il a déjà servi ou a expiré. Sans activation dans les 7 jours, le compte et la demande sont supprimés ; votre école de conduite devra recommencer la démarche.";

type Candidate = typeof candidates.$inferSelect;

/** What the candidate chooses on the activation page. */
export type Activation = {
  sex: 'F' | 'M';
  password: string;
  passwordConfirmation: string;
  secretQuestion: (typeof SECRET_QUESTIONS)[number];
  secretAnswer: string;
};

/** The candidate an activation link is for, while it may still activate the account; 410 otherwise. */
export async function activationCandidate(db: AntsDb, token: string): Promise<Candidate> {
  const candidate = await linkCandidate(db, token, 'activation');
  if (!candidate || candidate.activatedAt) throw antsError('LINK_GONE', LINK_GONE);
  return candidate;
}

/** Activates the account the school's validation made: its login identifier is chosen and answered. */
export async function activateCandidate(db: AntsDb, token: string, body: Activation) {
  const candidate = await activationCandidate(db, token);
  assertNewPassword(body.password, body.passwordConfirmation, [candidate.firstName, candidate.birthName]);

  const [passwordHash, secretAnswerHash] = await Promise.all([
    hashPassword(body.password),
    hashPassword(body.secretAnswer.toLowerCase()),
  ]);
  const loginId = await db.transaction(async (tx) => {
    // Single use: the first activation with this link wins, a second one finds it used.
    if (!(await useLink(tx, token))) throw antsError('LINK_GONE', LINK_GONE);
    const id = await freeLoginId(tx, candidate.firstName, candidate.birthName);
    await tx
      .update(candidates)
      .set({
        sex: body.sex,
        loginId: id,
        passwordHash,
        secretQuestion: body.secretQuestion,
        secretAnswerHash,
        // The link was mailed to the account's address: whoever opened it controls that email.
        credentialsVia: 'email',
        activatedAt: new Date(),
      })
      .where(eq(candidates.id, candidate.id));
    await auditCandidate(tx, candidate.id, 'candidate.activate');
    return id;
  });
  return { candidate, loginId };
}
