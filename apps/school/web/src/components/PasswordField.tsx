import { PasswordInput, type PasswordInputProps } from '@mantine/core';

/** Mantine's PasswordInput with its show/hide button named in French and reachable by keyboard. */
export function PasswordField(props: PasswordInputProps) {
  return (
    <PasswordInput
      visibilityToggleFocusable
      visibilityToggleButtonProps={{ 'aria-label': 'Afficher le mot de passe' }}
      // Mantine sets aria-invalid on its other inputs, not on this one.
      aria-invalid={props.error ? true : undefined}
      {...props}
    />
  );
}
