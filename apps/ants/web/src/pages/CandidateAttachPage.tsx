import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Link, useParams } from 'react-router';
import { api } from '../api.ts';
import { CandidateFrame } from '../components/CandidateFrame.tsx';
import { MailedLinkConfirmation } from '../components/MailedLinkConfirmation.tsx';
import { SessionLoading } from '../components/PageFrame.tsx';
import { useSession } from '../session.tsx';

const TITLE = 'Rattacher mes démarches';

/**
 * The link mailed to another address of the person's (decision 0016): its demands join the account
 * FranceConnect opened, in that account's session only (the link proves the address, the session the person).
 */
export function CandidateAttachPage() {
  const { token = '' } = useParams();
  const { session } = useSession();
  if (session.status === 'loading') return <SessionLoading />;
  if (session.status !== 'candidate') {
    return (
      <CandidateFrame title={TITLE}>
        <Alert
          severity="info"
          small
          description="Connectez-vous d’abord avec FranceConnect au compte qui a demandé ce lien, puis ouvrez de nouveau le lien reçu par courriel."
        />
        <p className="fr-mt-2w">
          <Link to="/monespace/connexion">Connexion à mon espace</Link>
        </p>
      </CandidateFrame>
    );
  }
  return (
    <MailedLinkConfirmation
      title={TITLE}
      token={token}
      load={api.attachLink}
      confirm={api.attach}
      confirmLabel="Rattacher ces démarches à mon compte"
      describe={(link) => (
        <p>
          Les démarches enregistrées avec l’adresse <strong>{link.address}</strong> rejoindront votre compte ANTS relié
          à FranceConnect. Le compte de cette adresse, s’il en avait un, sera fermé.
        </p>
      )}
      done={({ moved }) => (
        <>
          <Alert
            severity="success"
            small
            role="status"
            description={
              moved === 1 ? 'Une démarche a rejoint votre compte.' : `${moved} démarches ont rejoint votre compte.`
            }
          />
          <p className="fr-mt-2w">
            <Link to="/monespace/demarches">Voir mes démarches en cours</Link>
          </p>
        </>
      )}
    />
  );
}
