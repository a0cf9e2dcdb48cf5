import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api.ts';
import { CandidateFrame, LOGIN_SEGMENT } from '../components/CandidateFrame.tsx';
import { LoginFormFrame } from '../components/LoginFormFrame.tsx';
import { NewPasswordFields } from '../components/NewPasswordFields.tsx';
import { SessionLoading } from '../components/PageFrame.tsx';
import { useSession } from '../session.tsx';
import { useApiData } from '../useApiData.ts';
import { useLoginForm } from '../useLoginForm.ts';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = 'Nouveau mot de passe';

/** The page of the reset link (or of the right secret answer): the new password, then the space. */
export function CandidatePasswordResetPage() {
  usePageTitle(TITLE);
  const token = useParams().token ?? '';
  const link = useApiData(token, () => api.passwordReset(token));
  const navigate = useNavigate();
  const { signedIn } = useSession();
  const form = useLoginForm({
    idPrefix: 'password-reset',
    initial: { password: '', passwordConfirmation: '' },
    requiredMessages: { password: 'Saisissez un mot de passe.', passwordConfirmation: 'Confirmez le mot de passe.' },
    submit: async (values) => {
      const result = await api.resetPassword(token, values);
      await signedIn(result.csrfToken);
      navigate('/monespace/demarches', {
        replace: true,
        state: { notice: 'Votre mot de passe a été modifié. Vos autres sessions ont été fermées.' },
      });
    },
  });

  if (link.status === 'loading') return <SessionLoading />;
  if (link.status === 'error') {
    return (
      <CandidateFrame title={TITLE} segments={[LOGIN_SEGMENT]}>
        <Alert severity="error" title="Lien non valable" description={link.error.message} />
        <p className="fr-mt-4w">
          <Link to="/monespace/mot-de-passe-oublie">Recommencer depuis « Mot de passe oublié ? »</Link>
        </p>
      </CandidateFrame>
    );
  }
  return (
    <LoginFormFrame
      title={TITLE}
      segments={[LOGIN_SEGMENT]}
      intro={
        <p className="fr-mb-0">
          {link.data.firstName} {link.data.lastName}, choisissez le nouveau mot de passe de votre compte (identifiant :{' '}
          <strong>{link.data.loginId}</strong>).
        </p>
      }
      legend="Mon nouveau mot de passe"
      error={form.error}
      onSubmit={form.onSubmit}
      submitting={form.submitting}
      submitLabel="Enregistrer et me connecter"
    >
      <div className="fr-fieldset__element">
        <NewPasswordFields form={form} />
      </div>
    </LoginFormFrame>
  );
}
