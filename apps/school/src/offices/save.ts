import { notFound, type SecretBox } from '@permis/platform';
import type { CredentialsCheck, OfficeForm } from '@permis/school-api';
import { and, asc, eq } from 'drizzle-orm';
import { type AntsClients, isAuthenticationFailure } from '../ants/clients.ts';
import type { SchoolDb } from '../db/index.ts';
import { offices } from '../db/schema.ts';
import { type AuditActor, recordAudit } from '../domain/audit.ts';
import { assertPrefecture } from './prefecture.ts';

export type OfficeRow = typeof offices.$inferSelect;

/** The school's offices, by name. */
export function listOffices(db: SchoolDb, schoolId: string): Promise<OfficeRow[]> {
  return db.select().from(offices).where(eq(offices.schoolId, schoolId)).orderBy(asc(offices.name));
}

/** An office of the school, or 404 (another school's is simply not found). */
export async function findOffice(db: SchoolDb, schoolId: string, id: string): Promise<OfficeRow> {
  const [row] = await db
    .select()
    .from(offices)
    .where(and(eq(offices.id, id), eq(offices.schoolId, schoolId)))
    .limit(1);
  if (!row) throw notFound("Ce bureau n'existe pas dans votre auto-école.");
  return row;
}

/** The columns a form sets: empty means none, and a password typed is sealed (none typed keeps it). */
function officeValues(box: SecretBox, form: OfficeForm) {
  const { antsPassword, ...rest } = form;
  assertPrefecture(rest.prefectureCode);
  return {
    ...rest,
    cerfaAgrement: rest.cerfaAgrement || null,
    antsLogin: rest.antsLogin || null,
    prefectureCode: rest.prefectureCode || null,
    ...(antsPassword ? { antsPasswordSealed: box.seal(antsPassword) } : {}),
  };
}

export async function createOffice(db: SchoolDb, box: SecretBox, by: AuditActor, form: OfficeForm) {
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(offices)
      .values({ ...officeValues(box, form), schoolId: by.schoolId })
      .returning();
    await recordAudit(tx, { by, action: 'office.create', target: 'office', targetId: created!.id });
    return created!;
  });
  return row;
}

export async function updateOffice(
  db: SchoolDb,
  box: SecretBox,
  by: AuditActor,
  current: OfficeRow,
  form: OfficeForm,
): Promise<OfficeRow> {
  const next = officeValues(box, form);
  // Other credentials are another account on the national service: its webhook is registered anew.
  const otherAccount =
    next.cerfaAgrement !== current.cerfaAgrement ||
    next.antsLogin !== current.antsLogin ||
    'antsPasswordSealed' in next;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(offices)
      .set({
        ...next,
        ...(otherAccount ? { webhookUrl: null, webhookSecretSealed: null } : {}),
        updatedAt: new Date(),
      })
      .where(eq(offices.id, current.id))
      .returning();
    await recordAudit(tx, { by, action: 'office.update', target: 'office', targetId: current.id });
    return row!;
  });
}

/**
 * Asks the national service whether the office's credentials open a session, and keeps the answer
 * on the office (answers the office as it now is).
 */
export async function checkCredentials(
  db: SchoolDb,
  clients: AntsClients,
  office: OfficeRow,
): Promise<{ credentials: CredentialsCheck; office: OfficeRow }> {
  if (!office.cerfaAgrement || !office.antsLogin || !office.antsPasswordSealed) {
    return { credentials: 'incomplete', office };
  }
  const answer = await clients
    .forOffice(office)
    .authenticate()
    .then(
      () => 'accepted' as const,
      (error: unknown) => (isAuthenticationFailure(error) ? ('refused' as const) : ('unreachable' as const)),
    );
  if (answer === 'unreachable') return { credentials: answer, office };
  const [checked] = await db
    .update(offices)
    .set({ antsCredentialsCheck: answer, antsCredentialsCheckedAt: new Date() })
    .where(eq(offices.id, office.id))
    .returning();
  return { credentials: answer, office: checked! };
}
