import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Link, useParams } from 'react-router';
import { api } from '../api.ts';
import { MailedLinkConfirmation } from '../components/MailedLinkConfirmation.tsx';

/** The link mailed to the new address: the candidate confirms it is theirs with the button. */
export function CandidateEmailChangePage() {
  const { token = '' } = useParams();
  return (
    <MailedLinkConfirmation
      title="Confirmer ma nouvelle adresse électronique"
      token={token}
      load={api.emailChange}
      confirm={api.confirmEmailChange}
      confirmLabel="Confirmer cette adresse"
      describe={(link) => (
        <p>
          La nouvelle adresse de votre compte ANTS sera <strong>{link.newEmail}</strong>.
        </p>
      )}
      done={({ email }) => (
        <>
          <Alert
            severity="success"
            small
            role="status"
            description={`Votre adresse électronique est désormais ${email}.`}
          />
          <p className="fr-mt-2w">
            <Link to="/monespace">Aller à mon espace</Link>
          </p>
        </>
      )}
    />
  );
}
