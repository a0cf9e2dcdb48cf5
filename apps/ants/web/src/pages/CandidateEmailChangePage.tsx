import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, asApiError } from '../api.ts';
import { CandidateFrame } from '../components/CandidateFrame.tsx';
import { useApiData } from '../useApiData.ts';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = 'Confirmer ma nouvelle adresse électronique';

/**
 * The link mailed to the new address. Opening it changes nothing (a mail scanner may follow links):
 * the candidate confirms with the button. No session needed: the link is the proof.
 */
export function CandidateEmailChangePage() {
  usePageTitle(TITLE);
  const { token = '' } = useParams();
  const link = useApiData(`email-change-${token}`, () => api.emailChange(token));
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const confirm = async () => {
    setSending(true);
    setError(null);
    try {
      setDone((await api.confirmEmailChange(token)).email);
    } catch (caught) {
      setError(asApiError(caught).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <CandidateFrame title={TITLE}>
      {link.status === 'loading' && <p role="status">Chargement…</p>}
      {link.status === 'error' && !done && <Alert severity="error" small description={link.error.message} />}
      {done ? (
        <>
          <Alert
            severity="success"
            small
            role="status"
            description={`Votre adresse électronique est désormais ${done}.`}
          />
          <p className="fr-mt-2w">
            <Link to="/monespace">Aller à mon espace</Link>
          </p>
        </>
      ) : (
        link.data && (
          <>
            <p>
              La nouvelle adresse de votre compte ANTS sera <strong>{link.data.newEmail}</strong>.
            </p>
            {error && <Alert className="fr-mb-2w" severity="error" small description={error} />}
            <Button onClick={confirm} disabled={sending}>
              Confirmer cette adresse
            </Button>
          </>
        )
      )}
    </CandidateFrame>
  );
}
