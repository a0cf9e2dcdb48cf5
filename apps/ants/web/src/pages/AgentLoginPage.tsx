import { Navigate } from 'react-router';
import { LoginCredentialFields } from '../components/LoginCredentialFields.tsx';
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
      <LoginCredentialFields form={form} />
    </LoginFormFrame>
  );
}
