import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Navigate } from 'react-router';
import { LoginFormFrame } from '../components/LoginFormFrame.tsx';
import { useSession } from '../session.tsx';
import { useLoginForm } from '../useLoginForm.ts';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = "Connexion à la console d'instruction";

export function AgentLoginPage() {
  usePageTitle(TITLE);
  const { session, loginAgent } = useSession();
  const form = useLoginForm({
    idPrefix: 'agent-login',
    initial: { login: '', password: '' },
    requiredMessages: { login: 'Saisissez votre identifiant.', password: 'Saisissez votre mot de passe.' },
    clearOnFailure: ['password'],
    submit: loginAgent,
  });

  if (session.status === 'agent') return <Navigate to="/agent" replace />;

  return (
    <LoginFormFrame
      title={TITLE}
      intro={
        <p className="fr-mb-0">
          Réservé aux agents des centres d'expertise et de ressources titres (CERT) et des préfectures chargés de
          l'instruction des demandes de permis de conduire.
        </p>
      }
      legend="Identifiants de l'agent"
      error={form.error}
      onSubmit={form.onSubmit}
      submitting={form.submitting}
    >
      <div className="fr-fieldset__element">
        <Input
          label="Identifiant"
          state={form.fieldErrors.login ? 'error' : 'default'}
          stateRelatedMessage={form.fieldErrors.login}
          nativeInputProps={{
            id: form.inputId('login'),
            name: 'login',
            required: true,
            autoComplete: 'username',
            autoCapitalize: 'none',
            spellCheck: false,
            value: form.values.login,
            onChange: (event) => form.setValue('login', event.target.value),
          }}
        />
      </div>
      <div className="fr-fieldset__element">
        <PasswordInput
          label="Mot de passe"
          messagesHint=""
          messages={form.fieldErrors.password ? [{ severity: 'error', message: form.fieldErrors.password }] : []}
          nativeInputProps={{
            id: form.inputId('password'),
            name: 'password',
            required: true,
            autoComplete: 'current-password',
            value: form.values.password,
            onChange: (event) => form.setValue('password', event.target.value),
          }}
        />
      </div>
    </LoginFormFrame>
  );
}
