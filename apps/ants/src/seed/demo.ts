import { hashPassword, sha256 } from '@permis/platform';
import type { AntsDb } from '../db/index.ts';
import { agents, ephotoCodes, photoBooths, proAccounts, proUsers } from '../db/schema.ts';
import { demoPortrait, demoSignature } from '../ephoto/demoImages.ts';

/**
 * Demo data for `npm start` on an empty database: the professional accounts match the offices
 * seeded in the school back office (apps/school/src/seed/demo.ts), and one instructing agent.
 * Each account's first user is its manager (« gestionnaire »), whose credentials the back office
 * stores; BREQUIGNY has a second person, who signs in with a login of her own.
 */
export const DEMO_PRO_ACCOUNTS = [
  {
    agrementNumber: 'E1703500010',
    schoolName: 'Auto-école du Parc — BREQUIGNY',
    addressLine: '12 boulevard Albert 1er',
    postalCode: '35200',
    city: 'RENNES',
    email: 'brequigny@auto-ecole-du-parc.fr',
    users: [
      {
        login: 'brequigny35',
        password: 'Brequigny35!ants',
        firstName: 'Julien',
        lastName: 'BRENAC',
        email: 'brequigny@auto-ecole-du-parc.fr',
        manager: true,
      },
      {
        login: 'cmartin35',
        password: 'Secretariat35!ants',
        firstName: 'Camille',
        lastName: 'MARTIN',
        email: 'c.martin@auto-ecole-du-parc.fr',
        manager: false,
      },
    ],
  },
  {
    agrementNumber: 'E1706900030',
    schoolName: 'Auto-école du Parc — SAINT-PRIEST',
    addressLine: '4 place Charles Ottina',
    postalCode: '69800',
    city: 'SAINT-PRIEST',
    email: 'saint-priest@auto-ecole-du-parc.fr',
    users: [
      {
        login: 'claboret662',
        password: '3cfBelfort!',
        firstName: 'Claire',
        lastName: 'LABORET',
        email: 'saint-priest@auto-ecole-du-parc.fr',
        manager: true,
      },
    ],
  },
];

type DemoProAccount = Omit<(typeof DEMO_PRO_ACCOUNTS)[number], 'users'> & {
  users: { login: string; password: string; firstName: string; lastName: string; email: string; manager: boolean }[];
};

/** One establishment and its users (passwords hashed here): the demo's, or a test's extra school. */
export async function insertProAccount(db: Pick<AntsDb, 'insert'>, { users, ...account }: DemoProAccount) {
  const hashed = await Promise.all(
    users.map(async ({ password, ...u }) => ({ ...u, passwordHash: await hashPassword(password) })),
  );
  const [row] = await db.insert(proAccounts).values(account).returning();
  await db.insert(proUsers).values(hashed.map((u) => ({ ...u, proAccountId: row!.id })));
  return row!;
}

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
  const agentRows = await Promise.all(
    DEMO_AGENTS.map(async ({ password, ...a }) => ({ ...a, passwordHash: await hashPassword(password) })),
  );
  await db.transaction(async (tx) => {
    for (const account of DEMO_PRO_ACCOUNTS) await insertProAccount(tx, account);
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
