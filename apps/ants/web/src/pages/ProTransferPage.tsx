import { Input } from '@codegouvfr/react-dsfr/Input';
import { useNavigate } from 'react-router';
import { api } from '../api.ts';
import { LoginFormFrame } from '../components/LoginFormFrame.tsx';
import { SessionLoading } from '../components/PageFrame.tsx';
import { RedirectToLogin } from '../components/RedirectToLogin.tsx';
import { useSession } from '../session.tsx';
import { type LoginForm, useLoginForm } from '../useLoginForm.ts';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = 'Transférer une demande';

type Field = 'number' | 'holderAgrementNumber' | 'birthName' | 'firstName' | 'birthDate';
const FIELDS: { field: Field; label: string; hint?: string; type?: string; autoComplete?: string }[] = [
  { field: 'number', label: 'Numéro de la demande', hint: 'Le numéro que le candidat a reçu par courriel.' },
  {
    field: 'holderAgrementNumber',
    label: "Numéro d'agrément de l'école qui la détient",
    hint: 'Demandez-le au candidat ou à son ancienne école de conduite.',
  },
  { field: 'birthName', label: 'Nom de naissance du candidat' },
  { field: 'firstName', label: 'Prénom du candidat' },
  { field: 'birthDate', label: 'Date de naissance du candidat', type: 'date' },
];

function Field({ form, entry }: { form: LoginForm<Field>; entry: (typeof FIELDS)[number] }) {
  return (
    <div className="fr-fieldset__element">
      <Input
        label={`${entry.label} *`}
        hintText={entry.hint}
        state={form.fieldErrors[entry.field] ? 'error' : 'default'}
        stateRelatedMessage={form.fieldErrors[entry.field]}
        nativeInputProps={{
          id: form.inputId(entry.field),
          name: entry.field,
          required: true,
          type: entry.type ?? 'text',
          autoComplete: 'off',
          value: form.values[entry.field],
          onChange: (event) => form.setValue(entry.field, event.target.value),
        }}
      />
    </div>
  );
}

/**
 * "Transférer une demande": a demand entered by another school comes to this one, when its number,
 * the agrément of the school holding it and the candidate all match (the same rule as the API's).
 */
export function ProTransferPage() {
  usePageTitle(TITLE);
  const { session } = useSession();
  const navigate = useNavigate();
  const form = useLoginForm<Field>({
    idPrefix: 'pro-transfer',
    initial: { number: '', holderAgrementNumber: '', birthName: '', firstName: '', birthDate: '' },
    requiredMessages: {
      number: 'Saisissez le numéro de la demande.',
      holderAgrementNumber: "Saisissez le numéro d'agrément de l'école qui la détient.",
      birthName: 'Saisissez le nom de naissance du candidat.',
      firstName: 'Saisissez le prénom du candidat.',
      birthDate: 'Saisissez la date de naissance du candidat.',
    },
    submit: async ({ number, holderAgrementNumber, birthName, firstName, birthDate }) => {
      const { application } = await api.proTransfer({
        number,
        holderAgrementNumber,
        candidate: { birthName, firstName, birthDate },
      });
      navigate(`/pro/demandes/${encodeURIComponent(application.number)}`);
    },
  });
  if (session.status === 'loading') return <SessionLoading />;
  if (session.status !== 'pro') return <RedirectToLogin to="/pro/connexion" session={session} />;

  return (
    <LoginFormFrame
      title={TITLE}
      segments={[{ label: 'Espace professionnel', linkProps: { to: '/pro' } }]}
      intro={
        <p className="fr-mb-0">
          La demande passe à votre école de conduite si le numéro, l'agrément de l'école qui la détient et l'identité du
          candidat correspondent. Le candidat en est informé par courriel et par SMS.
        </p>
      }
      legend="La demande à reprendre"
      error={form.error}
      onSubmit={form.onSubmit}
      submitting={form.submitting}
      submitLabel="Transférer la demande"
    >
      {FIELDS.map((entry) => (
        <Field key={entry.field} form={form} entry={entry} />
      ))}
    </LoginFormFrame>
  );
}
