import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { agentQueueStateSchema } from '@permis/ants-api';
import { Link } from 'react-router';
import { type AgentQueueState, api } from '../api.ts';
import { formatParisDateTime } from '../formatDate.ts';
import { useApiData } from '../useApiData.ts';

type QueueEntry = { state: AgentQueueState; label: string; empty: string };

/** One queue per state sent to instruction: a state added to the set does not compile without its own. */
const QUEUES: Record<AgentQueueState, Omit<QueueEntry, 'state'>> = {
  under_instruction: { label: 'À instruire', empty: 'Aucune demande à instruire.' },
  to_complete: { label: 'À compléter', empty: 'Aucune demande à compléter.' },
  rejected: { label: 'Rejetées', empty: 'Aucune demande rejetée.' },
  accepted: { label: 'Acceptées', empty: 'Aucune demande acceptée.' },
};

/** The states an agent can list, in the order of the filter (the contract's `sent` set). */
export const QUEUE_STATES: QueueEntry[] = agentQueueStateSchema.options.map((state) => ({
  state,
  ...QUEUES[state],
}));

/** The applications in one state of instruction, as a table. */
export function AgentQueue({ state }: { state: AgentQueueState }) {
  const loaded = useApiData(state, () => api.agentApplications(state));
  const current = { state, ...QUEUES[state] };

  if (loaded.status === 'loading') return <p role="status">Chargement…</p>;
  if (loaded.status === 'error') return <Alert severity="error" small description={loaded.error.message} />;
  const { applications } = loaded.data;
  if (applications.length === 0) return <p role="status">{current.empty}</p>;

  return (
    <Table
      caption={`Demandes — ${current.label} (${applications.length})`}
      headers={['Numéro', 'Type', 'Candidat', 'École de conduite', 'Dernière modification', 'État']}
      data={applications.map((row) => [
        <Link key="number" className="fr-link" to={`/agent/demandes/${encodeURIComponent(row.number)}`}>
          {row.number}
        </Link>,
        `Cerfa ${row.type}`,
        row.candidate,
        row.school,
        formatParisDateTime(row.updatedAt),
        row.stateLabel,
      ])}
    />
  );
}
