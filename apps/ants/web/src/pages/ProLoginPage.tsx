import { Input } from '@codegouvfr/react-dsfr/Input';
import { Navigate } from 'react-router';
import { LoginCredentialFields } from '../components/LoginCredentialFields.tsx';
import { LoginFormFrame } from '../components/LoginFormFrame.tsx';
import { useSession } from '../session.tsx';
import { useLoginForm } from '../useLoginForm.ts';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = "Connexion à l'espace professionnel";

export function ProLoginPage() {
  usePageTitle(TITLE);
  const { session, loginPro } = useSession();
  const form = useLoginForm({
    idPrefix: 'pro-login',
    initial: { agrementNumber: '', login: '', password: '' },
    requiredMessages: {
      agrementNumber: "Saisissez le numéro d'agrément Cerfa de l'école de conduite.",
      login: 'Saisissez votre identifiant.',
      password: 'Saisissez votre mot de passe.',
    },
    clearOnFailure: ['password'],
    submit: loginPro,
  });

  // Signed in (now or before): the professional space replaces the login page.
  if (session.status === 'pro') return <Navigate to="/pro" replace />;

  return (
    <LoginFormFrame
      title={TITLE}
      intro={
        <p className="fr-mb-0">
          Réservé aux écoles de conduite agréées : connectez-vous avec le numéro d'agrément de votre établissement et
          les identifiants de votre compte professionnel.
        </p>
      }
      legend="Identifiants de l'école de conduite"
      error={form.error}
      onSubmit={form.onSubmit}
      submitting={form.submitting}
    >
      <div className="fr-fieldset__element">
        <Input
          label="Numéro d'agrément Cerfa"
          hintText="Exemple : E1706900030"
          state={form.fieldErrors.agrementNumber ? 'error' : 'default'}
          stateRelatedMessage={form.fieldErrors.agrementNumber}
          nativeInputProps={{
            id: form.inputId('agrementNumber'),
            name: 'agrementNumber',
            required: true,
            autoComplete: 'off',
            autoCapitalize: 'characters',
            spellCheck: false,
            value: form.values.agrementNumber,
            onChange: (event) => form.setValue('agrementNumber', event.target.value),
          }}
        />
      </div>
      <LoginCredentialFields form={form} />
    </LoginFormFrame>
  );
}
