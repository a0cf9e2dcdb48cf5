import { hashPassword, type SecretBox } from '@permis/platform';
import { DEFAULT_RIGHTS, RIGHT_CODES, type Right, type Role } from '../auth/rights.ts';
import type { SchoolDb } from '../db/index.ts';
import { offices, schools, students, userRights, users } from '../db/schema.ts';

/**
 * Demo data for `npm start` on an empty database. The offices' ANTS credentials match the
 * professional accounts seeded on the national service (apps/ants/src/seed/demo.ts).
 */
export const DEMO_SCHOOL_USERS: {
  login: string;
  password: string;
  role: Role;
  firstName: string;
  lastName: string;
  rights: Right[];
}[] = [
  {
    login: 'dirigeant',
    password: 'Dirigeant-2026!',
    role: 'dirigeant',
    firstName: 'Julien',
    lastName: 'BRENAC',
    rights: DEFAULT_RIGHTS.dirigeant,
  },
  {
    login: 'secretaire',
    password: 'Secretaire-2026!',
    role: 'secretaire',
    firstName: 'Camille',
    lastName: 'MARTIN',
    rights: ['ants_validate_application', 'ants_delete_application'],
  },
  {
    login: 'moniteur',
    password: 'Moniteur-2026!',
    role: 'moniteur',
    firstName: 'Paul',
    lastName: 'DURAND',
    rights: [],
  },
];

export const DEMO_OFFICES = [
  {
    name: 'BREQUIGNY',
    addressLine: '12 boulevard Albert 1er',
    postalCode: '35200',
    city: 'RENNES',
    phone: '02 99 00 00 01',
    cerfaAgrement: 'E1703500010',
    antsLogin: 'brequigny35',
    antsPassword: 'Brequigny35!ants',
    prefectureCode: '35238',
  },
  {
    name: 'SAINT-PRIEST',
    addressLine: '4 place Charles Ottina',
    postalCode: '69800',
    city: 'SAINT-PRIEST',
    phone: '04 78 00 00 02',
    cerfaAgrement: 'E1706900030',
    antsLogin: 'claboret662',
    antsPassword: '3cfBelfort!',
    prefectureCode: '69123',
  },
];

export async function isEmpty(db: SchoolDb): Promise<boolean> {
  const rows = await db.select({ id: schools.id }).from(schools).limit(1);
  return rows.length === 0;
}

export async function seedDemo(db: SchoolDb, box: SecretBox): Promise<void> {
  const hashes = await Promise.all(DEMO_SCHOOL_USERS.map((u) => hashPassword(u.password)));
  await db.transaction(async (tx) => {
    const [school] = await tx.insert(schools).values({ name: 'Auto-école du Parc' }).returning();
    const schoolId = school!.id;
    const officeRows = await tx
      .insert(offices)
      .values(
        DEMO_OFFICES.map(({ antsPassword, ...o }) => ({ ...o, schoolId, antsPasswordSealed: box.seal(antsPassword) })),
      )
      .returning();
    const [brequigny, saintPriest] = officeRows as [typeof offices.$inferSelect, typeof offices.$inferSelect];
    for (const [i, u] of DEMO_SCHOOL_USERS.entries()) {
      const [user] = await tx
        .insert(users)
        .values({
          schoolId,
          officeId: brequigny.id,
          login: u.login,
          email: `${u.login}@auto-ecole-du-parc.fr`,
          firstName: u.firstName,
          lastName: u.lastName,
          role: u.role,
          passwordHash: hashes[i]!,
        })
        .returning();
      await tx
        .insert(userRights)
        .values(RIGHT_CODES.map((right) => ({ userId: user!.id, right, granted: u.rights.includes(right) })));
    }
    await tx.insert(students).values([
      {
        schoolId,
        officeId: brequigny.id,
        sex: 'F',
        birthName: 'LABORET',
        firstName: 'Christine',
        otherFirstNames: 'Marie',
        birthDate: '2005-03-14',
        birthCity: 'RENNES',
        birthDepartment: '35',
        birthCountry: 'FRANCE',
        addressLine: '8 rue de Nantes',
        postalCode: '35000',
        city: 'RENNES',
        email: 'christine.laboret@example.fr',
        mobile: '0612345678',
      },
      {
        schoolId,
        officeId: brequigny.id,
        sex: 'M',
        birthName: 'BRENACK',
        firstName: 'Julien',
        birthDate: '2008-06-02',
        birthCity: 'PARIS',
        birthDepartment: '75',
        birthCountry: 'FRANCE',
        addressLine: '3 allée des Tilleuls',
        postalCode: '35200',
        city: 'RENNES',
        email: 'julien.brenack@example.fr',
        mobile: '0698765432',
      },
      {
        schoolId,
        officeId: saintPriest.id,
        sex: 'F',
        birthName: 'LABORETA',
        firstName: 'Camille',
        birthDate: '2006-11-23',
        birthCity: 'LYON',
        birthDepartment: '69',
        birthCountry: 'FRANCE',
        addressLine: '15 rue Aristide Briand',
        postalCode: '69800',
        city: 'ST PRIEST',
        email: 'camille.laboreta@example.fr',
        mobile: '0711223344',
      },
      {
        schoolId,
        officeId: saintPriest.id,
        sex: 'M',
        birthName: "N'DIAYE",
        firstName: 'Moussa',
        birthDate: '2004-01-30',
        birthCity: 'DAKAR',
        birthDepartment: '',
        birthCountry: 'SENEGAL',
        addressLine: '27 avenue Jean Jaurès',
        postalCode: '69800',
        city: 'SAINT-PRIEST',
        email: 'moussa.ndiaye@example.fr',
        mobile: '0655443322',
      },
      {
        schoolId,
        officeId: brequigny.id,
        sex: 'F',
        birthName: 'LE GOFF',
        usageName: 'LE GOFF-ŒUVRARD',
        firstName: 'Zoé',
        birthDate: '1998-09-09',
        birthCity: "L'HAŸ-LES-ROSES",
        birthDepartment: '94',
        birthCountry: 'FRANCE',
        addressLine: '2 rue Saint-Hélier',
        postalCode: '35000',
        city: 'RENNES',
        email: 'zoe.legoff@example.fr',
        mobile: '0600112233',
      },
    ]);
  });
}
