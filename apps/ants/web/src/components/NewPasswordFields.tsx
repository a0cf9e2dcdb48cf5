import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import type { LoginForm } from '../useLoginForm.ts';

/** A new password and its confirmation, with the strength rule shown before typing (activation, reset). */
export function NewPasswordFields<Other extends string>({
  form,
}: {
  form: LoginForm<Other | 'password' | 'passwordConfirmation'>;
}) {
  const { fieldErrors } = form;
  return (
    <>
      <PasswordInput
        className="fr-mb-3w"
        label="Mot de passe *"
        messagesHint="Votre mot de passe doit contenir :"
        messages={[
          ...(fieldErrors.password ? [{ severity: 'error' as const, message: fieldErrors.password }] : []),
          {
            severity: 'info',
            message: 'au moins 12 caractères, des majuscules, des minuscules, des chiffres et des caractères spéciaux',
          },
        ]}
        nativeInputProps={{
          id: form.inputId('password'),
          name: 'password',
          required: true,
          autoComplete: 'new-password',
          value: form.values.password,
          onChange: (event) => form.setValue('password', event.target.value),
        }}
      />
      <PasswordInput
        className="fr-mb-3w"
        label="Confirmez le mot de passe *"
        messagesHint=""
        messages={
          fieldErrors.passwordConfirmation ? [{ severity: 'error', message: fieldErrors.passwordConfirmation }] : []
        }
        nativeInputProps={{
          id: form.inputId('passwordConfirmation'),
          name: 'passwordConfirmation',
          required: true,
          autoComplete: 'new-password',
          value: form.values.passwordConfirmation,
          onChange: (event) => form.setValue('passwordConfirmation', event.target.value),
        }}
      />
    </>
  );
}
