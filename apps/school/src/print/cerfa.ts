import type { Dossier } from '@permis/ants-api';
import PDFDocument from 'pdfkit';
import type { offices, students } from '../db/schema.ts';
import { prefectureName } from '../offices/prefecture.ts';
import type { DossierForm } from '../students/form.ts';

type StudentRow = typeof students.$inferSelect;
type OfficeRow = typeof offices.$inferSelect;

const TITLES = {
  '02': {
    title: 'DEMANDE DE PERMIS DE CONDUIRE — INSCRIPTION',
    reference: 'cerfa n° 14866*01 — 02',
  },
  '06': {
    title: 'DEMANDE DE PERMIS DE CONDUIRE — FABRICATION DU TITRE',
    reference: 'cerfa n° 14882*01 — 06',
  },
} as const;

/** A declaration's boxes; both empty while it is not answered. */
const yesNo = (value: boolean | null) =>
  value === null ? '[ ] Oui   [ ] Non' : value ? '[X] Oui   [ ] Non' : '[ ] Oui   [X] Non';
const frDate = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('/') : iso);
const TRAINING = {
  none: 'Aucune',
  aac: 'Apprentissage anticipé de la conduite (AAC)',
  supervised: 'Conduite supervisée',
} satisfies Record<Dossier['training'], string>;

type Line = readonly [label: string, value: string];

/**
 * The "Demande" section: each field of the contract's dossier, in print order, with its line; a
 * field added to `dossierSchema` does not compile until it is printed or said not to be (null).
 */
const REQUEST_LINES = {
  neph: (d) => ['Numéro NEPH', d.neph],
  requestedCategories: (d) => ['Catégorie(s) demandée(s)', d.requestedCategories.join(', ')],
  heldCategories: (d) => ['Catégorie(s) déjà obtenue(s)', d.heldCategories.join(', ')],
  lastCategoryDate: (d) => ['Dernière catégorie obtenue le', frDate(d.lastCategoryDate)],
  lastCategoryPlace: (d) => ['Lieu', d.lastCategoryPlace],
  lastCategoryBy: (d) => [
    'Obtenue',
    d.lastCategoryBy === 'exam' ? 'Par examen' : d.lastCategoryBy === 'exchange' ? 'Par échange' : '',
  ],
  // The dossier's own choice, else the office's (« Celle du bureau »).
  prefectureCode: (d, office) => ['Préfecture', prefectureName(d.prefectureCode || office.prefectureCode) ?? ''],
  training: (d) => ['Formation choisie', TRAINING[d.training]],
  medicalVisitDate: (d) => ['Visite médicale', frDate(d.medicalVisitDate)],
  // Not on this print: the previous licence's place is sent online only.
  previousLicenceDepartment: null,
  previousLicenceCountry: null,
  // Their own section (DECLARATION_LINES).
  declarations: null,
} satisfies Record<keyof Dossier, ((dossier: DossierForm, office: OfficeRow) => Line) | null>;

/** The "Déclarations du candidat" section: each declaration, in print order, with its wording. */
const DECLARATION_LINES = {
  pendingExamOtherDepartment: "Être en instance d'examen dans le même ou un autre département",
  pendingExamOtherCategory: "Être en instance d'examen pour la même ou une autre catégorie",
  readsFrench: 'Comprendre et lire couramment le français',
  adaptedVehicle: 'Devoir conduire un véhicule aménagé',
  jdcInOrder: 'Être en règle avec la Journée défense et citoyenneté (JDC)',
  visionCorrection: "Porteur d'un dispositif de correction de la vision",
  medicalCondition: "Atteint d'une affection et/ou d'un handicap",
  disabilityPension: "Titulaire d'une pension d'invalidité civile ou militaire",
  dataReuseOpposition: "S'oppose à la réutilisation de ses données personnelles",
} satisfies Record<keyof Dossier['declarations'], string>;

/**
 * "Impression Cerfa": the paper form 02 or 06 filled with the fiche élève and the Dossier 02-06, to
 * print for a paper application or for the student to check. Built-in Helvetica (WinAnsi covers French).
 */
export function renderCerfa(
  type: '02' | '06',
  student: StudentRow,
  dossier: DossierForm,
  office: OfficeRow,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 48, bottom: 48, left: 50, right: 50 },
    info: { Title: `Cerfa ${type} — ${student.birthName} ${student.firstName}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const { title, reference } = TITLES[type];
  doc.font('Helvetica-Bold').fontSize(13).text(title, { align: 'center' });
  doc.font('Helvetica').fontSize(9).text(reference, { align: 'center' }).moveDown(1);

  const section = (name: string) => {
    doc
      .moveDown(0.6)
      .font('Helvetica-Bold')
      .fontSize(10)
      .fillColor('#000091')
      .text(name.toUpperCase())
      .fillColor('black');
    doc
      .moveTo(doc.page.margins.left, doc.y)
      .lineTo(doc.page.width - doc.page.margins.right, doc.y)
      .stroke('#999999');
    doc.moveDown(0.3);
  };
  const field = (label: string, value: string) => {
    doc
      .font('Helvetica-Bold')
      .fontSize(9)
      .text(`${label} : `, { continued: true })
      .font('Helvetica')
      .text(value || '—');
  };

  section('État civil du demandeur');
  field('Sexe', student.sex === 'F' ? 'Féminin' : 'Masculin');
  field('Nom de naissance', student.birthName);
  field("Nom d'usage", student.usageName);
  field('Prénom', student.firstName);
  field('Autres prénoms', student.otherFirstNames);
  field('Date de naissance', frDate(student.birthDate));
  field(
    'Lieu de naissance',
    `${student.birthCity}${student.birthDepartment ? ` (${student.birthDepartment})` : ''} — ${student.birthCountry}`,
  );

  section('Adresse et contact');
  field('Adresse', student.addressLine);
  field('Code postal et ville', `${student.postalCode} ${student.city}`);
  field('Courriel', student.email);
  field('Téléphone portable', student.mobile);

  const representative = student.legalRepresentative;
  if (representative) {
    section('Représentant légal');
    field('Qualité', { father: 'Père', mother: 'Mère', guardian: 'Tuteur' }[representative.quality]);
    field('Nom et prénom', `${representative.lastName} ${representative.firstName}`);
    field('Adresse', `${representative.addressLine1}, ${representative.postalCode} ${representative.city}`);
  }

  section('Demande');
  for (const line of Object.values(REQUEST_LINES)) if (line) field(...line(dossier, office));

  section('Déclarations du candidat');
  for (const [key, label] of Object.entries(DECLARATION_LINES)) {
    field(label, yesNo(dossier.declarations[key as keyof typeof DECLARATION_LINES]));
  }

  section('Établissement');
  field('Bureau', `${office.name} — ${office.addressLine}, ${office.postalCode} ${office.city}`);
  field("Numéro d'agrément", office.cerfaAgrement ?? '');
  field('Code ePhoto', type === '02' ? dossier.ephotoCode02 : dossier.ephotoCode06);

  doc
    .moveDown(2)
    .font('Helvetica')
    .fontSize(9)
    .text('Fait à ______________________, le ____/____/________      Signature du demandeur :');
  doc.end();
  return done;
}
