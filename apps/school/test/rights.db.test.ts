import { startSmtpSink, testClient } from '@permis/platform/testing';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, schools, students, users } from '../src/db/schema.ts';
import { LOGIN, startSchool } from './harness.ts';

let school: Awaited<ReturnType<typeof startSchool>>;
beforeEach(async () => {
  school = await startSchool();
});
afterEach(async () => {
  await school.close();
});

async function userId(login: string) {
  const [row] = await school.db.select().from(users).where(eq(users.login, login));
  return row!.id;
}
async function anyStudentId() {
  const [row] = await school.db.select().from(students).limit(1);
  return row!.id;
}

describe('Droits utilisateurs (Espace Dirigeant > Connexions)', () => {
  it('shows the three ANTS rights of a user in domain CLIENTS, with their exact labels', async () => {
    const client = testClient(school.app);
    await client.login('/api/auth/login', LOGIN.dirigeant);
    const response = await client.get(`/api/dirigeant/users/${await userId('secretaire')}/rights`);
    expect(response.json()).toMatchObject({
      domain: 'CLIENTS',
      rights: [
        { code: 'ants_delete_ephoto', label: 'ANTS - Supprimer le code ePhoto', granted: false },
        { code: 'ants_delete_application', label: 'ANTS - Supprimer une demande', granted: true },
        { code: 'ants_validate_application', label: 'ANTS - Valider une demande', granted: true },
      ],
    });
  });

  it('lets the dirigeant grant a right, which the user then holds, and audits it', async () => {
    const dirigeant = testClient(school.app);
    await dirigeant.login('/api/auth/login', LOGIN.dirigeant);
    const moniteurId = await userId('moniteur');
    const saved = await dirigeant.put(`/api/dirigeant/users/${moniteurId}/rights`, {
      rights: { ants_validate_application: true },
    });
    expect(saved.statusCode).toBe(200);

    const moniteur = testClient(school.app);
    await moniteur.login('/api/auth/login', LOGIN.moniteur);
    expect((await moniteur.get('/api/auth/session')).json().user.rights).toEqual(['ants_validate_application']);
    const audit = await school.db.select().from(auditEvents).where(eq(auditEvents.targetId, moniteurId));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'user.rights_changed', details: 'ants_validate_application=oui' });
  });

  it('refuses an unknown right', async () => {
    const client = testClient(school.app);
    await client.login('/api/auth/login', LOGIN.dirigeant);
    const response = await client.put(`/api/dirigeant/users/${await userId('moniteur')}/rights`, {
      rights: { tout_faire: true },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toBe('Droit inconnu : tout_faire.');
  });

  it('is refused by the server to a secrétaire, who cannot grant herself a right', async () => {
    const client = testClient(school.app);
    await client.login('/api/auth/login', LOGIN.secretaire);
    const me = await userId('secretaire');
    for (const response of [
      await client.get('/api/dirigeant/users'),
      await client.get(`/api/dirigeant/users/${me}/rights`),
      await client.put(`/api/dirigeant/users/${me}/rights`, { rights: { ants_delete_ephoto: true } }),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().detail).toBe("L'Espace Dirigeant est réservé au dirigeant de l'auto-école.");
    }
    expect((await client.get('/api/auth/session')).json().user.rights).not.toContain('ants_delete_ephoto');
  });

  it('does not reach the users of another school', async () => {
    const [other] = await school.db.insert(schools).values({ name: 'Autre auto-école' }).returning();
    const [stranger] = await school.db
      .insert(users)
      .values({
        schoolId: other!.id,
        login: 'etranger',
        email: 'etranger@example.fr',
        firstName: 'Éric',
        lastName: 'AUTRE',
        role: 'secretaire',
        passwordHash: 'x',
      })
      .returning();
    const client = testClient(school.app);
    await client.login('/api/auth/login', LOGIN.dirigeant);
    const response = await client.put(`/api/dirigeant/users/${stranger!.id}/rights`, {
      rights: { ants_delete_ephoto: true },
    });
    expect(response.statusCode).toBe(404);
    const list = (await client.get('/api/dirigeant/users')).json().users.map((u: { login: string }) => u.login);
    expect(list.sort()).toEqual(['dirigeant', 'moniteur', 'secretaire']);
  });
});

describe('actions guarded by the ANTS rights', () => {
  it('refuses, on the server, a user without the right, naming it', async () => {
    const client = testClient(school.app);
    await client.login('/api/auth/login', LOGIN.moniteur);
    const studentId = await anyStudentId();
    const cases = [
      ['POST', `/api/students/${studentId}/online/92120260101000000000001/validate`, 'ANTS - Valider une demande'],
      ['POST', `/api/students/${studentId}/online/92120260101000000000001/complete`, 'ANTS - Valider une demande'],
      ['DELETE', `/api/students/${studentId}/online/92120260101000000000001`, 'ANTS - Supprimer une demande'],
      ['DELETE', `/api/students/${studentId}/online/92120260101000000000001/ephoto`, 'ANTS - Supprimer le code ePhoto'],
    ] as const;
    for (const [method, url, label] of cases) {
      const response = await client.request({ method, url });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({
        code: 'RIGHT_REQUIRED',
        detail: `Vous n'avez pas le droit « ${label} ». Demandez-le au dirigeant de l'auto-école (Espace Dirigeant > Connexions > Droits utilisateurs).`,
      });
    }
  });

  it('lets a user holding the right through to the action itself', async () => {
    const client = testClient(school.app);
    await client.login('/api/auth/login', LOGIN.secretaire);
    const response = await client.post(`/api/students/${await anyStudentId()}/online/92120260101000000000001/validate`);
    // Past the right, the application itself is looked for: this student has none with that number.
    expect(response.statusCode).toBe(404);
    expect(response.json().detail).toBe("Cette demande en ligne n'est pas rattachée à cet élève.");
  });
});

describe('Espace Dirigeant > Connexions > Utilisateurs', () => {
  it('creates a user with the default rights of the role and mails the login, never the password', async () => {
    const sink = await startSmtpSink();
    const { createMailer } = await import('@permis/platform');
    const mailer = createMailer(sink.url, 'Auto-école <no-reply@example.fr>');
    await school.close();
    school = await startSchool({ mail: { enqueue: async (mail) => void (await mailer.send(mail)) } });
    try {
      const client = testClient(school.app);
      await client.login('/api/auth/login', LOGIN.dirigeant);
      const created = await client.post('/api/dirigeant/users', {
        firstName: 'Léa',
        lastName: 'PETIT',
        email: 'Lea.Petit@Example.fr',
        login: 'lea.petit',
        role: 'secretaire',
        password: 'Provisoire-2026!',
      });
      expect(created.statusCode).toBe(201);
      const mail = await sink.waitFor((m) => m.subject === 'Votre accès au logiciel de votre auto-école');
      expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('lea.petit@example.fr');
      expect(mail.text).toContain('Votre identifiant : lea.petit');
      expect(mail.text).not.toContain('Provisoire-2026!');

      const lea = testClient(school.app);
      await lea.login('/api/auth/login', { login: 'lea.petit', password: 'Provisoire-2026!' });
      expect((await lea.get('/api/auth/session')).json().user.rights).toEqual(['ants_validate_application']);

      const again = await client.post('/api/dirigeant/users', {
        firstName: 'Léa',
        lastName: 'PETIT',
        email: 'lea2@example.fr',
        login: 'lea.petit',
        role: 'moniteur',
        password: 'Provisoire-2026!',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().detail).toBe('Cet identifiant est déjà utilisé.');
    } finally {
      mailer.close();
      await sink.close();
    }
  });

  it('rejects a short or an overlong password with a field error', async () => {
    const client = testClient(school.app);
    await client.login('/api/auth/login', LOGIN.dirigeant);
    const response = await client.post('/api/dirigeant/users', {
      firstName: 'A',
      lastName: 'B',
      email: 'a@b.fr',
      login: 'abc',
      role: 'moniteur',
      password: 'court',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([
      { path: 'password', message: 'Le mot de passe doit faire au moins 12 caractères.' },
    ]);
    // ASVS V2.1.2: more than 128 characters are refused.
    const long = await client.post('/api/dirigeant/users', {
      firstName: 'A',
      lastName: 'B',
      email: 'a@b.fr',
      login: 'abc',
      role: 'moniteur',
      password: 'x'.repeat(129),
    });
    expect(long.json().fields).toEqual([
      { path: 'password', message: 'Le mot de passe est trop long (128 caractères au plus).' },
    ]);
  });
});
