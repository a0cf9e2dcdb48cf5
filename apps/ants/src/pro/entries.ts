import {
  API_ERRORS,
  type ApplicationEntry,
  createApplicationSchema,
  type EntrySummary,
  type HeldApplication,
  inStateSet,
  MOTIFS,
  NEW_APPLICATION_STEPS,
  newApplicationStepSchemas,
  parisToday,
  pathInStep,
  type SavedStep,
  stepsOfApplication,
} from '@permis/ants-api';
import type { FieldError } from '@permis/platform';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { createApplication } from '../applications/create.ts';
import { findOwnApplication } from '../applications/find.ts';
import { dataErrors } from '../applications/rules.ts';
import { toView } from '../applications/view.ts';
import type { AntsDb } from '../db/index.ts';
import { applicationEntries, applications } from '../db/schema.ts';
import type { SchoolActor } from '../domain/actor.ts';
import { antsError } from '../domain/errors.ts';

type Steps = { [S in SavedStep]?: z.output<(typeof newApplicationStepSchemas)[S]> };
type Request = z.output<typeof createApplicationSchema>;

export const SAVED_STEPS = Object.keys(newApplicationStepSchemas) as SavedStep[];

const ENTRY_NOT_FOUND = "Cette saisie n'existe pas ou n'est pas rattachée à votre établissement.";

/**
 * "Nouvelle demande": an empty entry of this school; or, from one of its accepted Cerfa 02, the
 * Cerfa 06 (demande de titre) with the candidate, address and dossier already filled in, to check
 * step by step (the mandate is asked again: it is signed for each demand).
 */
export async function startEntry(db: AntsDb, schoolId: string, fromNumber?: string): Promise<ApplicationEntry> {
  let steps: Steps = {};
  if (fromNumber) {
    const source = await findOwnApplication(db, schoolId, fromNumber);
    if (source.type !== '02' || !inStateSet('granted', source.state)) {
      throw antsError(
        'TRANSITION_REFUSED',
        'La demande de titre (Cerfa 06) se fait depuis une demande Cerfa 02 acceptée.',
      );
    }
    const saved = stepsOfApplication(toView(source));
    steps = {
      motif: { motif: 'title' },
      civilStatus: newApplicationStepSchemas.civilStatus.parse(saved.civilStatus),
      address: newApplicationStepSchemas.address.parse(saved.address),
      dossier: newApplicationStepSchemas.dossier.parse(saved.dossier),
    };
  }
  const [row] = await db.insert(applicationEntries).values({ proAccountId: schoolId, steps }).returning();
  return toEntry(db, row!);
}

export async function getEntry(db: AntsDb, schoolId: string, id: string): Promise<ApplicationEntry> {
  return toEntry(db, await findOwnEntry(db, schoolId, id));
}

/** The school's entries not yet a demand, last touched first: where it comes back to finish one. */
export async function entriesInProgress(db: AntsDb, schoolId: string): Promise<EntrySummary[]> {
  const rows = await db
    .select()
    .from(applicationEntries)
    .where(and(eq(applicationEntries.proAccountId, schoolId), isNull(applicationEntries.applicationId)))
    .orderBy(desc(applicationEntries.updatedAt))
    .limit(50);
  return rows.map((row) => {
    const steps = row.steps as Steps;
    const candidate = steps.civilStatus?.candidate;
    return {
      id: row.id,
      name: candidate ? `${candidate.birthName.toUpperCase()} ${candidate.firstName}` : 'Candidat non renseigné',
      typeLabel: MOTIFS[steps.motif?.motif ?? 'first'].label,
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}

/**
 * Saves one step, checked with the same rules as a draft made through the API (those about this
 * step's fields); nothing is saved when they refuse it. Saving the dossier, the last step of the
 * body, creates the demand: `createApplication` with the entry as idempotency key.
 */
export async function saveEntryStep<S extends SavedStep>(
  db: AntsDb,
  school: SchoolActor,
  id: string,
  step: S,
  body: z.output<(typeof newApplicationStepSchemas)[S]>,
): Promise<ApplicationEntry> {
  const schoolId = school.id;
  const row = await findOwnEntry(db, schoolId, id);
  if (row.applicationId) {
    throw antsError('TRANSITION_REFUSED', 'La demande est déjà créée : modifiez-la depuis sa page.');
  }
  const steps: Steps = { ...(row.steps as Steps), [step]: body };
  const missing = SAVED_STEPS.slice(0, SAVED_STEPS.indexOf(step)).find((earlier) => !steps[earlier]);
  if (missing) {
    const label = NEW_APPLICATION_STEPS.find((s) => s.id === missing)!.label;
    throw antsError('TRANSITION_REFUSED', `Complétez d'abord l'étape « ${label} ».`);
  }
  const request = requestOf(steps);
  const errors = [...dataErrors(request, parisToday()), ...motifErrors(steps)].filter((error) =>
    pathInStep(step, error.path),
  );
  if (errors.length > 0) throw antsError('DATA_ERROR', API_ERRORS.DATA_ERROR.title, errors);

  await db.update(applicationEntries).set({ steps, updatedAt: new Date() }).where(eq(applicationEntries.id, row.id));
  if (step === 'dossier') {
    const { row: application } = await createApplication(db, school, `entry:${row.id}`, request);
    await db
      .update(applicationEntries)
      .set({ applicationId: application.id, updatedAt: new Date() })
      .where(eq(applicationEntries.id, row.id));
  }
  return getEntry(db, schoolId, id);
}

/** The creation body the saved steps make, the steps not saved yet left empty. */
function requestOf(steps: Steps): Request {
  return createApplicationSchema.parse({
    type: MOTIFS[steps.motif?.motif ?? 'first'].type,
    paperMandate: steps.mandate?.paperMandate ?? false,
    candidate: { ...EMPTY_CANDIDATE, ...steps.civilStatus?.candidate, ...steps.address?.candidate },
    legalRepresentative: steps.address?.legalRepresentative ?? null,
    dossier: steps.dossier?.dossier ?? EMPTY_DOSSIER,
  });
}

// Placeholders the schema accepts, for the steps not saved yet: their errors are filtered out.
const EMPTY_CANDIDATE = {
  sex: 'F',
  birthName: '-',
  firstName: '-',
  birthDate: '2000-01-01',
  birthCity: '-',
  birthCountry: '-',
  addressLine1: '-',
  postalCode: '00000',
  city: '-',
  email: 'saisie@invalid.example',
} as const;
const EMPTY_DOSSIER = { requestedCategories: ['B'], prefectureCode: '-', declarations: {} } as const;

/** The motif and the categories already held must agree. */
function motifErrors(steps: Steps): FieldError[] {
  const held = steps.dossier?.dossier.heldCategories ?? [];
  const motif = steps.motif?.motif;
  if (motif === 'extension' && held.length === 0) {
    return [
      {
        path: 'dossier.heldCategories',
        message: 'Pour une extension, indiquez la ou les catégories déjà obtenues.',
      },
    ];
  }
  if (motif === 'first' && held.length > 0) {
    return [
      {
        path: 'dossier.heldCategories',
        message:
          "Pour un premier permis, le candidat n'a aucune catégorie déjà obtenue : choisissez le motif « extension ».",
      },
    ];
  }
  return [];
}

async function findOwnEntry(db: AntsDb, schoolId: string, id: string) {
  const [row] = await db
    .select()
    .from(applicationEntries)
    .where(and(eq(applicationEntries.id, id), eq(applicationEntries.proAccountId, schoolId)))
    .limit(1);
  if (!row) throw antsError('NOT_FOUND', ENTRY_NOT_FOUND);
  return row;
}

async function toEntry(db: AntsDb, row: typeof applicationEntries.$inferSelect): Promise<ApplicationEntry> {
  let application: HeldApplication | null = null;
  if (row.applicationId) {
    // Only while this school holds it: once transferred, it is the other school's.
    const [held] = await db
      .select()
      .from(applications)
      .where(and(eq(applications.id, row.applicationId), eq(applications.proAccountId, row.proAccountId)))
      .limit(1);
    if (held) application = toView(held);
  }
  return {
    id: row.id,
    steps: row.steps as Steps,
    application,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
