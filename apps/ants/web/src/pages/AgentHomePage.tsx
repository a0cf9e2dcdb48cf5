import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { PageFrame, SessionLoading } from '../components/PageFrame.tsx';
import { Panel } from '../components/Panel.tsx';
import { RedirectToLogin } from '../components/RedirectToLogin.tsx';
import { SummaryList } from '../components/SummaryList.tsx';
import { useSession } from '../session.tsx';
import { usePageTitle } from '../usePageTitle.ts';

export function AgentHomePage() {
  usePageTitle("Console d'instruction");
  const { session } = useSession();
  if (session.status === 'loading') return <SessionLoading />;
  if (session.status !== 'agent') return <RedirectToLogin to="/agent/connexion" session={session} />;
  const { agent } = session;

  return (
    <PageFrame title="Console d'instruction">
      <p className="fr-text--lead">
        Bienvenue {agent.firstName} {agent.lastName.toUpperCase()}
      </p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <section className="fr-col-12 fr-col-lg-6" aria-labelledby="agent-account-title">
          <Panel className="fr-p-4w">
            <h2 id="agent-account-title" className="fr-h4">
              Votre affectation
            </h2>
            <SummaryList
              items={[
                { label: 'Service', value: agent.service },
                { label: 'Identifiant', value: agent.login },
              ]}
            />
          </Panel>
        </section>
        <div className="fr-col-12 fr-col-lg-6">
          <CallOut title="Instruction des demandes" titleAs="h2" iconId="fr-icon-information-line">
            Les demandes de permis de conduire transmises par les écoles de conduite sont instruites par les agents des
            CERT et des préfectures depuis cette console.
          </CallOut>
        </div>
      </div>
    </PageFrame>
  );
}
