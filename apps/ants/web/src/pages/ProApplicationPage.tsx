import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api.ts';
import { PageFrame, SessionLoading } from '../components/PageFrame.tsx';
import { Panel } from '../components/Panel.tsx';
import { ProApplicationActions } from '../components/ProApplicationActions.tsx';
import { ProDocumentsList } from '../components/ProDocumentsList.tsx';
import { ProEphotoPanel } from '../components/ProEphotoPanel.tsx';
import { ProHistory } from '../components/ProHistory.tsx';
import { ProPiecesPanel } from '../components/ProPiecesPanel.tsx';
import { RedirectToLogin } from '../components/RedirectToLogin.tsx';
import { SummaryList } from '../components/SummaryList.tsx';
import { formatParisDateTime } from '../formatDate.ts';
import { useSession } from '../session.tsx';
import { useApiData } from '../useApiData.ts';
import { usePageTitle } from '../usePageTitle.ts';

/** A demand of the school, as its professional space shows it (the professional API's view). */
export function ProApplicationPage() {
  const { number = '' } = useParams();
  const { session } = useSession();
  const [version, setVersion] = useState(0);
  const loaded = useApiData(number, () => api.proApplication(number), { enabled: session.status === 'pro', version });
  const title = loaded.status === 'error' ? 'Demande introuvable' : `Demande n° ${number}`;
  usePageTitle(title);
  if (session.status === 'loading') return <SessionLoading />;
  if (session.status !== 'pro') return <RedirectToLogin to="/pro/connexion" session={session} />;
  const segments = [{ label: 'Espace professionnel', linkProps: { to: '/pro' } }];

  return (
    <PageFrame title={title} segments={segments}>
      {!loaded.data && loaded.status === 'loading' && <p role="status">Chargement…</p>}
      {loaded.status === 'error' && <Alert severity="error" small description={loaded.error.message} />}
      {loaded.data && (
        <Panel className="fr-p-4w">
          <h2 className="fr-h4">{loaded.data.application.stateLabel}</h2>
          <SummaryList
            items={[
              { label: 'Type', value: `Cerfa ${loaded.data.application.type}` },
              {
                label: 'Candidat',
                value: `${loaded.data.application.candidate.birthName} ${loaded.data.application.candidate.firstName}`,
              },
              { label: 'Né(e) le', value: loaded.data.application.candidate.birthDate.split('-').reverse().join('/') },
              { label: 'Courriel', value: loaded.data.application.candidate.email },
              { label: 'Mandat papier', value: loaded.data.application.paperMandate ? 'Oui' : 'Non' },
              { label: 'Créée le', value: formatParisDateTime(loaded.data.application.createdAt) },
              { label: 'Dernière modification', value: formatParisDateTime(loaded.data.application.updatedAt) },
            ]}
          />
          <ProApplicationActions application={loaded.data.application} onChanged={() => setVersion((n) => n + 1)} />
          <ProDocumentsList application={loaded.data.application} />
        </Panel>
      )}
      {loaded.data && (
        <>
          <Panel className="fr-p-4w fr-mt-4w">
            <ProEphotoPanel application={loaded.data.application} onChanged={() => setVersion((n) => n + 1)} />
          </Panel>
          <Panel className="fr-p-4w fr-mt-4w">
            <ProPiecesPanel application={loaded.data.application} onChanged={() => setVersion((n) => n + 1)} />
          </Panel>
          <Panel className="fr-p-4w fr-mt-4w">
            <ProHistory application={loaded.data.application} version={version} />
          </Panel>
        </>
      )}
    </PageFrame>
  );
}
