import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { FranceConnectButton } from '@codegouvfr/react-dsfr/FranceConnectButton';
import { franceConnectMessage } from '@permis/ants-api';
import { Navigate, useSearchParams } from 'react-router';
import { api, candidateLinkPath } from '../api.ts';
import { LoginCredentialFields } from '../components/LoginCredentialFields.tsx';
import { LoginFormFrame } from '../components/LoginFormFrame.tsx';
import { useSession } from '../session.tsx';
import { useApiData } from '../useApiData.ts';
import { useLoginForm } from '../useLoginForm.ts';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = 'Connexion à mon espace';

export function CandidateLoginPage() {
  usePageTitle(TITLE);
  const { session, loginCandidate } = useSession();
  const [search] = useSearchParams();
  const franceConnectError = franceConnectMessage(search.get('franceconnect'));
  const franceConnect = useApiData('franceconnect', api.franceConnect);
  // While the service says whether FranceConnect is offered, its block holds its place unseen: the
  // form below does not jump down as the answer comes (layout shift), under the fingers of whoever
  // started typing.
  const franceConnectPending = franceConnect.status === 'loading' && !franceConnect.data;
  const form = useLoginForm({
    idPrefix: 'candidate-login',
    initial: { login: '', password: '' },
    requiredMessages: { login: 'Saisissez votre identifiant.', password: 'Saisissez votre mot de passe.' },
    clearOnFailure: ['password'],
    submit: ({ login, password }) => loginCandidate({ loginId: login, password }),
  });

  if (session.status === 'candidate') return <Navigate to="/monespace" replace />;

  return (
    <LoginFormFrame
      title={TITLE}
      intro={
        <p className="fr-mb-0">
          Connectez-vous avec l'identifiant reçu par courriel après l'activation de votre compte pour valider les
          demandes de permis de conduire saisies pour vous par votre école de conduite.
        </p>
      }
      before={
        (franceConnect.data?.enabled || franceConnectPending) && (
          <section
            aria-labelledby="avec-franceconnect"
            className="fr-mb-4w"
            style={franceConnectPending ? { visibility: 'hidden' } : undefined}
          >
            <h2 id="avec-franceconnect" className="fr-h5">
              Avec FranceConnect
            </h2>
            {franceConnectError && (
              <Alert className="fr-mb-2w" severity="error" small role="alert" description={franceConnectError} />
            )}
            <p className="fr-text--sm">
              FranceConnect est la solution proposée par l’État pour sécuriser et simplifier la connexion à vos services
              en ligne.
            </p>
            <FranceConnectButton url={candidateLinkPath('franceConnectLogin', {})} />
          </section>
        )
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
