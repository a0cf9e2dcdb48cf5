import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { createModal } from '@codegouvfr/react-dsfr/Modal';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { agentSpace } from '@permis/ants-api';
import { type FormEvent, useState } from 'react';
import { type AgentPiece, type ApiError, api, asApiError } from '../api.ts';
import { TitledSection } from './TitledSection.tsx';

const acceptModal = createModal({ id: 'accept-application-modal', isOpenedByDefault: false });
const rejectModal = createModal({ id: 'reject-application-modal', isOpenedByDefault: false });

type Props = { number: string; pieces: AgentPiece[]; onDecided: (message: string) => void };

/** The three decisions on an application to instruct: ask for a pièce, reject, accept. */
export function AgentActions({ number, pieces, onDecided }: Props) {
  const [busy, setBusy] = useState(false);
  // The catalogue's first pièce at first: the list always holds the whole catalogue.
  const [piece, setPiece] = useState(pieces[0]?.kind);
  const [message, setMessage] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ completion?: ApiError; reject?: ApiError; accept?: ApiError }>({});

  async function run(action: keyof typeof errors, call: () => Promise<string>) {
    setBusy(true);
    setErrors({});
    try {
      const notice = await call();
      onDecided(notice);
    } catch (caught) {
      setErrors({ [action]: asApiError(caught) });
      setBusy(false);
    }
  }

  function requestCompletion(event: FormEvent) {
    event.preventDefault();
    if (!piece) return;
    void run('completion', async () => {
      const result = await api.requestCompletion(number, { piece, message });
      return `Complément demandé — ${result.reason}`;
    });
  }

  const [reasonRefused, setReasonRefused] = useState<string | null>(null);

  /**
   * « Rejeter »: the reason checked by the contract's own rule and words (the server's), then the
   * confirmation (a rejection cannot be undone).
   */
  function askReject(event: FormEvent) {
    event.preventDefault();
    const checked = agentSpace.reject.body.safeParse({ reason });
    setReasonRefused(checked.success ? null : (checked.error.issues[0]?.message ?? null));
    if (checked.success) rejectModal.open();
  }

  function reject() {
    void run('reject', async () => {
      await api.rejectApplication(number, reason);
      rejectModal.close();
      return 'Demande rejetée.';
    });
  }

  function accept() {
    void run('accept', async () => {
      const result = await api.acceptApplication(number);
      acceptModal.close();
      return `Demande acceptée — NEPH : ${result.application.neph ?? ''}`;
    });
  }

  const reasonError = reasonRefused ?? errors.reject?.fieldMessage('reason');

  return (
    <>
      <TitledSection id="action-completion" title="Demander un complément">
        <form onSubmit={requestCompletion}>
          <Select
            label="Pièce à compléter"
            nativeSelectProps={{
              name: 'piece',
              value: piece ?? '',
              onChange: (event) => setPiece(pieces.find((entry) => entry.kind === event.target.value)?.kind),
            }}
          >
            {pieces.map((entry) => (
              <option key={entry.kind} value={entry.kind}>
                {entry.label}
              </option>
            ))}
          </Select>
          <Input
            label="Message à l'école de conduite"
            hintText="Facultatif, 500 caractères au plus."
            textArea
            nativeTextAreaProps={{
              name: 'message',
              value: message,
              maxLength: 500,
              onChange: (event) => setMessage(event.target.value),
            }}
          />
          {errors.completion && (
            <Alert className="fr-mb-3w" severity="error" small description={errors.completion.message} />
          )}
          <Button type="submit" priority="secondary" disabled={busy}>
            Demander un complément
          </Button>
        </form>
      </TitledSection>

      <TitledSection id="action-reject" title="Rejeter la demande">
        <form onSubmit={askReject} noValidate>
          <Input
            label="Motif du rejet *"
            hintText="Obligatoire, de 5 à 500 caractères."
            textArea
            state={reasonError ? 'error' : 'default'}
            stateRelatedMessage={reasonError}
            nativeTextAreaProps={{
              name: 'reason',
              required: true,
              value: reason,
              maxLength: 500,
              onChange: (event) => setReason(event.target.value),
            }}
          />
          {errors.reject && !reasonError && (
            <Alert className="fr-mb-3w" severity="error" small description={errors.reject.message} />
          )}
          <Button type="submit" priority="secondary" disabled={busy}>
            Rejeter
          </Button>
        </form>
      </TitledSection>

      <TitledSection id="action-accept" title="Accepter la demande">
        <p>L'acceptation attribue au candidat son numéro NEPH.</p>
        {errors.accept && <Alert className="fr-mb-3w" severity="error" small description={errors.accept.message} />}
        <Button type="button" disabled={busy} onClick={() => acceptModal.open()}>
          Accepter
        </Button>
      </TitledSection>

      <acceptModal.Component
        title="Accepter la demande ?"
        buttons={[
          { children: 'Annuler', priority: 'secondary', doClosesModal: true },
          { children: 'Confirmer', doClosesModal: false, disabled: busy, onClick: accept },
        ]}
      >
        <p>La demande n° {number} sera acceptée et un NEPH lui sera attribué.</p>
      </acceptModal.Component>

      <rejectModal.Component
        title="Rejeter la demande ?"
        buttons={[
          { children: 'Annuler', priority: 'secondary', doClosesModal: true },
          { children: 'Confirmer le rejet', doClosesModal: false, disabled: busy, onClick: reject },
        ]}
      >
        <p>La demande n° {number} sera rejetée, avec ce motif que l'école et le candidat liront :</p>
        <blockquote className="fr-text--lg">{reason.trim()}</blockquote>
      </rejectModal.Component>
    </>
  );
}
