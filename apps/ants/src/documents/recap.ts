import {
  type ApplicationRecap,
  actionAllowed,
  candidateStateLabel,
  medicalVisitNeeded,
  OWN_HOLDER_LABEL,
  stateLabel,
  TYPE_LABELS,
} from '@permis/ants-api';
import { findPrefecture } from '@permis/referentiel/data';
import { eq } from 'drizzle-orm';
import { attachedEphotoCode } from '../applications/attachedEphoto.ts';
import type { ApplicationRow } from '../applications/machine.ts';
import { toView } from '../applications/view.ts';
import type { AntsDb } from '../db/index.ts';
import { proAccounts } from '../db/schema.ts';
import { listPieces } from '../pieces/files.ts';
import { needsPhotoSignatureForm } from './catalogue.ts';

/**
 * The recap of an application in the agency's form (seed 000), as the candidate reviews it before
 * validating and as the school rereads it ("Relisez-vous !") before its own validation; each reads
 * the state in its own words and is asked its own validation.
 */
export async function applicationRecap(
  db: AntsDb,
  row: ApplicationRow,
  reader: 'candidate' | 'school',
): Promise<ApplicationRecap> {
  const view = toView(row);
  const [school] = row.proAccountId
    ? await db.select({ name: proAccounts.schoolName }).from(proAccounts).where(eq(proAccounts.id, row.proAccountId))
    : [];
  const ephoto = await attachedEphotoCode(db, row.id);
  const pieces = (await listPieces(db, row.id))
    .filter((p) => p.files.length > 0)
    .map((p) => ({
      label: p.label,
      pages: p.pages,
      maxPages: p.maxPages,
      files: p.files.map((f) => ({ id: f.id, fileName: f.fileName })),
    }));
  return {
    number: row.number,
    type: row.type,
    typeLabel: TYPE_LABELS[row.type],
    state: row.state,
    stateLabel: reader === 'candidate' ? candidateStateLabel(row.state, row.type) : stateLabel(row.state, row.type),
    neph: row.neph,
    canValidate: actionAllowed(reader === 'candidate' ? 'confirm' : 'validate', row.state),
    school: row.proAccountId ? (school?.name ?? '') : OWN_HOLDER_LABEL,
    prefecture: findPrefecture(view.dossier.prefectureCode)?.label ?? '',
    candidate: view.candidate,
    legalRepresentative: view.legalRepresentative,
    dossier: view.dossier,
    paperMandate: row.paperMandate,
    ephotoCode: ephoto,
    medicalVisitNeeded: medicalVisitNeeded(view.dossier),
    photoSignatureForm: needsPhotoSignatureForm(row.type, Boolean(ephoto)),
    pieces,
  };
}
