import { SegmentedControl, type SegmentedControlProps } from '@codegouvfr/react-dsfr/SegmentedControl';
import { AGENT_FIRST_QUEUE } from '@permis/ants-api';
import { Link, useSearchParams } from 'react-router';
import type { AgentQueueState } from '../api.ts';
import { AgentQueue, QUEUE_STATES } from '../components/AgentQueue.tsx';
import { PageFrame, SessionLoading } from '../components/PageFrame.tsx';
import { RedirectToLogin } from '../components/RedirectToLogin.tsx';
import { useSession } from '../session.tsx';
import { usePageTitle } from '../usePageTitle.ts';

/** The instruction console: the applications of one state, the ones to instruct first. */
export function AgentHomePage() {
  usePageTitle("Console d'instruction");
  const { session } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('etat');
  const state: AgentQueueState = QUEUE_STATES.find((entry) => entry.state === requested)?.state ?? AGENT_FIRST_QUEUE;

  if (session.status === 'loading') return <SessionLoading />;
  if (session.status !== 'agent') return <RedirectToLogin to="/agent/connexion" session={session} />;
  const { agent } = session;

  function segment(entry: (typeof QUEUE_STATES)[number]): SegmentedControlProps.SegmentWithoutIcon {
    return {
      label: entry.label,
      nativeInputProps: {
        value: entry.state,
        checked: entry.state === state,
        onChange: () => setSearchParams(entry.state === AGENT_FIRST_QUEUE ? {} : { etat: entry.state }),
      },
    };
  }

  return (
    <PageFrame title="Console d'instruction">
      <section aria-label="Votre affectation">
        <p className="fr-text--lead">
          Bienvenue {agent.firstName} {agent.lastName.toUpperCase()} — {agent.service}
        </p>
        <p>
          <Link className="fr-link" to="/agent/envois">
            Courriels et SMS non délivrés
          </Link>
        </p>
      </section>
      <SegmentedControl
        className="fr-mb-3w"
        legend="État des demandes"
        name="etat"
        // The design system's control takes one to five segments; the contract's `sent` set has four.
        segments={QUEUE_STATES.map(segment) as SegmentedControlProps['segments']}
      />
      <AgentQueue state={state} />
    </PageFrame>
  );
}
