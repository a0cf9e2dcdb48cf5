import type { Dossier } from '@permis/ants-api';
import { type AgentApplication, type AgentPiece, agentFilePath } from '../api.ts';
import { formatCalendarDate } from '../formatDate.ts';
import { SummaryList } from './SummaryList.tsx';
import { TitledSection } from './TitledSection.tsx';

const NOT_GIVEN = 'Non renseigné';

type Row = { label: string; value: string };

/**
 * The "Dossier" rows the agent reads, one entry per field of the contract's dossier, in the page's
 * order: a field added to `dossierSchema` does not compile until it is shown here or said not to be.
 */
const DOSSIER_ROWS = {
  requestedCategories: ({ application }) => ({
    label: 'Catégorie(s) demandée(s)',
    value: application.dossier.requestedCategories.join(', ') || 'Aucune',
  }),
  // The préfecture by its name, as the service resolved the code.
  prefectureCode: ({ prefecture }) => ({ label: 'Préfecture', value: prefecture || NOT_GIVEN }),
  // Not shown to the agent: the instruction of this service decides on the pièces, the categories and the préfecture.
  neph: null,
  medicalVisitDate: null,
  heldCategories: null,
  lastCategoryDate: null,
  lastCategoryPlace: null,
  lastCategoryBy: null,
  previousLicenceDepartment: null,
  previousLicenceCountry: null,
  declarations: null,
  training: null,
} satisfies Record<keyof Dossier, ((data: AgentApplication) => Row) | null>;

/** What the school sent: identity, address, categories, prefecture, ePhoto and pièces. */
export function AgentApplicationDetails({ data }: { data: AgentApplication }) {
  const { application, ephotoCode, pieces } = data;
  const { candidate } = application;
  return (
    <>
      <TitledSection id="detail-identity" title="Identité du candidat">
        <SummaryList
          items={[
            { label: 'Nom de naissance', value: candidate.birthName },
            { label: 'Prénom', value: candidate.firstName },
            { label: 'Autres prénoms', value: candidate.otherFirstNames || NOT_GIVEN },
            { label: 'Date de naissance', value: formatCalendarDate(candidate.birthDate) },
            { label: 'Commune de naissance', value: candidate.birthCity },
            { label: 'Département de naissance', value: candidate.birthDepartment || NOT_GIVEN },
            { label: 'Pays de naissance', value: candidate.birthCountry },
            { label: 'Adresse mél.', value: candidate.email },
          ]}
        />
      </TitledSection>
      <TitledSection id="detail-address" title="Adresse">
        <SummaryList
          items={[
            { label: 'Adresse', value: candidate.addressLine1 },
            { label: 'Code postal', value: candidate.postalCode },
            { label: 'Commune', value: candidate.city },
          ]}
        />
      </TitledSection>
      <TitledSection id="detail-dossier" title="Dossier">
        <SummaryList
          items={[
            ...Object.values(DOSSIER_ROWS).flatMap((row) => (row ? [row(data)] : [])),
            {
              label: 'Mandat papier',
              value: application.paperMandate ? 'Oui : le candidat ne valide pas en ligne' : 'Non',
            },
            { label: 'ePhoto', value: ephotoCode ?? "Pas d'ePhoto : formulaire papier attendu" },
            ...(application.neph ? [{ label: 'NEPH', value: application.neph }] : []),
          ]}
        />
        {ephotoCode && (
          <div className="fr-grid-row fr-grid-row--gutters fr-mt-1w">
            {/* biome-ignore lint/a11y/noRedundantRoles: RGAA 1.9.2 asks the role on the element, which screen readers do not all give a figure */}
            <figure className="fr-col-auto fr-m-0" role="figure" aria-label="Photo">
              <img
                src={agentFilePath('ephotoImage', { number: application.number, image: 'photo' })}
                alt="Portrait du candidat (ePhoto)"
                height={180}
              />
              <figcaption className="fr-text--sm">Photo</figcaption>
            </figure>
            {/* biome-ignore lint/a11y/noRedundantRoles: RGAA 1.9.2 asks the role on the element, which screen readers do not all give a figure */}
            <figure className="fr-col-auto fr-m-0" role="figure" aria-label="Signature">
              <img
                src={agentFilePath('ephotoImage', { number: application.number, image: 'signature' })}
                alt="Signature du candidat (ePhoto)"
                height={90}
              />
              <figcaption className="fr-text--sm">Signature</figcaption>
            </figure>
          </div>
        )}
      </TitledSection>
      <TitledSection id="detail-pieces" title="Pièces justificatives">
        {pieces.length === 0 ? (
          <p className="fr-mb-0">Aucune pièce justificative.</p>
        ) : (
          pieces.map((piece) => <PieceFiles key={piece.kind} number={application.number} piece={piece} />)
        )}
      </TitledSection>
    </>
  );
}

function PieceFiles({ number, piece }: { number: string; piece: AgentPiece }) {
  return (
    <div className="fr-mb-2w">
      <h3 className="fr-text--md fr-text--bold fr-mb-1v">
        {piece.label} ({piece.pages} / {piece.maxPages} page{piece.maxPages > 1 ? 's' : ''}
        {piece.required ? ', obligatoire' : ''})
      </h3>
      {piece.files.length === 0 ? (
        <p className="fr-mb-0">Aucun fichier.</p>
      ) : (
        <ul className="fr-mb-0">
          {piece.files.map((file) => (
            <li key={file.id}>
              <a
                className="fr-link"
                href={agentFilePath('pieceFile', { number, fileId: file.id })}
                download={file.fileName}
              >
                Télécharger {file.fileName}
              </a>
              {file.comment && <p className="fr-text--sm fr-mb-0">Commentaire de l'école : {file.comment}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
