import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { createModal } from '@codegouvfr/react-dsfr/Modal';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, asApiError } from '../api.ts';

/** The sworn attestation, word for word as seed 000's recap shows it beside its box. */
export const ATTESTATION =
  "Je soussigné(e), le (la) déclarant(e), atteste sur l'honneur que les renseignements de la présente demande sont exacts et ne pas faire l'objet d'une suspension du permis de conduire en cours d'exécution ou d'une interdiction judiciaire de solliciter la délivrance du permis de conduire.*";

const refuseModal = createModal({ id: 'refuse-application-modal', isOpenedByDefault: false });

/**
 * The end of the recap when the application awaits the candidate (seed 000): "Relisez-vous !", the
 * sworn attestation that enables "Valider", and "Refuser" behind a confirmation.
 */
export function ApplicationDecision({ number }: { number: string }) {
  const navigate = useNavigate();
  const [attested, setAttested] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refuseError, setRefuseError] = useState<string | null>(null);
  const [reason, setReason] = useState('');

  async function validate() {
    setBusy(true);
    setError(null);
    try {
      const result = await api.confirmApplication(number);
      navigate(`/monespace/demarches/${encodeURIComponent(number)}/confirmation`, {
        state: { photoSignatureForm: result.photoSignatureForm },
      });
    } catch (caught) {
      setError(asApiError(caught).message);
      setBusy(false);
    }
  }

  async function refuse() {
    setBusy(true);
    setRefuseError(null);
    try {
      await api.refuseApplication(number, reason);
      refuseModal.close();
      navigate('/monespace/demarches', {
        state: {
          notice: `La demande n° ${number} a été refusée. Votre école de conduite devra saisir une nouvelle demande.`,
        },
      });
    } catch (caught) {
      setRefuseError(asApiError(caught).message);
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="decision-title">
      <Alert
        className="fr-mb-3w"
        severity="warning"
        as="h2"
        title={<span id="decision-title">Relisez-vous !</span>}
        description="Relisez soigneusement les informations de votre récapitulatif. Une fois validée, la demande ne pourra en effet plus être modifiée et toute erreur risque d'entraîner l'échec de la procédure de délivrance de votre titre."
      />
      <p className="fr-text--sm">* : Champs obligatoires</p>
      {/* Seed 000: the box carries the sworn sentence itself, its star the mark of what is required. */}
      <Checkbox
        legend="Attestation sur l'honneur"
        options={[
          {
            label: ATTESTATION,
            nativeInputProps: {
              name: 'attestation',
              required: true,
              checked: attested,
              onChange: (event) => setAttested(event.target.checked),
            },
          },
        ]}
      />
      {error && <Alert className="fr-mb-3w" severity="error" small description={error} />}
      {/* The seed's order: « Refuser », then « Valider ». */}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button type="button" priority="secondary" disabled={busy} onClick={() => refuseModal.open()}>
            Refuser
          </Button>
        </li>
        <li>
          <Button type="button" disabled={!attested || busy} onClick={() => void validate()}>
            Valider
          </Button>
        </li>
      </ul>
      <refuseModal.Component
        title="Refuser la demande ?"
        buttons={[
          { children: 'Annuler', priority: 'secondary', doClosesModal: true },
          { children: 'Confirmer', doClosesModal: false, disabled: busy, onClick: () => void refuse() },
        ]}
      >
        <p>Votre école de conduite devra saisir une nouvelle demande.</p>
        <Input
          label="Motif du refus (facultatif)"
          hintText="Ce que vous avez vu d'inexact : votre école de conduite le lira pour saisir la nouvelle demande. 500 caractères au plus."
          textArea
          nativeTextAreaProps={{ value: reason, maxLength: 500, onChange: (event) => setReason(event.target.value) }}
        />
        {refuseError && <Alert severity="error" small description={refuseError} />}
      </refuseModal.Component>
    </section>
  );
}
