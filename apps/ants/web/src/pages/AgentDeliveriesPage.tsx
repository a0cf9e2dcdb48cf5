import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useState } from 'react';
import { api, asApiError, type FailedDelivery } from '../api.ts';
import { PageFrame, SessionLoading } from '../components/PageFrame.tsx';
import { RedirectToLogin } from '../components/RedirectToLogin.tsx';
import { formatParisDateTime } from '../formatDate.ts';
import { useSession } from '../session.tsx';
import { useApiData } from '../useApiData.ts';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = 'Courriels et SMS non délivrés';

/**
 * The mail and SMS that failed after every retry (mail server or SMS gateway down for long): none
 * is lost silently; once the cause is fixed, the agent sends each one again.
 */
export function AgentDeliveriesPage() {
  usePageTitle(TITLE);
  const { session } = useSession();
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const loaded = useApiData('deliveries', () => api.failedDeliveries(), {
    enabled: session.status === 'agent',
    version,
  });

  if (session.status === 'loading') return <SessionLoading />;
  if (session.status !== 'agent') return <RedirectToLogin to="/agent/connexion" session={session} />;

  const retry = async (delivery: FailedDelivery) => {
    try {
      await api.retryDelivery(delivery);
      setMessage({ severity: 'success', text: `L'envoi à ${delivery.to} a été relancé.` });
    } catch (error) {
      setMessage({ severity: 'error', text: asApiError(error).message });
    }
    setVersion((v) => v + 1);
  };

  return (
    <PageFrame title={TITLE} segments={[{ label: "Console d'instruction", linkProps: { to: '/agent' } }]}>
      <p>
        Ces messages n'ont pas pu être remis malgré les nouvelles tentatives automatiques (pendant une vingtaine de
        minutes). Une fois la cause corrigée (serveur de messagerie, passerelle SMS), relancez-les.
      </p>
      <div aria-live="polite">
        {message && <Alert className="fr-mb-3w" severity={message.severity} small description={message.text} />}
      </div>
      {loaded.status === 'loading' && <p role="status">Chargement…</p>}
      {loaded.status === 'error' && <Alert severity="error" small description={loaded.error.message} />}
      {loaded.status === 'ready' &&
        (loaded.data.deliveries.length === 0 ? (
          <p role="status">Aucun envoi en échec.</p>
        ) : (
          <Table
            caption={`Envois en échec (${loaded.data.deliveries.length})`}
            headers={['Canal', 'Destinataire', 'Objet ou texte', 'Dernière erreur', 'Échec le', 'Tentatives', 'Action']}
            data={loaded.data.deliveries.map((delivery) => [
              delivery.channel === 'mail' ? 'Courriel' : 'SMS',
              delivery.to,
              delivery.summary,
              delivery.error,
              formatParisDateTime(delivery.failedAt),
              String(delivery.attempts),
              <Button
                key="retry"
                size="small"
                priority="secondary"
                onClick={() => void retry(delivery)}
                nativeButtonProps={{ 'aria-label': `Relancer l'envoi à ${delivery.to}` }}
              >
                Relancer
              </Button>,
            ])}
          />
        ))}
    </PageFrame>
  );
}
