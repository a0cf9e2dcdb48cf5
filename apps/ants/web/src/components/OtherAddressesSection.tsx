import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { api, asApiError } from '../api.ts';
import { useApiData } from '../useApiData.ts';

/**
 * « Démarches faites pour vous avec une autre adresse » (decision 0016): shown to an account
 * FranceConnect vouches for when schools typed the person under other addresses. A link mailed to
 * one of them proves it is theirs; its demands then join this account. Nothing when there is none.
 */
export function OtherAddressesSection({ franceConnect }: { franceConnect: boolean }) {
  const others = useApiData('other-addresses', api.otherAddresses, { enabled: franceConnect });
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState<string | null>(null);
  const addresses = others.data?.addresses ?? [];
  if (addresses.length === 0) return null;

  const send = async (id: string) => {
    setSending(id);
    setError(null);
    setNotice(null);
    try {
      setNotice((await api.sendAttachLink(id)).message);
    } catch (caught) {
      setError(asApiError(caught).message);
    } finally {
      setSending(null);
    }
  };

  return (
    <section aria-labelledby="autres-adresses" className="fr-mb-6w">
      <h2 id="autres-adresses">Démarches faites pour vous avec une autre adresse</h2>
      <p>
        Une école de conduite a enregistré des démarches à votre nom avec une autre adresse électronique. Si cette
        adresse est la vôtre, recevez-y un lien : une fois ouvert, ces démarches rejoignent votre compte.
      </p>
      {notice && <Alert className="fr-mb-2w" severity="success" small role="status" description={notice} />}
      {error && <Alert className="fr-mb-2w" severity="error" small description={error} />}
      <ul>
        {addresses.map(({ id, address }) => (
          <li key={id} className="fr-mb-1w">
            {address}{' '}
            <Button
              priority="secondary"
              size="small"
              disabled={sending !== null}
              onClick={() => send(id)}
              nativeButtonProps={{ 'aria-label': `Recevoir un lien à cette adresse : ${address}` }}
            >
              Recevoir un lien à cette adresse
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
