import { Navigate } from 'react-router';
import { LoginCredentialFields } from '../components/LoginCredentialFields.tsx';
import { LoginFormFrame } from '../components/LoginFormFrame.tsx';
import { useSession } from '../session.tsx';
import { useLoginForm } from '../useLoginForm.ts';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = 'Connexion à mon espace';

export function CandidateLoginPage() {
  usePageTitle(TITLE);
  const { session, loginCandidate } = useSession();
  const form = useLoginForm({
    idPrefix: 'candidate-login',
    initial: { login: '', password: '' },
    requiredMessages: { login: 'Saisissez votre identifiant.', password: 'Saisissez votre mot de passe.' },
    clearOnFailure: ['password'],
    submit: ({ login, password }) => loginCandidate({ loginId: login, password }),
  });

  if (session.status === 'candidate') return <Navigate to="/monespace/demarches" replace />;

  return (
    <LoginFormFrame
      title={TITLE}
      intro={
        <p className="fr-mb-0">
          Connectez-vous avec l'identifiant reçu par courriel après l'activation de votre compte pour valider les
          demandes de permis de conduire saisies pour vous par votre école de conduite.
        </p>
      }
      legend="Avec mon identifiant ANTS"
      error={form.error}
      onSubmit={form.onSubmit}
      submitting={form.submitting}
    >
      <LoginCredentialFields
        form={form}
        forgotten={{ login: '/monespace/identifiant-oublie', password: '/monespace/mot-de-passe-oublie' }}
      />
    </LoginFormFrame>
  );
}
