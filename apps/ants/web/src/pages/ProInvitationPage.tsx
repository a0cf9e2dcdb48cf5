import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useNavigate, useParams } from 'react-router';
import { api, type ProInvitationInfo } from '../api.ts';
import { LoginFormFrame } from '../components/LoginFormFrame.tsx';
import { NewPasswordFields } from '../components/NewPasswordFields.tsx';
import { PageFrame, SessionLoading } from '../components/PageFrame.tsx';
import { SummaryList } from '../components/SummaryList.tsx';
import { useSession } from '../session.tsx';
import { useApiData } from '../useApiData.ts';
import { useLoginForm } from '../useLoginForm.ts';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = 'Choisir votre mot de passe';

/** The page of the link a manager's invitation mails: the invited user chooses a password, then is in. */
export function ProInvitationPage() {
  usePageTitle(TITLE);
  const token = useParams().token ?? '';
  const link = useApiData(token, () => api.proInvitation(token));
  if (link.status === 'loading') return <SessionLoading />;
  if (link.status === 'error') {
    return (
      <PageFrame title={TITLE}>
        <Alert severity="error" title="Lien invalide" description={link.error.message} />
      </PageFrame>
    );
  }
  return <ChoosePassword token={token} info={link.data} />;
}

function ChoosePassword({ token, info }: { token: string; info: ProInvitationInfo }) {
  const navigate = useNavigate();
  const { signedIn } = useSession();
  const form = useLoginForm({
    idPrefix: 'pro-invitation',
    initial: { password: '', passwordConfirmation: '' },
    requiredMessages: { password: 'Saisissez un mot de passe.', passwordConfirmation: 'Confirmez le mot de passe.' },
    submit: async (values) => {
      const result = await api.acceptProInvitation(token, values);
      await signedIn(result.csrfToken);
      navigate('/pro', { replace: true });
    },
  });
  return (
    <LoginFormFrame
      title={TITLE}
      segments={[{ label: 'Espace professionnel', linkProps: { to: '/pro' } }]}
      intro={
        <>
          <p>
            Bienvenue {info.firstName} {info.lastName}. Vous vous connecterez à l'espace professionnel de l'ANTS avec :
          </p>
          <SummaryList
            items={[
              { label: 'Établissement', value: info.schoolName },
              { label: "Numéro d'agrément", value: info.agrementNumber },
              { label: 'Identifiant', value: info.login },
            ]}
          />
        </>
      }
      legend="Votre mot de passe"
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
