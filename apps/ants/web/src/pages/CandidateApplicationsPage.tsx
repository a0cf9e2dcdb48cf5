import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { Link, useLocation } from 'react-router';
import { api, type CandidateApplicationRow } from '../api.ts';
import { CandidateFrame } from '../components/CandidateFrame.tsx';
import { SessionLoading } from '../components/PageFrame.tsx';
import { RedirectToLogin } from '../components/RedirectToLogin.tsx';
import { formatParisDate } from '../formatDate.ts';
import { useSession } from '../session.tsx';
import { useApiData } from '../useApiData.ts';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = 'Mes démarches en cours';

/** The candidate's applications, each with the way to its recap ("Valider" when awaiting the candidate). */
export function CandidateApplicationsPage() {
  usePageTitle(TITLE);
  const { session } = useSession();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const list = useApiData('applications', api.candidateApplications, session.status === 'candidate');
  const inbox = useApiData('messages', api.candidateMessages, session.status === 'candidate');

  if (session.status === 'loading') return <SessionLoading />;
  if (session.status !== 'candidate') return <RedirectToLogin to="/monespace/connexion" session={session} />;
  const { candidate } = session;

  return (
    <CandidateFrame
      title={TITLE}
      welcome={
        <p className="fr-text--lead fr-mb-2w">
          Bienvenue {candidate.firstName} {candidate.lastName.toUpperCase()}
        </p>
      }
    >
      {notice && <Alert className="fr-mb-4w" severity="success" small role="status" description={notice} />}
      <p>
        <Link className="fr-link fr-icon-mail-line fr-link--icon-left" to="/monespace/messages">
          {`Mes messages${inbox.data && inbox.data.unread > 0 ? ` (${inbox.data.unread} non lu${inbox.data.unread > 1 ? 's' : ''})` : ''}`}
        </Link>
      </p>
      {list.status === 'loading' && <p role="status">Chargement…</p>}
      {list.status === 'error' && <Alert severity="error" small description={list.error.message} />}
      {list.status === 'ready' &&
        (list.data.applications.length === 0 ? (
          <p>Vous n'avez aucune démarche en cours.</p>
        ) : (
          <ApplicationsTable applications={list.data.applications} />
        ))}
    </CandidateFrame>
  );
}

function ApplicationsTable({ applications }: { applications: CandidateApplicationRow[] }) {
  return (
    <Table
      caption="Vos demandes de permis de conduire"
      headers={['Prénom', 'Nom', 'Numéro', 'Date de création', 'Date de mise à jour', 'Etat', 'Actions']}
      data={applications.map((application) => [
        application.firstName,
        application.lastName,
        application.number,
        formatParisDate(application.createdAt),
        formatParisDate(application.updatedAt),
        application.neph ? `${application.stateLabel} — NEPH ${application.neph}` : application.stateLabel,
        <Link
          key="action"
          className={application.canValidate ? 'fr-btn fr-btn--sm' : 'fr-btn fr-btn--sm fr-btn--secondary'}
          to={`/monespace/demarches/${encodeURIComponent(application.number)}`}
          aria-label={`${application.canValidate ? 'Valider' : 'OK, consulter'} la demande n° ${application.number}`}
        >
          {application.canValidate ? 'Valider' : 'OK'}
        </Link>,
      ])}
    />
  );
}
