import { hashPassword } from '@permis/platform';
import { testClient } from '@permis/platform/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offices, schools, students, userRights, users } from '../src/db/schema.ts';
import { LOGIN, startSchool } from './harness.ts';

/**
 * Who may call each route of the school back office. A route missing here fails the test: every
 * new route is given its rule on purpose.
 */
type Rule = 'public' | 'signed' | 'user' | 'dirigeant' | `right:${string}`;
const RULES: Record<string, Rule> = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'GET /api/auth/session': 'user',
  'POST /api/ants/webhook/:officeId': 'signed',
  'GET /api/dirigeant/users': 'dirigeant',
  'POST /api/dirigeant/users': 'dirigeant',
  'GET /api/dirigeant/users/:id/rights': 'dirigeant',
  'PUT /api/dirigeant/users/:id/rights': 'dirigeant',
  'GET /api/dirigeant/offices': 'dirigeant',
  'POST /api/dirigeant/offices': 'dirigeant',
  'PUT /api/dirigeant/offices/:id': 'dirigeant',
  'POST /api/dirigeant/offices/:id/prefectures': 'dirigeant',
  'GET /api/offices': 'user',
  'GET /api/students': 'user',
  'POST /api/students': 'user',
  'PUT /api/students/:id': 'user',
  'GET /api/students/:id': 'user',
  'GET /api/students/:id/dossier': 'user',
  'PUT /api/students/:id/dossier': 'user',
  'PUT /api/students/:id/places': 'user',
  'GET /api/students/:id/documents': 'user',
  'POST /api/students/:id/documents': 'user',
  'GET /api/students/:id/documents/:documentId': 'user',
  'DELETE /api/students/:id/documents/:documentId': 'user',
  'GET /api/students/:id/online': 'user',
  'GET /api/students/:id/online/prefectures': 'user',
  'GET /api/students/:id/cerfa/:type': 'user',
  'POST /api/students/:id/online': 'user',
  'POST /api/students/:id/online/:number/refresh': 'user',
  'POST /api/students/:id/online/transfer': 'user',
  'POST /api/students/:id/online/:number/validate': 'right:ants_validate_application',
  'POST /api/students/:id/online/:number/complete': 'right:ants_validate_application',
  'DELETE /api/students/:id/online/:number': 'right:ants_delete_application',
  'POST /api/students/:id/online/:number/recreate': 'right:ants_delete_application',
  'GET /api/students/:id/online/:number/pieces': 'user',
  'POST /api/students/:id/online/:number/pieces/:kind': 'user',
  'POST /api/students/:id/online/:number/pieces/:kind/from-document': 'user',
  'GET /api/students/:id/online/:number/pieces/files/:fileId': 'user',
  'DELETE /api/students/:id/online/:number/pieces/files/:fileId': 'user',
  'PUT /api/students/:id/online/:number/ephoto': 'user',
  'GET /api/students/:id/online/:number/ephoto': 'user',
  'GET /api/students/:id/online/:number/ephoto/:image': 'user',
  'DELETE /api/students/:id/online/:number/ephoto': 'right:ants_delete_ephoto',
  'GET /api/students/:id/online/:number/documents': 'user',
  'GET /api/students/:id/online/:number/documents/:kind': 'user',
  'GET /api/admin/online-applications': 'user',
  'GET /api/admin/online-applications/export': 'user',
  'POST /api/admin/offices/:officeId/sync': 'user',
  'GET /api/admin/offices/:officeId/sync': 'user',
  'POST /api/admin/online-applications/:number/link': 'user',
  'GET /api/admin/online-applications/stats': 'user',
  'GET /api/referentiel/towns': 'user',
  'GET /api/referentiel/departments': 'user',
  'GET /api/referentiel/countries': 'user',
  'POST /api/referentiel/check-places': 'user',
};

const RIGHTS: Record<string, string[]> = {
  dirigeant: ['ants_validate_application', 'ants_delete_application', 'ants_delete_ephoto'],
  secretaire: ['ants_validate_application', 'ants_delete_application'],
  moniteur: [],
};

let school: Awaited<ReturnType<typeof startSchool>>;
let ids: { student: string; office: string; user: string };
beforeAll(async () => {
  school = await startSchool();
  const [student] = await school.db.select().from(students).limit(1);
  const [office] = await school.db.select().from(offices).where(eq(offices.id, student!.officeId));
  const [user] = await school.db.select().from(users).where(eq(users.login, 'moniteur'));
  ids = { student: student!.id, office: office!.id, user: user!.id };
  // Another school, with its own dirigeant.
  const [other] = await school.db.insert(schools).values({ name: 'Autre auto-école' }).returning();
  const [otherOffice] = await school.db.insert(offices).values({ schoolId: other!.id, name: 'AILLEURS' }).returning();
  const [otherDirigeant] = await school.db
    .insert(users)
    .values({
      schoolId: other!.id,
      officeId: otherOffice!.id,
      login: 'autre.dirigeant',
      email: 'autre@example.fr',
      firstName: 'Autre',
      lastName: 'DIRIGEANT',
      role: 'dirigeant',
      passwordHash: await hashPassword('Autre-Dirigeant-2026!'),
    })
    .returning();
  // With every right: what stops it is the school, not a missing right.
  await school.db
    .insert(userRights)
    .values(RIGHTS.dirigeant!.map((right) => ({ userId: otherDirigeant!.id, right, granted: true })));
});
afterAll(async () => {
  await school.close();
});

/** The route's address with school A's resources in its parameters. */
function address(url: string): string {
  return url
    .replace(
      ':id',
      url.startsWith('/api/dirigeant/users')
        ? ids.user
        : url.startsWith('/api/dirigeant/offices')
          ? ids.office
          : ids.student,
    )
    .replace(':officeId', ids.office)
    .replace(':documentId', crypto.randomUUID())
    .replace(':fileId', crypto.randomUUID())
    .replace(':number', '92120260101000000000001')
    .replace(':kind', 'identity')
    .replace(':image', 'photo')
    .replace(':type', '02');
}

describe('security matrix of the school back office', () => {
  it('lists every route', async () => {
    await school.app.ready();
    const routes = school.app.routeList.map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((route) => !(route in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((route) => !routes.includes(route))).toEqual([]);
  });

  it('answers each role as its rule says, and never 500', async () => {
    const sessions = {
      anonymous: testClient(school.app),
      dirigeant: testClient(school.app),
      secretaire: testClient(school.app),
      moniteur: testClient(school.app),
      otherSchool: testClient(school.app),
    };
    await sessions.dirigeant.login('/api/auth/login', LOGIN.dirigeant);
    await sessions.secretaire.login('/api/auth/login', LOGIN.secretaire);
    await sessions.moniteur.login('/api/auth/login', LOGIN.moniteur);
    await sessions.otherSchool.login('/api/auth/login', {
      login: 'autre.dirigeant',
      password: 'Autre-Dirigeant-2026!',
    });

    const failures: string[] = [];
    for (const [route, rule] of Object.entries(RULES)) {
      if (route === 'POST /api/auth/logout' || route === 'POST /api/auth/login') continue;
      const [method, url] = route.split(' ') as [string, string];
      for (const [role, client] of Object.entries(sessions)) {
        const response = await client.request({
          method: method as 'GET',
          url: address(url),
          payload: method === 'GET' || method === 'DELETE' ? undefined : {},
        });
        const status = response.statusCode;
        const allowed =
          rule === 'public' ||
          (rule === 'user' && role !== 'anonymous') ||
          (rule === 'dirigeant' && (role === 'dirigeant' || role === 'otherSchool')) ||
          (rule.startsWith('right:') && (role === 'otherSchool' || (RIGHTS[role] ?? []).includes(rule.slice(6))));
        const hasResource = /:(id|officeId)\b/.test(url);
        let expected: string;
        // 503 is the national service being unreachable here: a clear answer, not a crash.
        if (status >= 500 && status !== 503) expected = 'no 500';
        else if (rule === 'signed') expected = status === 401 ? '' : '401';
        else if (!allowed)
          expected =
            role === 'anonymous' ? (status === 401 ? '' : '401') : [401, 403].includes(status) ? '' : '401/403';
        else if (role === 'otherSchool' && hasResource)
          expected = status === 404 || status === 400 ? '' : '404 (another school)';
        else expected = [401, 403].includes(status) ? 'access' : '';
        if (expected) failures.push(`${route} as ${role}: ${status}, expected ${expected}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
