import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { agentMayDecide } from '@permis/ants-api';
import { useState } from 'react';
import { useParams } from 'react-router';
import { type AgentApplication, api } from '../api.ts';
import { AgentActions } from '../components/AgentActions.tsx';
import { AgentApplicationDetails } from '../components/AgentApplicationDetails.tsx';
import { SessionLoading } from '../components/PageFrame.tsx';
import { RedirectToLogin } from '../components/RedirectToLogin.tsx';
import { useSession } from '../session.tsx';
import { useApiData } from '../useApiData.ts';
import { usePageTitle } from '../usePageTitle.ts';

/** An application under instruction: what the school sent, and the agent's decision while it is to instruct. */
export function AgentApplicationPage() {
  const number = useParams().number ?? '';
  const { session } = useSession();
  // Bumped after a decision: the page loads the application again and shows its new state.
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const loaded = useApiData(number, () => api.agentApplication(number), {
    enabled: session.status === 'agent',
    version,
  });
  const title = loaded.status === 'error' ? 'Demande introuvable' : `Demande n° ${number}`;
  usePageTitle(title);

  if (session.status === 'loading') return <SessionLoading />;
  if (session.status !== 'agent') return <RedirectToLogin to="/agent/connexion" session={session} />;

  function decided(message: string) {
    setNotice(message);
    setVersion((current) => current + 1);
  }

  return (
    <div className="fr-container fr-mb-8w">
      <Breadcrumb
        currentPageLabel={title}
        homeLinkProps={{ to: '/' }}
        segments={[{ label: "Console d'instruction", linkProps: { to: '/agent' } }]}
      />
      <h1>{title}</h1>
      {notice && <Alert className="fr-mb-3w" severity="success" small description={notice} />}
      {loaded.status === 'loading' && <p role="status">Chargement…</p>}
      {loaded.status === 'error' && <Alert severity="error" small description={loaded.error.message} />}
      {loaded.status === 'ready' && <Content data={loaded.data} onDecided={decided} />}
    </div>
  );
}

function Content({ data, onDecided }: { data: AgentApplication; onDecided: (message: string) => void }) {
  const { application } = data;
  return (
    <>
      <p className="fr-text--lead">
        Cerfa {application.type} — État : <strong>{application.stateLabel}</strong>
      </p>
      <AgentApplicationDetails data={data} />
      {agentMayDecide(application.state) && (
        <AgentActions number={application.number} pieces={data.pieces} onDecided={onDecided} />
      )}
    </>
  );
}
