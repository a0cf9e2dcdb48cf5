import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, asApiError } from '../api.ts';
import { CandidateFrame } from '../components/CandidateFrame.tsx';
import { useApiData } from '../useApiData.ts';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = 'Rattacher mes démarches';

/**
 * The link mailed to another address of the person's (decision 0016). Opening it changes nothing (a
 * mail scanner may follow links): the person confirms with the button. The link is the proof.
 */
export function CandidateAttachPage() {
  usePageTitle(TITLE);
  const { token = '' } = useParams();
  const link = useApiData(`attach-${token}`, () => api.attachLink(token));
  const [moved, setMoved] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const confirm = async () => {
    setSending(true);
    setError(null);
    try {
      setMoved((await api.attach(token)).moved);
    } catch (caught) {
      setError(asApiError(caught).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <CandidateFrame title={TITLE}>
      {link.status === 'loading' && <p role="status">Chargement…</p>}
      {link.status === 'error' && moved === null && <Alert severity="error" small description={link.error.message} />}
      {moved !== null ? (
        <>
          <Alert
            severity="success"
            small
            role="status"
            description={
              moved === 1 ? 'Une démarche a rejoint votre compte.' : `${moved} démarches ont rejoint votre compte.`
            }
          />
          <p className="fr-mt-2w">
            <Link to="/monespace/demarches">Voir mes démarches en cours</Link>
          </p>
        </>
      ) : (
        link.data && (
          <>
            <p>
              Les démarches enregistrées avec l’adresse <strong>{link.data.address}</strong> rejoindront votre compte
              ANTS relié à FranceConnect. Le compte de cette adresse, s’il en avait un, sera fermé.
            </p>
            {error && <Alert className="fr-mb-2w" severity="error" small description={error} />}
            <Button onClick={confirm} disabled={sending}>
              Rattacher ces démarches à mon compte
            </Button>
          </>
        )
      )}
    </CandidateFrame>
  );
}
