import { type CreateApplication, fieldName, inStateSet } from '@permis/ants-api';
import { eq } from 'drizzle-orm';
import { heldRows, type OnlineApplicationRow, studentApplications } from '../applications/store.ts';
import type { SchoolDb } from '../db/index.ts';
import { offices, type students } from '../db/schema.ts';
import { loadDossier } from './dossier.ts';
import { type DossierForm, toCreateApplication } from './form.ts';

/**
 * States in which the candidate can still validate data the fiche no longer has: the draft keeps
 * what it was sent with (the professional API has no update), so the seed's way out is "supprimer
 * puis recréer la demande", possible in these states only.
 */

/**
 * The fields (as the user names them) where the fiche and the Dossier 02-06 now differ from what
 * the application was entered with. Empty when nothing differs, when the application is past the
 * point where it could be recreated, or when it was not entered from this software.
 */
export function driftOf(
  row: Pick<OnlineApplicationRow, 'type' | 'state' | 'sent'>,
  student: typeof students.$inferSelect,
  dossier: DossierForm,
  office: typeof offices.$inferSelect,
): string[] {
  if (!row.sent || !inStateSet('driftChecked', row.state)) return [];
  const now = leaves(toCreateApplication(row.type, student, dossier, office));
  const then = leaves(row.sent as CreateApplication);
  const labels = new Set<string>();
  for (const path of new Set([...now.keys(), ...then.keys()])) {
    if (now.get(path) !== then.get(path)) labels.add(fieldName(path) ?? 'Dossier 02-06');
  }
  return [...labels];
}

/** Each value of the request by its path ("candidate.city"); empty and absent read the same. */
function leaves(value: unknown, path = '', into = new Map<string, string>()): Map<string, string> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) leaves(inner, path ? `${path}.${key}` : key, into);
  } else if (value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)) {
    into.set(path, JSON.stringify(Array.isArray(value) ? [...value].sort() : value));
  }
  return into;
}

/** What the fiche says of it: the sentence and the seed's way out. */
export function driftMessage(number: string, fields: string[]): string {
  return `La demande n° ${number} du site de l'ANTS garde les informations envoyées à sa création ; la fiche a changé depuis (${fields.join(', ')}). L'élève validerait les anciennes informations : pour envoyer les nouvelles, supprimez puis recréez la demande.`;
}

/** After the fiche or the dossier was saved: each of the student's drafts that no longer matches it. */
export async function studentDrift(
  db: SchoolDb,
  student: typeof students.$inferSelect,
): Promise<{ number: string; fields: string[]; message: string }[]> {
  const rows = heldRows(await studentApplications(db, student.schoolId, student.id)).filter((row) => row.sent);
  if (rows.length === 0) return [];
  const [[office], dossier] = await Promise.all([
    db.select().from(offices).where(eq(offices.id, student.officeId)).limit(1),
    loadDossier(db, student.id),
  ]);
  return rows.flatMap((row) => {
    const fields = driftOf(row, student, dossier, office!);
    return fields.length > 0 ? [{ number: row.number, fields, message: driftMessage(row.number, fields) }] : [];
  });
}
