import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { HeldApplication } from '@permis/ants-api';
import { NEW_APPLICATION_STEPS, type SavedStep } from '@permis/ants-api';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type ApplicationEntry, api, asApiError, PRO_PIECES } from '../api.ts';
import { ApplicationRecap } from '../components/ApplicationRecap.tsx';
import { EntryStepForm } from '../components/EntryStepForm.tsx';
import { PageFrame, SessionLoading } from '../components/PageFrame.tsx';
import { Panel } from '../components/Panel.tsx';
import { ProEphotoPanel } from '../components/ProEphotoPanel.tsx';
import { ProPiecesPanel } from '../components/ProPiecesPanel.tsx';
import { RedirectToLogin } from '../components/RedirectToLogin.tsx';
import { StepButtons, useWizardSteps } from '../components/WizardSteps.tsx';
import { initialValues, stepGroups } from '../entrySteps.ts';
import { formatParisDateTime } from '../formatDate.ts';
import { useSession } from '../session.tsx';
import { useApiData } from '../useApiData.ts';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = 'Nouvelle demande';
const SEGMENTS = [{ label: 'Espace professionnel', linkProps: { to: '/pro' } }];
const SAVED: readonly string[] = ['mandate', 'motif', 'civilStatus', 'address', 'dossier'];
const isSaved = (step: string): step is SavedStep => SAVED.includes(step);

/** "Nouvelle demande": start one, or come back to one saved on the agency. */
export function ProNewApplicationPage() {
  const { id } = useParams();
  const { session } = useSession();
  if (session.status === 'loading') return <SessionLoading />;
  if (session.status !== 'pro') return <RedirectToLogin to="/pro/connexion" session={session} />;
  return id ? <EntrySteps id={id} /> : <EntryStart />;
}

function EntryStart() {
  usePageTitle(TITLE);
  const navigate = useNavigate();
  const entries = useApiData('entries', () => api.entriesInProgress());
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setError(null);
    try {
      const { entry } = await api.startEntry();
      navigate(`/pro/nouvelle-demande/${entry.id}`);
    } catch (caught) {
      setError(asApiError(caught).message);
    }
  };
  return (
    <PageFrame title={TITLE} segments={SEGMENTS}>
      <p>
        La demande est enregistrée sur le site de l'ANTS à chaque étape : vous pouvez l'interrompre et la reprendre plus
        tard, depuis cette page.
      </p>
      {error && <Alert className="fr-mb-3w" severity="error" small description={error} />}
      <Button onClick={() => void start()}>Commencer une nouvelle demande</Button>
      <section className="fr-mt-6w" aria-labelledby="entries-in-progress">
        <h2 id="entries-in-progress" className="fr-h4">
          Demandes en cours de saisie
        </h2>
        {entries.status === 'loading' && <p role="status">Chargement…</p>}
        {entries.status === 'error' && <Alert severity="error" small description={entries.error.message} />}
        {entries.data && entries.data.entries.length === 0 && <p>Aucune demande en cours de saisie.</p>}
        {entries.data && entries.data.entries.length > 0 && (
          <ul>
            {entries.data.entries.map((entry) => (
              <li key={entry.id}>
                <Link to={`/pro/nouvelle-demande/${entry.id}`}>
                  {entry.name} — {entry.typeLabel}
                </Link>{' '}
                (modifiée le {formatParisDateTime(entry.updatedAt)})
              </li>
            ))}
          </ul>
        )}
      </section>
    </PageFrame>
  );
}

function EntrySteps({ id }: { id: string }) {
  const [saved, setSaved] = useState<ApplicationEntry | null>(null);
  const loaded = useApiData(id, () => api.entry(id));
  const prefectures = useApiData('prefectures', () => api.proPrefectures());
  const entry = saved ?? loaded.data?.entry ?? null;
  const wizard = useWizardSteps(NEW_APPLICATION_STEPS, TITLE, entry ? firstToDo(entry) : 'mandate');
  const { step } = wizard;

  if (!entry) {
    return (
      <PageFrame title={TITLE} segments={SEGMENTS}>
        {loaded.status === 'error' ? (
          <Alert severity="error" small description={loaded.error.message} />
        ) : (
          <p role="status">Chargement…</p>
        )}
      </PageFrame>
    );
  }
  const savedStep = isSaved(step.id) ? step.id : null;

  return (
    <PageFrame title={TITLE} segments={SEGMENTS}>
      {wizard.stepper}
      <Panel className="fr-p-4w">
        {savedStep && !entry.application && (
          <EntryStepForm
            key={savedStep}
            step={savedStep}
            initial={initialValues(savedStep, entry.steps)}
            groups={stepGroups(savedStep, {
              motif: entry.steps.motif?.motif,
              prefectures: prefectures.data?.prefectures ?? [],
            })}
            save={async (body) => {
              setSaved((await api.saveEntryStep(entry.id, savedStep, body)).entry);
              wizard.goNext?.();
            }}
            previous={wizard.goPrevious}
          />
        )}
        {isSaved(step.id) && entry.application && (
          <CreatedNotice number={entry.application.number} onContinue={() => wizard.goTo('photo')} />
        )}
        {!isSaved(step.id) && !entry.application && <p>Complétez d'abord les étapes précédentes.</p>}
        {!isSaved(step.id) && entry.application && (
          <DemandStep
            step={step.id}
            application={entry.application}
            previous={wizard.goPrevious}
            next={wizard.goNext}
          />
        )}
      </Panel>
    </PageFrame>
  );
}

/** A step of the body once the demand exists: it is kept in the draft, changed by "Modifier la demande". */
function CreatedNotice({ number, onContinue }: { number: string; onContinue: () => void }) {
  return (
    <>
      <Alert
        className="fr-mb-3w"
        severity="info"
        small
        description={`Ces informations sont enregistrées dans la demande n° ${number} (brouillon).`}
      />
      <p>
        <Link to={`/pro/demandes/${encodeURIComponent(number)}/modifier`}>Modifier la demande</Link>
      </p>
      <Button onClick={onContinue}>Aller à l'étape « Photo / Signature »</Button>
    </>
  );
}

/** The steps that act on the draft itself: photo / signature, pièces, the recap, the validation. */
function DemandStep({
  step,
  application,
  previous,
  next,
}: {
  step: string;
  application: HeldApplication;
  previous?: () => void;
  next?: () => void;
}) {
  const [validated, setValidated] = useState<HeldApplication | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const recap = useApiData(`${application.number}/recap`, () => api.proRecap(application.number), {
    enabled: step === 'summary',
  });
  const validate = async () => {
    setBusy(true);
    setError(null);
    try {
      setValidated((await api.proAction(application.number, 'validate')).application);
    } catch (caught) {
      setError(asApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };
  const link = (
    <Link className="fr-link" to={`/pro/demandes/${encodeURIComponent(application.number)}`}>
      Ouvrir la demande n° {application.number}
    </Link>
  );
  return (
    <>
      <Alert
        className="fr-mb-3w"
        severity="success"
        small
        role="status"
        description={`La demande n° ${application.number} est enregistrée en brouillon.`}
      />
      {step === 'photo' && <ProEphotoPanel application={application} />}
      {step === 'pieces' && <ProPiecesPanel application={application} />}
      {step === 'summary' && (
        <section aria-labelledby="relisez-vous">
          <h2 id="relisez-vous" className="fr-h4">
            Relisez-vous !
          </h2>
          <p>Vérifiez chaque information avant de valider : une demande validée ne peut plus être modifiée.</p>
          {recap.status === 'error' && <Alert severity="error" small description={recap.error.message} />}
          {recap.data && <ApplicationRecap application={recap.data.application} filePath={PRO_PIECES.filePath} />}
        </section>
      )}
      {step === 'validation' && (
        <section aria-labelledby="validation-titre">
          <h2 id="validation-titre" className="fr-h4">
            Validation
          </h2>
          {validated ? (
            <>
              <Alert
                className="fr-mb-3w"
                severity="success"
                small
                role="status"
                description={
                  validated.paperMandate
                    ? `La demande n° ${validated.number} est validée et transmise à l'instruction (mandat papier).`
                    : `La demande n° ${validated.number} est validée : le candidat la reçoit par courriel pour la valider à son tour.`
                }
              />
              <p>{link}</p>
            </>
          ) : (
            <>
              <p>
                {application.paperMandate
                  ? "Avec le mandat papier, la demande part à l'instruction dès votre validation."
                  : 'Le candidat recevra un courriel et un SMS pour valider la demande dans son espace.'}
              </p>
              {error && <Alert className="fr-mb-3w" severity="error" small description={error} />}
              <Button disabled={busy} onClick={() => void validate()}>
                Valider la demande
              </Button>
            </>
          )}
        </section>
      )}
      {!validated && <StepButtons previous={previous} next={next} />}
    </>
  );
}

/** The first step still to do: after the last saved one (the demand itself once created). */
function firstToDo(entry: ApplicationEntry): string {
  if (entry.application) return 'photo';
  return SAVED.find((step) => !entry.steps[step as SavedStep]) ?? 'dossier';
}
