import { hashPassword, sha256 } from '@permis/platform';
import type { AntsDb } from '../db/index.ts';
import { agents, ephotoCodes, photoBooths, proAccounts } from '../db/schema.ts';
import { demoPortrait, demoSignature } from '../ephoto/demoImages.ts';

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

/** An approved photo booth and the ePhoto codes it issued, ready to be typed in a Dossier 02-06. */
export const DEMO_BOOTH = { name: 'Cabine agréée — Gare de Rennes', key: 'cabine-demo-rennes-0123456789abcdef' };
export const DEMO_EPHOTO_CODES = [
  'EPH2026RENNES000000001',
  'EPH2026RENNES000000002',
  'EPH2026RENNES000000003',
  'EPH2026RENNES000000004',
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
    const [booth] = await tx
      .insert(photoBooths)
      .values({ name: DEMO_BOOTH.name, address: 'Place de la Gare, 35000 RENNES', apiKeyHash: sha256(DEMO_BOOTH.key) })
      .returning();
    const expiresAt = new Date(Date.now() + 183 * 24 * 3600 * 1000);
    await tx.insert(ephotoCodes).values(
      DEMO_EPHOTO_CODES.map((code, i) => ({
        code,
        boothId: booth!.id,
        photo: demoPortrait(i * 37),
        signature: demoSignature(i + 1),
        expiresAt,
      })),
    );
  });
}
