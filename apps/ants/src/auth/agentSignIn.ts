import { createLoginThrottle, verifyPassword } from '@permis/platform';
import { eq } from 'drizzle-orm';
import type { AntsDb } from '../db/index.ts';
import { agents } from '../db/schema.ts';
import { agentAudit } from '../domain/actor.ts';
import { recordAudit } from '../domain/audit.ts';
import { antsError } from '../domain/errors.ts';

const AGENT_WRONG_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';

/**
 * An agent's sign-in: counted per login and address (a wrong password, an unknown or disabled
 * login alike), audited when it succeeds. Answers the agent's id, or refuses with one message.
 */
export function createAgentSignIn(db: AntsDb) {
  const throttle = createLoginThrottle(db, { scope: 'agent' });
  return async (ip: string, { login, password }: { login: string; password: string }): Promise<string> => {
    await throttle.assertAllowed(ip, login);
    const [row] = await db.select().from(agents).where(eq(agents.login, login.toLowerCase())).limit(1);
    const ok = await verifyPassword(row?.passwordHash, password);
    if (!row || !ok || !row.active) {
      await throttle.recordFailure(ip, login);
      throw antsError('WRONG_CREDENTIALS', AGENT_WRONG_CREDENTIALS);
    }
    await throttle.recordSuccess(ip, login);
    await recordAudit(db, { by: agentAudit(row.id), action: 'login', target: 'agent', targetId: row.id });
    return row.id;
  };
}
