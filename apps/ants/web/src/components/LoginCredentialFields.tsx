import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { LoginForm } from '../useLoginForm.ts';

/** The "Identifiant" and "Mot de passe" fields every login form of the service ends with. */
export function LoginCredentialFields<Other extends string>({
  form,
}: {
  form: LoginForm<Other | 'login' | 'password'>;
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
    </>
  );
}
