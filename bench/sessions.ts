import { testClient } from '@permis/platform/testing';
import { sql } from 'drizzle-orm';
import { LOGIN, startSchool } from '../apps/school/test/harness.ts';
import { measure, type Row } from './stats.ts';

/**
 * Sign-in (argon2id dominates, by design) and an authenticated request (session lookup + user
 * load), compared with a bare `select 1` on the same database in the same run.
 */
export async function sessionsScenario(): Promise<Row[]> {
  const school = await startSchool();
  try {
    const client = testClient(school.app);
    const login = await measure(20, () => client.login('/api/auth/login', LOGIN.secretaire));
    const session = await measure(300, () => client.get('/api/auth/session'));
    const bare = await measure(300, () => school.db.execute(sql`select 1`));
    const f = (n: number) => `${n.toFixed(2)} ms`;
    return [
      // argon2id is slow on purpose (a guessed password costs the guesser), but a person signing in
      // must not wait: a second at worst.
      {
        scenario: 'connexion (argon2id + session)',
        figure: `p50 ${f(login.p50)}, p99 ${f(login.p99)}`,
        target: 'p99 < 1 000 ms',
        met: login.p99 < 1000,
      },
      {
        scenario: 'requête authentifiée (session)',
        figure: `p50 ${f(session.p50)}, p99 ${f(session.p99)}; ${(session.p50 / bare.p50).toFixed(1)}× un select 1 (${f(bare.p50)})`,
        target: 'p99 < 10 ms',
        met: session.p99 < 10,
      },
    ];
  } finally {
    await school.close();
  }
}
