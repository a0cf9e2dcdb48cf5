import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Stepper } from '@codegouvfr/react-dsfr/Stepper';
import { useLocation, useParams } from 'react-router';
import { api, candidateLinkPath } from '../api.ts';
import { APPLICATIONS_SEGMENTS, CandidateFrame } from '../components/CandidateFrame.tsx';
import { SessionLoading } from '../components/PageFrame.tsx';
import { Panel } from '../components/Panel.tsx';
import { RedirectToLogin } from '../components/RedirectToLogin.tsx';
import { useSession } from '../session.tsx';
import { useApiData } from '../useApiData.ts';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = 'Votre demande a été transmise';

/** After the candidate's validation: the receipt, and the paper photo form for a Cerfa 02 without ePhoto (seed 000, case 2). */
export function CandidateConfirmationPage() {
  usePageTitle(TITLE);
  const number = useParams().number ?? '';
  const { session } = useSession();
  const passed = (useLocation().state as { photoSignatureForm?: boolean } | null)?.photoSignatureForm;
  // Coming from "Valider", the page knows; after a reload it asks the application.
  const loaded = useApiData(number, () => api.candidateApplication(number), {
    enabled: session.status === 'candidate' && passed === undefined,
  });

  if (session.status === 'loading') return <SessionLoading />;
  if (session.status !== 'candidate') return <RedirectToLogin to="/monespace/connexion" session={session} />;
  if (passed === undefined && loaded.status === 'loading') return <SessionLoading />;
  if (passed === undefined && loaded.status === 'error') {
    return (
      <CandidateFrame title={TITLE} segments={APPLICATIONS_SEGMENTS}>
        <Alert severity="error" small description={loaded.error.message} />
      </CandidateFrame>
    );
  }
  const photoSignatureForm = passed ?? (loaded.status === 'ready' && loaded.data.application.photoSignatureForm);
  const documentPath = (kind: 'receipt' | 'photo_signature_form') => candidateLinkPath('document', { number, kind });
  // The seed's words: « Justificatif (PDF) » beside the number, « Justificatif » in the paper case.
  const receiptLink = (label: string) => (
    <a className="fr-link fr-link--download" href={documentPath('receipt')} download={`justificatif-${number}.pdf`}>
      {label}
    </a>
  );

  return (
    <CandidateFrame title={TITLE} segments={APPLICATIONS_SEGMENTS}>
      <Stepper currentStep={2} stepCount={2} title="Confirmation" />
      <p>La validation de votre demande a bien été prise en compte.</p>
      {/* Seed 000, case 1 (the photo sent by e-service): the receipt is the last thing to do. In
          case 2 it is the second of the « Dernières actions à réaliser ». */}
      {!photoSignatureForm && (
        <Panel className="fr-p-3w fr-mb-4w">
          <p className="fr-mb-2w">
            Vous devez maintenant enregistrer et conserver le justificatif de dépôt de la demande.
          </p>
          <p className="fr-h4 fr-mb-1w">Demande n° {number}</p>
          {receiptLink('Justificatif (PDF)')}
          <p className="fr-mt-2w fr-mb-0">Ce justificatif doit être enregistré et conservé.</p>
        </Panel>
      )}
      {photoSignatureForm && (
        <section aria-labelledby="last-actions-title">
          <h2 id="last-actions-title">Dernières actions à réaliser</h2>
          <p>Vous devez maintenant :</p>
          <ol>
            <li>
              Enregistrer, et imprimer le formulaire de dépôt photo signature, le compléter et l'expédier par voie
              postale à l'adresse indiquée :
              <ul>
                <li>collez une photo d'identité en couleur, récente et aux normes, sans agrafe ;</li>
                <li>signez dans le cadre prévu à l'encre noire ;</li>
                <li>
                  envoyez-le seul, sans pièce complémentaire, par courrier simple dans les 15 jours, dans une enveloppe
                  affranchie, à l'adresse : <strong>CTN, CS 80168, 53102 MAYENNE CEDEX</strong>.
                </li>
              </ul>
              <p className="fr-my-2w">
                <a
                  className="fr-link fr-link--download"
                  href={documentPath('photo_signature_form')}
                  download={`formulaire-photo-signature-${number}.pdf`}
                >
                  Télécharger le formulaire de dépôt de photo et de signature pour numérisation{' '}
                  <span className="fr-link__detail">PDF</span>
                </a>
              </p>
            </li>
            <li>
              Enregistrer et conserver le justificatif de dépôt de la demande
              <p className="fr-mt-1w fr-mb-1w">Demande n° {number}</p>
              <p className="fr-mb-2w">{receiptLink('Justificatif')}</p>
            </li>
            <li>
              Procéder au reste des formalités exigées par votre préfecture pour la procédure qui vous concerne (voir à
              ce sujet le site WEB de la préfecture)
            </li>
          </ol>
          <Alert
            severity="warning"
            small
            description="Attention, si ce formulaire n'est pas retourné ou s'il est raturé, la modification ne sera pas prise en compte et risque d'entraîner l'échec de votre demande."
          />
        </section>
      )}
    </CandidateFrame>
  );
}
