import { type Dossier, splitStreetLine } from '@permis/ants-api';
import { Fragment, type ReactNode } from 'react';
import { type CandidateApplication, candidateLinkPath, type Piece } from '../api.ts';
import { formatCalendarDate } from '../formatDate.ts';
import { SummaryList } from './SummaryList.tsx';
import { TitledSection } from './TitledSection.tsx';

/** The candidate's answer on the reuse of their data, as seed 000's recap says it to them. */
const DATA_REUSE = {
  opposed:
    "Vous n'acceptez pas que vos données personnelles soient réutilisées à des fins d'information (elles ne seront ni vendues ni cédées à des organismes à but lucratif).",
  accepted:
    "Vous acceptez que vos données personnelles soient réutilisées à des fins d'information (elles ne seront ni vendues ni cédées à des organismes à but lucratif).",
};

/** Why the title is asked (seed 000): a registration (Cerfa 02) or, after the exam, the licence itself (Cerfa 06). */
const TITLE_CONTEXT = {
  '02': "La demande de titre est effectuée dans le cadre d'une inscription au permis de conduire.",
  '06': "La demande de titre est effectuée à la suite de la réussite à l'examen du permis de conduire.",
};

const NOT_GIVEN = 'Non renseigné';

/** A line of a section's label / value list. */
type Line = { label: string; value: string };
/** The recap's sections that list a field of the dossier as a line, and those that say it in sentences. */
type LineSection = 'recap-categories' | 'recap-address';
type TextSection = 'recap-motif' | 'recap-training' | 'recap-contact';
type Shown =
  | { in: LineSection; line: (application: CandidateApplication) => Line }
  | { in: TextSection; text: (application: CandidateApplication) => ReactNode };

/**
 * Where and how the recap shows each field of the contract's dossier, in the order the sections
 * render them: a field added to `dossierSchema` does not compile until it is shown in a section (which
 * renders what this table gives it) or said not to be (null).
 */
const SHOWN = {
  medicalVisitDate: { in: 'recap-motif', text: (application) => <p>{medicalVisit(application)}</p> },
  requestedCategories: {
    in: 'recap-categories',
    line: ({ dossier }) => ({
      label: 'Catégorie(s) de permis demandée(s)',
      value: categories(dossier.requestedCategories),
    }),
  },
  heldCategories: {
    in: 'recap-categories',
    line: ({ dossier }) => ({
      label: 'Catégorie(s) de permis déjà obtenue(s)',
      value: categories(dossier.heldCategories),
    }),
  },
  training: { in: 'recap-training', text: ({ dossier }) => <Training training={dossier.training} /> },
  // By the préfecture's name (`application.prefecture`).
  prefectureCode: {
    in: 'recap-address',
    line: (application) => ({ label: 'Préfecture de rattachement', value: application.prefecture }),
  },
  // The reuse of data only: seed 000's recap does not repeat the Oui / Non answers.
  declarations: {
    in: 'recap-contact',
    text: ({ dossier }) => (
      <p className="fr-mt-2w fr-mb-0">
        {dossier.declarations.dataReuseOpposition === true ? DATA_REUSE.opposed : DATA_REUSE.accepted}
      </p>
    ),
  },
  // Not in seed 000's recap: what the candidate already holds is told by "Nouveau titre" alone.
  neph: null,
  lastCategoryDate: null,
  lastCategoryPlace: null,
  lastCategoryBy: null,
  previousLicenceDepartment: null,
  previousLicenceCountry: null,
} satisfies Record<keyof Dossier, Shown | null>;

const SHOWN_FIELDS = Object.keys(SHOWN) as (keyof Dossier)[];

/** The lines of the dossier a section lists, in the table's order. */
function linesIn(section: LineSection, application: CandidateApplication): Line[] {
  return SHOWN_FIELDS.flatMap((field) => {
    const shown: Shown | null = SHOWN[field];
    return shown && 'line' in shown && shown.in === section ? [shown.line(application)] : [];
  });
}

/** What a section says of the dossier, in the table's order. */
function textsIn(section: TextSection, application: CandidateApplication): ReactNode[] {
  return SHOWN_FIELDS.flatMap((field) => {
    const shown: Shown | null = SHOWN[field];
    return shown && 'text' in shown && shown.in === section
      ? [<Fragment key={field}>{shown.text(application)}</Fragment>]
      : [];
  });
}

/** Every section of the recap of an application, in the order of the agency's form (seed 000). */
export function ApplicationRecap({
  application,
  filePath = (number, fileId) => candidateLinkPath('pieceFile', { number, fileId }),
}: {
  application: CandidateApplication;
  /** Where a pièce's file is read: the candidate's API unless told (the school's). */
  filePath?: (number: string, fileId: string) => string;
}) {
  const { candidate, dossier, legalRepresentative } = application;
  return (
    <>
      <TitledSection id="recap-motif" title="Motif de la demande du titre">
        <p>
          {legalRepresentative
            ? 'La demande est effectuée pour une personne mineure par son représentant légal.'
            : 'Vous effectuez la demande pour vous-même en tant que personne majeure ou mineure émancipée.'}
        </p>
        <p>{TITLE_CONTEXT[application.type]}</p>
        {textsIn('recap-motif', application)}
        <SummaryList
          items={[
            { label: 'Type de demande', value: application.typeLabel },
            { label: 'École de conduite', value: application.school },
            { label: 'État de la demande', value: application.stateLabel },
          ]}
        />
      </TitledSection>

      <TitledSection id="recap-title" title="Nouveau titre">
        <p className="fr-mb-0">
          {dossier.heldCategories.length === 0
            ? 'La demande concerne un premier permis de conduire.'
            : "La demande concerne l'ajout d'une catégorie à un permis de conduire déjà obtenu."}
        </p>
      </TitledSection>

      <TitledSection id="recap-categories" title="Catégories de permis">
        <SummaryList items={linesIn('recap-categories', application)} />
      </TitledSection>

      <TitledSection id="recap-training" title="Formations">
        <p>Le permis sera obtenu sans formation complémentaires.</p>
        {textsIn('recap-training', application)}
      </TitledSection>

      <TitledSection id="recap-civil" title="État civil de la personne concernée par le titre">
        <SummaryList
          items={[
            { label: 'Sexe', value: candidate.sex === 'F' ? 'Féminin' : 'Masculin' },
            { label: 'Nom de naissance', value: candidate.birthName },
            { label: "Nom d'usage", value: candidate.usageName || NOT_GIVEN },
            { label: 'Prénom', value: candidate.firstName },
            { label: 'Autres prénoms', value: candidate.otherFirstNames || NOT_GIVEN },
            { label: 'Date de naissance', value: formatCalendarDate(candidate.birthDate) },
            { label: 'Commune de naissance', value: candidate.birthCity },
            { label: 'Département de naissance', value: candidate.birthDepartment || NOT_GIVEN },
            { label: 'Pays de naissance', value: candidate.birthCountry },
          ]}
        />
      </TitledSection>

      <TitledSection id="recap-address" title="Adresse de la personne concernée par le titre">
        <SummaryList
          items={[
            ...streetLines(candidate.addressLine1),
            {
              label: "Complément d'adresse (étage, escalier, appartement - Immeuble, bâtiment, résidence - Lieu-dit)",
              value: candidate.addressLine2,
            },
            { label: 'Code Postal', value: candidate.postalCode },
            { label: 'Commune', value: candidate.city },
            ...linesIn('recap-address', application),
          ]}
        />
      </TitledSection>

      {legalRepresentative && (
        <TitledSection id="recap-representative" title="Représentant légal">
          <SummaryList
            items={[
              { label: 'Qualité', value: legalRepresentative.quality },
              { label: 'Nom', value: legalRepresentative.lastName },
              { label: 'Prénom', value: legalRepresentative.firstName },
              {
                label: 'Adresse',
                value: `${legalRepresentative.addressLine1}, ${legalRepresentative.postalCode} ${legalRepresentative.city}`,
              },
            ]}
          />
        </TitledSection>
      )}

      <TitledSection id="recap-contact" title="Coordonnées où l'on peut vous joindre">
        <SummaryList
          items={[
            { label: 'Adresse mél.', value: candidate.email },
            { label: 'Téléphone portable (Recommandé)', value: candidate.mobile || NOT_GIVEN },
          ]}
        />
        {textsIn('recap-contact', application)}
      </TitledSection>

      <TitledSection id="recap-pieces" title="Pièces justificatives">
        {application.pieces.length === 0 ? (
          <p className="fr-mb-0">Aucune pièce justificative.</p>
        ) : (
          application.pieces.map((piece) => (
            <PieceFiles key={piece.label} href={(fileId) => filePath(application.number, fileId)} piece={piece} />
          ))
        )}
      </TitledSection>
    </>
  );
}

function PieceFiles({ href, piece }: { href: (fileId: string) => string; piece: Piece }) {
  const pages = `${piece.pages} page${piece.pages > 1 ? 's' : ''} / ${piece.maxPages} page${piece.maxPages > 1 ? 's' : ''} maximum`;
  return (
    <div className="fr-mb-2w">
      <h3 className="fr-text--md fr-text--bold fr-mb-1v">
        {piece.label} ({pages})
      </h3>
      <p className="fr-mb-0">
        Liste des fichiers :{' '}
        {piece.files.map((file, index) => (
          <span key={file.id}>
            {index > 0 && ', '}
            <a className="fr-link" href={href(file.id)} download={file.fileName}>
              {file.fileName}
            </a>
          </span>
        ))}
      </p>
    </div>
  );
}

function Training({ training }: { training: Dossier['training'] }) {
  return (
    <ul className="fr-mb-0">
      <li>
        {training === 'aac'
          ? "Le candidat a choisi de suivre une formation d'apprentissage anticipé de la conduite (A.A.C.)."
          : "Le candidat a choisi de ne pas suivre une formation d'apprentissage anticipé de la conduite (A.A.C.)."}
      </li>
      <li>
        {training === 'supervised'
          ? 'Le candidat a choisi de suivre une formation de conduite supervisée.'
          : 'Le candidat a choisi de ne pas suivre une formation de conduite supervisée.'}
      </li>
      {training === 'none' && <li>Le candidat suit une formation traditionnelle.</li>}
    </ul>
  );
}

function medicalVisit({ dossier, medicalVisitNeeded }: CandidateApplication): string {
  if (dossier.medicalVisitDate) {
    return `La visite médicale a eu lieu le ${formatCalendarDate(dossier.medicalVisitDate)}.`;
  }
  return medicalVisitNeeded
    ? 'Une visite médicale auprès d’un médecin agréé par le préfet est nécessaire.'
    : "La visite médicale n'est pas nécessaire.";
}

function categories(list: string[]): string {
  return list.length === 0 ? 'Aucune' : list.join(', ');
}

/** Seed 000's four lines of a street address, read from the line as it was typed (`splitStreetLine`). */
function streetLines(line: string) {
  const street = splitStreetLine(line);
  return [
    { label: 'N° de la voie', value: street.number },
    { label: 'Extension (bis, ter, etc)', value: street.extension },
    { label: 'Type de voie (avenue, boulevard, etc)', value: street.streetType },
    { label: 'Nom de la voie', value: street.streetName },
  ];
}
