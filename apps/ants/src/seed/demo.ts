import { hashPassword } from '@permis/platform';
import type { AntsDb } from '../db/index.ts';
import { agents, proAccounts } from '../db/schema.ts';

/**
 * Demo data for `npm start` on an empty database: the professional accounts match the offices
 * seeded in the school back office (apps/school/src/seed/demo.ts), and one instructing agent.
 */
export const DEMO_PRO_ACCOUNTS = [
  {
    agrementNumber: 'E1703500010',
    login: 'brequigny35',
    password: 'Brequigny35!ants',
    schoolName: 'Auto-école du Parc — BREQUIGNY',
    addressLine: '12 boulevard Albert 1er',
    postalCode: '35200',
    city: 'RENNES',
    email: 'brequigny@auto-ecole-du-parc.fr',
  },
  {
    agrementNumber: 'E1706900030',
    login: 'claboret662',
    password: '3cfBelfort!',
    schoolName: 'Auto-école du Parc — SAINT-PRIEST',
    addressLine: '4 place Charles Ottina',
    postalCode: '69800',
    city: 'SAINT-PRIEST',
    email: 'saint-priest@auto-ecole-du-parc.fr',
  },
];

export const DEMO_AGENTS = [
  {
    login: 'agent.cert',
    password: 'Instruction-2026!',
    firstName: 'Sophie',
    lastName: 'LEROY',
    service: 'CERT de Nantes',
  },
];

export async function isEmpty(db: AntsDb): Promise<boolean> {
  return (await db.select({ id: proAccounts.id }).from(proAccounts).limit(1)).length === 0;
}

export async function seedDemo(db: AntsDb): Promise<void> {
  const pros = await Promise.all(
    DEMO_PRO_ACCOUNTS.map(async ({ password, ...a }) => ({ ...a, passwordHash: await hashPassword(password) })),
  );
  const agentRows = await Promise.all(
    DEMO_AGENTS.map(async ({ password, ...a }) => ({ ...a, passwordHash: await hashPassword(password) })),
  );
  await db.transaction(async (tx) => {
    await tx.insert(proAccounts).values(pros);
    await tx.insert(agents).values(agentRows);
  });
}
