import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HeldApplication } from '@permis/ants-api';
import { createSecretBox } from '@permis/platform';
import { testClient, WAIT_GUARD_MS } from '@permis/platform/testing';
import { adminListQuerySchema as listQuery } from '@permis/school-api';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftRequest, startAntsHttp } from '../../ants/test/api.ts';
import { exportList } from '../src/admin/export.ts';
import { counters, listPage } from '../src/admin/query.ts';
import { createAntsClients } from '../src/ants/clients.ts';
import { saveApplications } from '../src/applications/store.ts';
import { offices, onlineApplications, students, syncRuns } from '../src/db/schema.ts';
import { runSync } from '../src/sync/run.ts';
import { LOGIN, startSchool, TEST_KEY } from './harness.ts';
import { heldApplication } from './heldApplication.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
let school: Awaited<ReturnType<typeof startSchool>>;
beforeEach(async () => {
  ants = await startAntsHttp();
  school = await startSchool({ antsUrl: ants.baseUrl });
});
afterEach(async () => {
  await school.close();
  await ants.close();
});

async function brequigny() {
  const [row] = await school.db.select().from(offices).where(eq(offices.name, 'BREQUIGNY'));
  return row!;
}

/** Applications entered directly on the national service with the office's credentials. */
async function entered(count: number, first = 'Élodie') {
  const numbers: string[] = [];
  for (let i = 0; i < count; i++) {
    numbers.push(
      (await ants.brequigny.createApplication(draftRequest({ candidate: { firstName: first } }), crypto.randomUUID()))
        .number,
    );
  }
  return numbers;
}

const clients = () => createAntsClients({ baseUrl: ants.baseUrl, box: createSecretBox(TEST_KEY) });

describe('Mettre à jour depuis le site de la préfecture', () => {
  it('pulls every application page by page, resumes after a crash without duplicates, then only what changed', async () => {
    const numbers = await entered(25);
    await ants.saintPriest.createApplication(draftRequest(), crypto.randomUUID());
    const dirigeant = testClient(school.app);
    await dirigeant.login('/api/auth/login', LOGIN.dirigeant);
    const office = await brequigny();

    const started = await dirigeant.post(`/api/admin/offices/${office.id}/sync`, {});
    expect(started.statusCode).toBe(202);
    const runId = started.json().run.id as string;
    // Killed after the first page of ten…
    const stopped = await runSync(school.db, clients(), runId, { pageSize: 10, stopAfterPages: 1 });
    expect(stopped).toMatchObject({ status: 'running', fetched: 10, total: 25 });
    // …the run is handed again and goes on from its cursor.
    const done = await runSync(school.db, clients(), runId, { pageSize: 10 });
    expect(done).toMatchObject({ status: 'done', fetched: 25, total: 25 });
    const rows = await school.db.select().from(onlineApplications).where(eq(onlineApplications.officeId, office.id));
    expect(rows.map((r) => r.number).sort()).toEqual([...numbers].sort());
    expect(rows.every((r) => r.studentId === null && r.candidateName.startsWith('Élodie'))).toBe(true);
    const progress = (await dirigeant.get(`/api/admin/offices/${office.id}/sync`)).json().run;
    expect(progress).toMatchObject({ status: 'done', fetched: 25, total: 25 });

    // Incremental: a later run brings only the application changed since.
    await ants.brequigny.deleteApplication(numbers[3]!);
    const again = (await dirigeant.post(`/api/admin/offices/${office.id}/sync`, {})).json().run.id as string;
    expect(await runSync(school.db, clients(), again, { pageSize: 10 })).toMatchObject({ status: 'done', fetched: 1 });
    const [deleted] = await school.db
      .select()
      .from(onlineApplications)
      .where(eq(onlineApplications.number, numbers[3]!));
    expect(deleted!.state).toBe('deleted');
    const unchanged = (await dirigeant.post(`/api/admin/offices/${office.id}/sync`, {})).json().run.id as string;
    expect(await runSync(school.db, clients(), unchanged)).toMatchObject({ status: 'done', fetched: 0 });

    // With a date window, the run reads that window only and leaves the incremental cursor alone.
    const today = new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris' }).format(new Date());
    const windowed = (await dirigeant.post(`/api/admin/offices/${office.id}/sync`, { createdFrom: today })).json().run;
    expect(windowed.windows).toEqual({ createdFrom: today });
    expect(await runSync(school.db, clients(), windowed.id)).toMatchObject({ status: 'done', fetched: 25 });
  });

  it('says clearly when the national service does not answer, and waits to resume', async () => {
    const office = await brequigny();
    const down = createAntsClients({ baseUrl: 'http://127.0.0.1:9', box: createSecretBox(TEST_KEY) });
    const dirigeant = testClient(school.app);
    await dirigeant.login('/api/auth/login', LOGIN.dirigeant);
    const runId = (await dirigeant.post(`/api/admin/offices/${office.id}/sync`, {})).json().run.id as string;
    await expect(runSync(school.db, down, runId)).rejects.toThrow();
    const [run] = await school.db.select().from(syncRuns).where(eq(syncRuns.id, runId));
    expect(run).toMatchObject({ status: 'waiting' });
    expect(run!.error).toContain("Le site de l'ANTS ne répond pas");
    // A second click while it waits does not start another run.
    expect((await dirigeant.post(`/api/admin/offices/${office.id}/sync`, {})).json().run.id).toBe(runId);
    // Back up: the same run completes.
    await entered(2);
    expect(await runSync(school.db, clients(), runId)).toMatchObject({ status: 'done', fetched: 2 });
  });
});

describe('Demandes en ligne (site ANTS)', () => {
  it('lists with counters, filters, paging and sorting; links a demand to a student; exports to Excel', async () => {
    const numbers = await entered(3, 'Zoé');
    await ants.brequigny.deleteApplication(numbers[0]!);
    const dirigeant = testClient(school.app);
    await dirigeant.login('/api/auth/login', LOGIN.dirigeant);
    const office = await brequigny();
    const runId = (await dirigeant.post(`/api/admin/offices/${office.id}/sync`, {})).json().run.id as string;
    await runSync(school.db, clients(), runId);

    const list = (await dirigeant.get(`/api/admin/online-applications?officeId=${office.id}&pageSize=10`)).json();
    expect(list.total).toBe(3);
    const cerfa02 = list.counters.find((c: { type: string }) => c.type === '02').counters;
    expect(cerfa02.find((c: { state: string }) => c.state === 'draft')).toMatchObject({
      label: 'Brouillons',
      count: 2,
    });
    expect(cerfa02.map((c: { label: string }) => c.label)).toEqual([
      'Dossier à traiter',
      'Dossier en attente de validation usager',
      'Dossier rejeté',
      'Brouillons',
      'Dossier à traiter en Cerfa 06',
      'Dossier en cours de traitement',
      'Dossier transféré',
    ]);
    const drafts = (
      await dirigeant.get(
        `/api/admin/online-applications?officeId=${office.id}&type=02&state=draft&sort=number&dir=asc`,
      )
    ).json();
    expect(drafts.rows.map((r: { number: string }) => r.number)).toEqual([numbers[1], numbers[2]].sort());
    expect(drafts.rows[0].student).toBeNull();
    const paged = (
      await dirigeant.get(`/api/admin/online-applications?officeId=${office.id}&pageSize=10&page=2`)
    ).json();
    expect(paged.rows).toEqual([]);
    const bad = await dirigeant.get(`/api/admin/online-applications?officeId=${office.id}&createdFrom=31/12/2026`);
    expect(bad.statusCode).toBe(400);
    // A partial number finds by its beginning; only digits are a number.
    const prefix = numbers[1]!.slice(0, -2);
    const byPrefix = (
      await dirigeant.get(`/api/admin/online-applications?officeId=${office.id}&number=${prefix}`)
    ).json();
    expect(byPrefix.rows.map((r: { number: string }) => r.number)).toContain(numbers[1]);
    expect(byPrefix.rows.every((r: { number: string }) => r.number.startsWith(prefix))).toBe(true);
    const wildcard = await dirigeant.get(`/api/admin/online-applications?officeId=${office.id}&number=1%25`);
    expect([wildcard.statusCode, wildcard.json().fields[0]]).toEqual([
      400,
      { path: 'number', message: 'Le numéro de demande ne comporte que des chiffres.' },
    ]);
    // An inverted range is said on the field, not answered with an empty list.
    const inverted = await dirigeant.get(
      `/api/admin/online-applications?officeId=${office.id}&createdFrom=2026-05-10&createdTo=2026-05-01`,
    );
    expect([inverted.statusCode, inverted.json().fields[0]]).toEqual([
      400,
      { path: 'createdTo', message: 'La date de fin est antérieure à la date de début.' },
    ]);

    // Link the second one to a demo student, overwriting the fiche from the national record.
    const [christine] = await school.db.select().from(students).where(eq(students.birthName, 'LABORET'));
    const body = { officeId: office.id, studentId: christine!.id, overwrite: true };
    // Christine is not Zoé: the link asks to confirm first.
    const asked = await dirigeant.post(`/api/admin/online-applications/${numbers[1]}/link`, body);
    expect([asked.statusCode, asked.json().code]).toEqual([409, 'IDENTITY_MISMATCH']);
    const linked = await dirigeant.post(`/api/admin/online-applications/${numbers[1]}/link`, {
      ...body,
      confirmMismatch: true,
    });
    expect(linked.statusCode).toBe(200);
    const [updated] = await school.db.select().from(students).where(eq(students.id, christine!.id));
    expect(updated).toMatchObject({ firstName: 'Zoé', city: 'SAINT-PRIEST' });
    expect(updated!.birthName).toMatch(/^MARTIN-/);
    const [row] = await school.db
      .select()
      .from(onlineApplications)
      .where(and(eq(onlineApplications.number, numbers[1]!), eq(onlineApplications.studentId, christine!.id)));
    expect(row).toBeDefined();
    // Documents are reached through the student once linked.
    expect((await dirigeant.get(`/api/students/${christine!.id}/online/${numbers[1]}/documents`)).statusCode).toBe(200);

    const exported = await dirigeant.get(
      `/api/admin/online-applications/export?officeId=${office.id}&sort=number&dir=asc`,
    );
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Demandes en ligne');
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Elève',
      'Numéro',
      'Date de création',
      'Date de modification',
      'Type - Etat',
      'N° NEPH',
      'Relié à un élève',
    ]);
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(3).value).toBeInstanceOf(Date);

    // An independent reader: LibreOffice converts it to CSV with the accents intact.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'export-'));
    try {
      writeFileSync(path.join(dir, 'liste.xlsx'), exported.rawPayload);
      execFileSync(
        'libreoffice',
        [
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76,1',
          '--outdir',
          dir,
          path.join(dir, 'liste.xlsx'),
        ],
        {
          env: { ...process.env, HOME: dir },
          // A guard against a hung LibreOffice, not a wait: its start alone is slow on a busy machine.
          timeout: WAIT_GUARD_MS,
        },
      );
      const csv = readFileSync(path.join(dir, 'liste.csv'), 'utf8').trim().split('\n').map(csvFields);
      expect(csv).toHaveLength(4);
      expect(csv[0]).toEqual([
        'Elève',
        'Numéro',
        'Date de création',
        'Date de modification',
        'Type - Etat',
        'N° NEPH',
        'Relié à un élève',
      ]);
      // The linked one shows the student, whose fiche now carries the national record's names.
      expect(csv.slice(1).every((line) => line[0]?.startsWith('Zoé MARTIN-'))).toBe(true);
      expect(csv.filter((line) => line[6] === 'Oui').map((line) => line[1])).toEqual([numbers[1]]);
      expect(csv[1]![2]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      expect(csv.map((line) => line[4])).toContain(
        "Brouillon Inscription au permis nécessitant le passage d'un examen pratique",
      );
      expect(csv.map((line) => line[4])).toContain(
        "Supprimée Inscription au permis nécessitant le passage d'un examen pratique",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The fields of one CSV line (quoted fields, doubled quotes). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      current += '"';
      i++;
    } else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      fields.push(current);
      current = '';
    } else current += char;
  }
  fields.push(current.replace(/\r$/, ''));
  return fields;
}

describe('the counters of an office', () => {
  it('stay equal to its rows through inserts, state changes, concurrent syncs and deletions', async () => {
    const office = await brequigny();
    const [{ schoolId }] = [office];
    const owner = { schoolId, officeId: office.id };
    const states = ['draft', 'awaiting_candidate', 'under_instruction', 'accepted'] as const;
    const apps = Array.from({ length: 60 }, (_, n) => heldApplication(n, states[n % 4]!));
    await saveApplications(school.db, owner, apps as never);
    // Two syncs at once moving overlapping applications to other states; one moved again unchanged.
    await Promise.all([
      saveApplications(
        school.db,
        owner,
        apps.slice(0, 40).map((a, n) => ({ ...a, state: states[(n + 1) % 4]! })) as never,
      ),
      saveApplications(school.db, owner, apps.slice(20).map((a) => ({ ...a, state: 'accepted' as const })) as never),
      saveApplications(school.db, owner, apps.slice(50) as never),
    ]);
    await school.db.delete(onlineApplications).where(eq(onlineApplications.number, apps[7]!.number));
    const query = listQuery.parse({ officeId: office.id });
    const kept = await counters(school.db, schoolId, query);
    // The same counts read from the rows (a number prefix every row has narrows nothing).
    const fromRows = await counters(school.db, schoolId, listQuery.parse({ officeId: office.id, number: '9012026' }));
    expect(kept).toEqual(fromRows);
    expect(kept.flatMap((t) => t.counters).reduce((sum, c) => sum + c.count, 0)).toBeGreaterThan(0);
    const page = await listPage(school.db, schoolId, query);
    expect(page.total).toBe(59);
    const onlyAccepted = await listPage(
      school.db,
      schoolId,
      listQuery.parse({ officeId: office.id, type: '02', state: 'accepted' }),
    );
    expect(onlyAccepted.total).toBe(
      (await school.db.select().from(onlineApplications)).filter((r) => r.type === '02' && r.state === 'accepted')
        .length,
    );
    // Another school never reads this office's counts.
    const other = await counters(school.db, crypto.randomUUID(), query);
    expect(other.flatMap((t) => t.counters).every((c) => c.count === 0)).toBe(true);
  });
});

describe('the Excel export of an office', () => {
  it('shows its own row of a number two offices of the school hold (after a transfer between them)', async () => {
    const officeNamed = async (name: string) =>
      (await school.db.select().from(offices).where(eq(offices.name, name)))[0]!;
    const [brequigny, saintPriest] = [await officeNamed('BREQUIGNY'), await officeNamed('SAINT-PRIEST')];
    const held = (state: 'accepted' | 'transferred', label: string) =>
      // « Transféré » is the school's own state of a demand it no longer holds, not the service's.
      heldApplication(0, 'accepted', {
        state: state as HeldApplication['state'],
        number: '90120260000000000000042',
        type: '02',
        stateLabel: label,
        transferred: state === 'transferred',
        createdAt: '2026-01-05T10:00:00.000Z',
        updatedAt: '2026-01-06T10:00:00.000Z',
      });
    const owner = (office: typeof brequigny) => ({ schoolId: office.schoolId, officeId: office.id });
    await saveApplications(school.db, owner(saintPriest), [held('accepted', 'Enregistrée')] as never);
    await saveApplications(school.db, owner(brequigny), [held('transferred', 'Transféré')] as never);
    for (const [office, label] of [
      [brequigny, 'Transféré'],
      [saintPriest, 'Enregistrée'],
    ] as const) {
      const chunks: Buffer[] = [];
      for await (const chunk of exportList(school.db, office.schoolId, listQuery.parse({ officeId: office.id }))) {
        chunks.push(chunk as Buffer);
      }
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.rowCount).toBe(2);
      expect(String(sheet.getRow(2).getCell(5).value)).toContain(label);
    }
  });
});
