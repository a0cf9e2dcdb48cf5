import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Link } from 'react-router';
import type { LoginForm } from '../useLoginForm.ts';

/**
 * The "Identifiant" and "Mot de passe" fields every login form of the service ends with, each
 * followed by its "… oublié ?" link when the space offers one (seed 000).
 */
export function LoginCredentialFields<Other extends string>({
  form,
  forgotten,
}: {
  form: LoginForm<Other | 'login' | 'password'>;
  forgotten?: { login: string; password: string };
}) {
  return (
    <>
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
        {forgotten && <ForgottenLink to={forgotten.login} label="Identifiant oublié ?" />}
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
        {forgotten && <ForgottenLink to={forgotten.password} label="Mot de passe oublié ?" />}
      </div>
    </>
  );
}

function ForgottenLink({ to, label }: { to: string; label: string }) {
  return (
    <p className="fr-mt-1w fr-mb-0">
      <Link className="fr-link fr-text--sm" to={to}>
        {label}
      </Link>
    </p>
  );
}
