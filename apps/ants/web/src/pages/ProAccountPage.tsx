import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import { useState } from 'react';
import { api } from '../api.ts';
import { LoginFormFrame } from '../components/LoginFormFrame.tsx';
import { NewPasswordFields } from '../components/NewPasswordFields.tsx';
import { SessionLoading } from '../components/PageFrame.tsx';
import { RedirectToLogin } from '../components/RedirectToLogin.tsx';
import { useSession } from '../session.tsx';
import { useLoginForm } from '../useLoginForm.ts';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = 'Modifier le mot de passe';

/** The signed-in user's password (the one a school software signing in as them uses too). */
export function ProAccountPage() {
  usePageTitle(TITLE);
  const { session, signedIn } = useSession();
  const [notice, setNotice] = useState<string | null>(null);
  const form = useLoginForm({
    idPrefix: 'pro-password',
    initial: { currentPassword: '', password: '', passwordConfirmation: '' },
    requiredMessages: {
      currentPassword: 'Saisissez votre mot de passe actuel.',
      password: 'Saisissez un mot de passe.',
      passwordConfirmation: 'Confirmez le mot de passe.',
    },
    submit: async (values) => {
      const result = await api.changeProPassword(values);
      await signedIn(result.csrfToken);
      form.setValue('currentPassword', '');
      form.setValue('password', '');
      form.setValue('passwordConfirmation', '');
      setNotice(
        'Votre mot de passe a été modifié. Vos autres sessions sont fermées et votre logiciel de gestion doit se reconnecter avec le nouveau mot de passe.',
      );
    },
  });
  if (session.status === 'loading') return <SessionLoading />;
  if (session.status !== 'pro') return <RedirectToLogin to="/pro/connexion" session={session} />;

  return (
    <LoginFormFrame
      title={TITLE}
      segments={[
        { label: 'Espace professionnel', linkProps: { to: '/pro' } },
        { label: "Comptes de l'établissement", linkProps: { to: '/pro/compte' } },
      ]}
      intro={
        <p className="fr-mb-0">
          Identifiant {session.account.login} — {session.account.schoolName}. Si votre logiciel de gestion se connecte
          avec cet identifiant, il devra se reconnecter avec le nouveau mot de passe.
        </p>
      }
      legend="Votre mot de passe"
      error={form.error}
      notice={notice}
      onSubmit={form.onSubmit}
      submitting={form.submitting}
      submitLabel="Enregistrer le mot de passe"
    >
      <div className="fr-fieldset__element">
        <PasswordInput
          className="fr-mb-3w"
          label="Mot de passe actuel *"
          messages={
            form.fieldErrors.currentPassword ? [{ severity: 'error', message: form.fieldErrors.currentPassword }] : []
          }
          nativeInputProps={{
            id: form.inputId('currentPassword'),
            name: 'currentPassword',
            required: true,
            autoComplete: 'current-password',
            value: form.values.currentPassword,
            onChange: (event) => form.setValue('currentPassword', event.target.value),
          }}
        />
        <NewPasswordFields form={form} />
      </div>
    </LoginFormFrame>
  );
}
