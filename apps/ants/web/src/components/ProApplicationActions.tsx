import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { type ApplicationAction, actionAllowed, type HeldApplication, inStateSet } from '@permis/ants-api';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, asApiError } from '../api.ts';

type WebAction = 'validate' | 'complete' | 'delete';

/** The actions of the demand's page, each offered in the states the contract allows it. */
const ACTIONS: { action: WebAction & ApplicationAction; label: string; done: string; secondary?: boolean }[] = [
  { action: 'validate', label: 'Valider la demande', done: 'La demande est validée.' },
  {
    action: 'complete',
    label: "Renvoyer la demande complétée à l'instruction",
    done: "La demande est renvoyée à l'instruction.",
  },
  { action: 'delete', label: 'Supprimer la demande', done: 'La demande est supprimée.', secondary: true },
];

export function ProApplicationActions({
  application,
  onChanged,
}: {
  application: HeldApplication;
  onChanged: (application: HeldApplication) => void;
}) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const offered = ACTIONS.filter((entry) => actionAllowed(entry.action, application.state));

  const run = async (entry: (typeof ACTIONS)[number]) => {
    if (entry.action === 'delete' && !window.confirm('Supprimer définitivement cette demande ?')) return;
    setBusy(true);
    setMessage(null);
    try {
      const { application: changed } = await api.proAction(application.number, entry.action);
      onChanged(changed);
      setMessage({ severity: 'success', text: entry.done });
    } catch (caught) {
      setMessage({ severity: 'error', text: asApiError(caught).message });
    } finally {
      setBusy(false);
    }
  };

  // The Cerfa 06 starts as a "Nouvelle demande" filled in from this accepted Cerfa 02.
  const startTitle = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const { entry } = await api.startEntry(application.number);
      navigate(`/pro/nouvelle-demande/${entry.id}`);
    } catch (caught) {
      setMessage({ severity: 'error', text: asApiError(caught).message });
      setBusy(false);
    }
  };

  return (
    <section className="fr-mt-4w" aria-labelledby="actions-titre">
      <h2 id="actions-titre" className="fr-h5">
        Actions
      </h2>
      {message && (
        <Alert className="fr-mb-3w" severity={message.severity} small description={message.text} role="status" />
      )}
      {inStateSet('dataEditable', application.state) && (
        <p>
          <Link
            className="fr-link fr-icon-edit-line fr-link--icon-left"
            to={`/pro/demandes/${encodeURIComponent(application.number)}/modifier`}
          >
            Modifier la demande
          </Link>
        </p>
      )}
      {application.type === '02' && inStateSet('granted', application.state) && (
        <p>
          <Button priority="secondary" disabled={busy} onClick={startTitle}>
            Faire la demande de titre (Cerfa 06)
          </Button>
        </p>
      )}
      {offered.length === 0 ? (
        <p>Aucune action n'est possible dans l'état actuel de la demande.</p>
      ) : (
        <ul className="fr-btns-group fr-btns-group--inline">
          {offered.map((entry) => (
            <li key={entry.action}>
              <Button priority={entry.secondary ? 'secondary' : 'primary'} disabled={busy} onClick={() => run(entry)}>
                {entry.label}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
