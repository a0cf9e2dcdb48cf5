import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { inStateSet } from '@permis/ants-api';
import { type FormEvent, useState } from 'react';
import { asApiError, type EphotoDoor, PRO_EPHOTO } from '../api.ts';
import { formatParisDateTime } from '../formatDate.ts';
import { useApiData } from '../useApiData.ts';

/**
 * "Photo / Signature": the ePhoto code of the demand (add, replace, view, delete while a draft),
 * or, for a Cerfa 02 without one, the paper photo-signature form to print and send (seed 000).
 */
export function ProEphotoPanel({
  application,
  onChanged,
  door = PRO_EPHOTO,
  alts = { photo: 'Visage du candidat pris par la cabine', signature: 'Signature du candidat prise par la cabine' },
}: {
  application: { number: string; state: string; type: '02' | '06' };
  onChanged?: () => void;
  /** The school's professional space unless told (the candidat libre's own demand). */
  door?: EphotoDoor;
  /** The images' text alternatives (whose face and signature they are). */
  alts?: { photo: string; signature: string };
}) {
  const [version, setVersion] = useState(0);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const loaded = useApiData(application.number, () => door.get(application.number), { version });
  const editable = inStateSet('ephotoEditable', application.state);
  const ephoto = loaded.data?.ephoto ?? null;

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await work();
      setNotice(done);
      setCode('');
      setVersion((n) => n + 1);
      onChanged?.();
    } catch (caught) {
      setError(asApiError(caught).message);
      document.getElementById('ephoto-code')?.focus();
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!code.trim()) {
      setError('Saisissez le code ePhoto remis par la cabine ou le photographe agréé.');
      document.getElementById('ephoto-code')?.focus();
      return;
    }
    void act(() => door.set(application.number, code), 'Le code ePhoto est associé à la demande.');
  };

  return (
    <section aria-labelledby="ephoto-titre">
      <h2 id="ephoto-titre" className="fr-h4">
        Photo / Signature
      </h2>
      {notice && <Alert className="fr-mb-3w" severity="success" small description={notice} role="status" />}
      {loaded.status === 'loading' && !loaded.data && <p role="status">Chargement…</p>}
      {ephoto ? (
        <>
          <p>
            Code ePhoto associé : <strong>{ephoto.code}</strong> (pris le {formatParisDateTime(ephoto.issuedAt)},{' '}
            {ephoto.booth}).
          </p>
          <div className="fr-grid-row fr-grid-row--gutters fr-mb-2w">
            <figure className="fr-col-6 fr-col-md-3">
              <img src={`${door.imagePath(application.number, 'photo')}?v=${version}`} alt={alts.photo} width="150" />
            </figure>
            <figure className="fr-col-6 fr-col-md-3">
              <img
                src={`${door.imagePath(application.number, 'signature')}?v=${version}`}
                alt={alts.signature}
                width="150"
              />
            </figure>
          </div>
        </>
      ) : (
        loaded.data && (
          <p>
            Aucune ePhoto n'est associée à la demande.
            {application.type === '02' && (
              <>
                {' '}
                Sans code ePhoto, imprimez le{' '}
                <a className="fr-link" href={door.formPath(application.number)} target="_blank" rel="noopener">
                  formulaire de dépôt photo signature
                </a>
                , complétez-le et envoyez-le par courrier à l'adresse indiquée : un seul formulaire par courrier, sans
                autre pièce.
              </>
            )}
          </p>
        )
      )}
      {editable && (
        <form onSubmit={submit} noValidate aria-busy={busy}>
          <Input
            label={ephoto ? 'Remplacer par le code ePhoto' : 'Code ePhoto à associer à la demande'}
            hintText="Les 22 lettres et chiffres remis par la cabine ou le photographe agréé."
            state={error ? 'error' : 'default'}
            stateRelatedMessage={error ?? undefined}
            nativeInputProps={{
              id: 'ephoto-code',
              autoComplete: 'off',
              value: code,
              onChange: (event) => setCode(event.target.value),
            }}
          />
          <ul className="fr-btns-group fr-btns-group--inline">
            <li>
              <Button type="submit" priority="secondary" disabled={busy}>
                {ephoto ? 'Remplacer le code' : 'Associer le code'}
              </Button>
            </li>
            {ephoto && (
              <li>
                <Button
                  type="button"
                  priority="tertiary"
                  disabled={busy}
                  onClick={() => void act(() => door.remove(application.number), "L'ePhoto est retirée de la demande.")}
                >
                  Retirer l'ePhoto
                </Button>
              </li>
            )}
          </ul>
        </form>
      )}
    </section>
  );
}
