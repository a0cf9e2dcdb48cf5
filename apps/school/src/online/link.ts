import { type HeldApplication, samePerson } from '@permis/ants-api';
import { notFound } from '@permis/platform';
import { and, eq } from 'drizzle-orm';
import { type AntsClients, callAnts } from '../ants/clients.ts';
import { saveApplication } from '../applications/store.ts';
import type { SchoolDb } from '../db/index.ts';
import { offices, onlineApplications, students } from '../db/schema.ts';
import { recordAudit } from '../domain/audit.ts';
import { schoolError } from '../errors.ts';
import { loadDossier, saveDossier } from '../students/dossier.ts';
import type { DossierForm, OnlineDossierForm } from '../students/form.ts';

type StudentRow = typeof students.$inferSelect;

export type LinkRequest = {
  officeId: string;
  number: string;
  student: StudentRow;
  /** "Mettre à jour toutes les informations de l'élève depuis le site de la préfecture". */
  overwrite: boolean;
  /** "Changer d'élève": the application is linked to another student and moves on purpose. */
  change: boolean;
  /** The user saw that the names or birth dates differ and links anyway. */
  confirmMismatch: boolean;
};

const day = (iso: string) => iso.split('-').reverse().join('/');
const who = (p: { birthName: string; firstName: string; birthDate: string }) =>
  `${p.birthName} ${p.firstName}, né(e) le ${day(p.birthDate)}`;

/**
 * "Relier une demande à un élève" (Administratif › Demandes en ligne). An application already linked
 * moves only on an explicit "Changer d'élève"; one whose candidate is not the chosen student (name,
 * first name or birth date) only once the user confirmed it. With `overwrite` the fiche and the
 * Dossier 02-06 take everything the national record holds. Checks first, then every write at once.
 */
export async function linkApplication(
  db: SchoolDb,
  clients: AntsClients,
  actor: { schoolId: string; userId: string },
  request: LinkRequest,
) {
  const { student } = request;
  const [row] = await db
    .select()
    .from(onlineApplications)
    .where(
      and(
        eq(onlineApplications.schoolId, actor.schoolId),
        eq(onlineApplications.officeId, request.officeId),
        eq(onlineApplications.number, request.number),
      ),
    )
    .limit(1);
  if (!row) throw notFound("Cette demande n'est pas dans la liste de l'agence : mettez la liste à jour.");
  if (row.studentId && row.studentId !== student.id && !request.change) {
    const [current] = await db.select().from(students).where(eq(students.id, row.studentId)).limit(1);
    throw schoolError(
      'ALREADY_LINKED',
      `Cette demande est déjà reliée à ${current ? `${current.birthName} ${current.firstName}` : 'un élève'} : pour la relier à un autre élève, choisissez « Changer d'élève » et confirmez.`,
    );
  }
  const [owner] = await db.select().from(offices).where(eq(offices.id, row.officeId)).limit(1);
  const fresh = await callAnts(() => clients.forOffice(owner!).getApplication(row.number), owner!.name);
  if (!samePerson(fresh.candidate, student) && !request.confirmMismatch) {
    throw schoolError(
      'IDENTITY_MISMATCH',
      `L'élève choisi (${who(student)}) n'a pas le nom, le prénom ou la date de naissance du candidat de la demande (${who(fresh.candidate)}). Vérifiez qu'il s'agit bien de la même personne, puis confirmez.`,
    );
  }
  if (request.overwrite) {
    const [taken] = await db
      .select({ id: students.id })
      .from(students)
      .where(and(eq(students.schoolId, actor.schoolId), eq(students.email, fresh.candidate.email.toLowerCase())))
      .limit(1);
    if (taken && taken.id !== student.id) {
      throw schoolError(
        'EMAIL_TAKEN',
        "L'email de la demande est déjà celui d'un autre élève : ni la fiche ni le lien n'ont été modifiés.",
      );
    }
  }

  await db.transaction(async (tx) => {
    const t = tx as unknown as SchoolDb;
    await saveApplication(t, { schoolId: actor.schoolId, officeId: row.officeId, studentId: student.id }, fresh);
    // The other offices' rows of the same application (one it left by a transfer) follow.
    await t
      .update(onlineApplications)
      .set({ studentId: student.id })
      .where(and(eq(onlineApplications.schoolId, actor.schoolId), eq(onlineApplications.number, row.number)));
    if (request.overwrite) {
      await t.update(students).set(fromNationalRecord(fresh)).where(eq(students.id, student.id));
      await saveDossier(
        t,
        student.id,
        dossierFromNationalRecord(await loadDossier(t, student.id), fresh),
        actor.userId,
      );
    }
    const moved =
      row.studentId && row.studentId !== student.id ? ` (changement d'élève, avant : ${row.studentId})` : '';
    await recordAudit(t, {
      by: actor,
      action: 'online.link',
      target: 'online_application',
      targetId: row.number,
      details: `${student.id}${moved}${request.overwrite ? ' (fiche mise à jour)' : ''}`,
    });
  });
  return { number: row.number, studentId: student.id, previousStudentId: row.studentId };
}

/** The fiche élève as the national record describes the candidate. */
function fromNationalRecord(fresh: HeldApplication): Partial<StudentRow> {
  const c = fresh.candidate;
  return {
    sex: c.sex,
    birthName: c.birthName,
    usageName: c.usageName ?? '',
    firstName: c.firstName,
    otherFirstNames: c.otherFirstNames ?? '',
    birthDate: c.birthDate,
    birthCity: c.birthCity,
    birthDepartment: c.birthDepartment ?? '',
    birthCountry: c.birthCountry,
    addressLine: c.addressLine1,
    postalCode: c.postalCode,
    city: c.city,
    email: c.email.toLowerCase(),
    mobile: c.mobile ?? '',
    legalRepresentative: fresh.legalRepresentative,
    updatedAt: new Date(),
  };
}

/** The Dossier 02-06 with the Cerfa data of the national record (the paper part and ePhoto codes kept). */
export function dossierFromNationalRecord(current: DossierForm, fresh: HeldApplication): DossierForm {
  const d = fresh.dossier;
  // Every field of the contract's dossier (OnlineDossierForm): one added there does not compile until taken here.
  const online: OnlineDossierForm = {
    neph: fresh.neph ?? d.neph ?? current.neph,
    medicalVisitDate: d.medicalVisitDate ?? '',
    requestedCategories: d.requestedCategories,
    heldCategories: d.heldCategories ?? [],
    lastCategoryDate: d.lastCategoryDate ?? '',
    lastCategoryPlace: d.lastCategoryPlace ?? '',
    lastCategoryBy: d.lastCategoryBy ?? '',
    previousLicenceDepartment: d.previousLicenceDepartment ?? '',
    previousLicenceCountry: d.previousLicenceCountry ?? '',
    prefectureCode: d.prefectureCode,
    declarations: d.declarations,
    training: d.training ?? 'none',
  };
  return { ...current, ...online, paperMandate: fresh.paperMandate };
}
