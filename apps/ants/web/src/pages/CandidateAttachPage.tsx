import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Link, useParams } from 'react-router';
import { api } from '../api.ts';
import { MailedLinkConfirmation } from '../components/MailedLinkConfirmation.tsx';

/** The link mailed to another address of the person's (decision 0016): its demands join the account. */
export function CandidateAttachPage() {
  const { token = '' } = useParams();
  return (
    <MailedLinkConfirmation
      title="Rattacher mes démarches"
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
