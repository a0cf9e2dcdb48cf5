import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { api, type CandidateDocuments } from '../api.ts';
import { CandidateFrame, SPACE_SEGMENTS } from '../components/CandidateFrame.tsx';
import { SessionLoading } from '../components/PageFrame.tsx';
import { RedirectToLogin } from '../components/RedirectToLogin.tsx';
import { useSession } from '../session.tsx';
import { useApiData } from '../useApiData.ts';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = 'Mes documents';

/** « Mes documents »: each demand's documents, a download once it exists, else why not yet. */
export function CandidateDocumentsPage() {
  usePageTitle(TITLE);
  const { session } = useSession();
  const list = useApiData('documents', api.candidateDocuments, { enabled: session.status === 'candidate' });

  if (session.status === 'loading') return <SessionLoading />;
  if (session.status !== 'candidate') return <RedirectToLogin to="/monespace/connexion" session={session} />;

  return (
    <CandidateFrame title={TITLE} segments={SPACE_SEGMENTS}>
      {list.status === 'loading' && <p role="status">Chargement…</p>}
      {list.status === 'error' && <Alert severity="error" small description={list.error.message} />}
      {list.data &&
        (list.data.applications.length === 0 ? (
          <p>Vous n'avez aucune démarche : aucun document pour le moment.</p>
        ) : (
          list.data.applications.map((application) => <DemandDocuments key={application.number} {...application} />)
        ))}
    </CandidateFrame>
  );
}

function DemandDocuments({ number, type, stateLabel, documents }: CandidateDocuments) {
  const id = `demande-${number}`;
  return (
    <section aria-labelledby={id} className="fr-mb-4w">
      <h2 id={id} className="fr-h5">
        Demande n° {number} ({type === '02' ? 'inscription, Cerfa 02' : 'titre, Cerfa 06'}) — {stateLabel}
      </h2>
      <ul>
        {documents.map((doc) => (
          <li key={doc.kind} className="fr-mb-1w">
            {doc.href ? (
              <a className="fr-link fr-icon-download-line fr-link--icon-left" href={doc.href} download>
                {doc.label} (PDF)
              </a>
            ) : (
              <span>
                {doc.label} : pas encore disponible — {doc.reason}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
