import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Stepper } from '@codegouvfr/react-dsfr/Stepper';
import { useParams } from 'react-router';
import { api } from '../api.ts';
import { ApplicationDecision } from '../components/ApplicationDecision.tsx';
import { ApplicationRecap } from '../components/ApplicationRecap.tsx';
import { APPLICATIONS_SEGMENTS, CandidateFrame } from '../components/CandidateFrame.tsx';
import { SessionLoading } from '../components/PageFrame.tsx';
import { RedirectToLogin } from '../components/RedirectToLogin.tsx';
import { useSession } from '../session.tsx';
import { useApiData } from '../useApiData.ts';
import { usePageTitle } from '../usePageTitle.ts';

/** The recap of an application: to validate or refuse when it awaits the candidate, to read otherwise. */
export function CandidateApplicationPage() {
  const number = useParams().number ?? '';
  const { session } = useSession();
  const loaded = useApiData(number, () => api.candidateApplication(number), {
    enabled: session.status === 'candidate',
  });
  const application = loaded.status === 'ready' ? loaded.data.application : null;
  const title = application?.canValidate ? 'Valider votre demande' : `Demande n° ${number}`;
  usePageTitle(loaded.status === 'error' ? 'Demande introuvable' : title);

  if (session.status === 'loading') return <SessionLoading />;
  if (session.status !== 'candidate') return <RedirectToLogin to="/monespace/connexion" session={session} />;
  if (loaded.status === 'loading') return <SessionLoading />;
  if (loaded.status === 'error') {
    return (
      <CandidateFrame title="Demande introuvable" segments={APPLICATIONS_SEGMENTS}>
        <Alert severity="error" small description={loaded.error.message} />
      </CandidateFrame>
    );
  }
  const { application: recap } = loaded.data;

  return (
    <CandidateFrame title={title} segments={APPLICATIONS_SEGMENTS}>
      {recap.canValidate && <Stepper currentStep={1} stepCount={2} title="Récapitulatif" nextTitle="Confirmation" />}
      <p className="fr-text--lead">Numéro de votre demande : {recap.number}</p>
      <ApplicationRecap application={recap} />
      {recap.canValidate ? (
        <ApplicationDecision number={recap.number} />
      ) : (
        <>
          <p className="fr-mb-1">
            État de la demande : <strong>{recap.stateLabel}</strong>
            {recap.neph ? ` — votre numéro NEPH : ${recap.neph}` : ''}.
          </p>
          <p className="fr-mb-0">
            Cette demande n'est pas en attente de votre validation : elle ne peut plus être modifiée.
          </p>
        </>
      )}
    </CandidateFrame>
  );
}
