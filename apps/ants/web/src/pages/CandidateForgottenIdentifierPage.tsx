import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api.ts';
import { LOGIN_SEGMENT } from '../components/CandidateFrame.tsx';
import { LoginFormFrame } from '../components/LoginFormFrame.tsx';
import { useLoginForm } from '../useLoginForm.ts';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = 'Identifiant oublié';

/** "Identifiant oublié ?": the identifier is mailed to the account's address. */
export function CandidateForgottenIdentifierPage() {
  usePageTitle(TITLE);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useLoginForm({
    idPrefix: 'forgotten-identifier',
    initial: { email: '' },
    requiredMessages: { email: 'Saisissez votre adresse électronique.' },
    submit: async ({ email }) => setNotice((await api.forgottenIdentifier(email)).message),
  });

  return (
    <LoginFormFrame
      title={TITLE}
      segments={[LOGIN_SEGMENT]}
      intro={
        <p className="fr-mb-0">
          Saisissez l'adresse électronique de votre compte : votre identifiant de connexion vous sera envoyé par
          courriel. <Link to="/monespace/connexion">Retour à la connexion</Link>
        </p>
      }
      legend="Recevoir mon identifiant"
      notice={notice}
      error={form.error}
      onSubmit={form.onSubmit}
      submitting={form.submitting}
      submitLabel="Recevoir mon identifiant"
    >
      <div className="fr-fieldset__element">
        <Input
          label="Adresse électronique"
          hintText="Format attendu : nom@domaine.fr"
          state={form.fieldErrors.email ? 'error' : 'default'}
          stateRelatedMessage={form.fieldErrors.email}
          nativeInputProps={{
            id: form.inputId('email'),
            name: 'email',
            type: 'email',
            required: true,
            autoComplete: 'email',
            value: form.values.email,
            onChange: (event) => form.setValue('email', event.target.value),
          }}
        />
      </div>
    </LoginFormFrame>
  );
}
