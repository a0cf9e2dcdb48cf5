import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type OWN_MOTIFS, type OwnApplication, ownNext, type SavedStep } from '@permis/ants-api';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, asApiError, type Candidate, OWN_EPHOTO, OWN_PIECES } from '../api.ts';
import { ApplicationRecap } from '../components/ApplicationRecap.tsx';
import { APPLICATIONS_SEGMENTS, CandidateFrame } from '../components/CandidateFrame.tsx';
import { EntryStepForm } from '../components/EntryStepForm.tsx';
import { SessionLoading } from '../components/PageFrame.tsx';
import { Panel } from '../components/Panel.tsx';
import { ProEphotoPanel } from '../components/ProEphotoPanel.tsx';
import { ProPiecesPanel } from '../components/ProPiecesPanel.tsx';
import { RedirectToLogin } from '../components/RedirectToLogin.tsx';
import { SummaryList } from '../components/SummaryList.tsx';
import { StepButtons, useWizardSteps } from '../components/WizardSteps.tsx';
import { initialValues, ownStepGroups } from '../entrySteps.ts';
import { formatCalendarDate } from '../formatDate.ts';
import { useSession } from '../session.tsx';
import { useApiData } from '../useApiData.ts';

const TITLE = 'Faire une nouvelle demande';
/**
 * Seed 000's eight steps of « Faire une nouvelle demande ». The dossier (categories, formation,
 * déclarations, préfecture de rattachement) is the second part of « Adresse et contact »: its
 * préfectures are those of the address just given.
 */
const STEPS = [
  { id: 'motif', label: 'Motif de demande' },
  { id: 'civilStatus', label: 'État civil' },
  { id: 'address', label: 'Adresse et contact' },
  { id: 'photo', label: 'Photo / Signature' },
  { id: 'pieces', label: 'Pièces justificatives' },
  { id: 'payment', label: 'Paiement' },
  { id: 'summary', label: 'Récapitulatif' },
  { id: 'confirmation', label: 'Confirmation' },
] as const;
type StepId = (typeof STEPS)[number]['id'];

/** The answers before the draft exists, kept in this tab so that a reload loses nothing. */
type Answers = Partial<Record<'motif' | 'address' | 'dossier', Record<string, unknown>>> & {
  /** Born abroad: the birth town the account lacks. */
  birthCity?: string;
};
const KEPT = 'permis-nouvelle-demande';
const readAnswers = (): Answers => {
  try {
    return JSON.parse(sessionStorage.getItem(KEPT) ?? '{}') as Answers;
  } catch {
    return {};
  }
};

/**
 * « Ajouter une demande » (seed 000): a candidat libre's own demand. Until the dossier is answered
 * the answers stay in the page; the draft is then made on the agency (same rules as a school's),
 * and the later steps act on it: pièces, what is to pay, the recap, the sworn confirmation.
 */
export function CandidateNewApplicationPage() {
  const { session } = useSession();
  const { number } = useParams();
  if (session.status === 'loading') return <SessionLoading />;
  if (session.status !== 'candidate') return <RedirectToLogin to="/monespace/connexion" session={session} />;
  return <Steps candidate={session.candidate} number={number} />;
}

function Steps({ candidate, number }: { candidate: Candidate; number?: string }) {
  const [answers, setAnswers] = useState<Answers>(readAnswers);
  const wizard = useWizardSteps(STEPS, TITLE, number ? 'photo' : 'motif');
  const { step, index, goTo } = wizard;
  const previous = wizard.goPrevious;
  // « Adresse et contact » in two parts: the address, then the dossier that depends on it.
  const [addressPart, setAddressPart] = useState<'address' | 'dossier'>('address');
  const dossierPart = step.id === 'address' && addressPart === 'dossier' && Boolean(answers.address);
  const postalCode = String((answers.address?.candidate as { postalCode?: string } | undefined)?.postalCode ?? '');
  const prefectures = useApiData(`prefectures-${postalCode}`, () => api.candidatePrefectures(postalCode), {
    enabled: dossierPart && /^\d{5}$/.test(postalCode),
  });

  const keep = (part: keyof Answers, body: unknown) => {
    const updated = { ...answers, [part]: body as Record<string, unknown> };
    sessionStorage.setItem(KEPT, JSON.stringify(updated));
    setAnswers(updated);
  };
  const entrySteps = answers as never;
  const form = (saved: SavedStep, save: (body: unknown) => Promise<void>, back = previous) => (
    <EntryStepForm
      key={saved}
      step={saved}
      initial={initialValues(saved, entrySteps)}
      groups={ownStepGroups(saved, {
        motif: (answers.motif as { motif?: string } | undefined)?.motif,
        prefectures: prefectures.data?.prefectures ?? [],
      })}
      save={save}
      previous={back}
    />
  );

  return (
    <CandidateFrame title={TITLE} segments={APPLICATIONS_SEGMENTS}>
      {wizard.stepper}
      <Panel className="fr-p-4w">
        {number && index < 3 && (
          <>
            <Alert
              className="fr-mb-3w"
              severity="info"
              small
              description={`Ces informations sont enregistrées dans votre demande n° ${number} (brouillon).`}
            />
            <Button onClick={() => goTo('photo')}>Aller à l'étape « Photo / Signature »</Button>
          </>
        )}
        {!number &&
          step.id === 'motif' &&
          form('motif', async (body) => {
            keep('motif', body);
            goTo('civilStatus');
          })}
        {!number && step.id === 'civilStatus' && (
          <CivilStatus
            candidate={candidate}
            birthCity={answers.birthCity ?? ''}
            previous={previous}
            next={(birthCity) => {
              const updated = { ...answers, birthCity };
              sessionStorage.setItem(KEPT, JSON.stringify(updated));
              setAnswers(updated);
              goTo('address');
            }}
          />
        )}
        {!number &&
          step.id === 'address' &&
          !dossierPart &&
          form('address', async (body) => {
            keep('address', body);
            setAddressPart('dossier');
          })}
        {!number &&
          dossierPart &&
          form(
            'dossier',
            async (body) => {
              const address = answers.address as Pick<OwnApplication, 'candidate' | 'legalRepresentative'>;
              const created = await api.createOwnApplication({
                motif: (answers.motif as { motif: (typeof OWN_MOTIFS)[number] }).motif,
                candidate: address.candidate,
                legalRepresentative: address.legalRepresentative ?? null,
                dossier: (body as Pick<OwnApplication, 'dossier'>).dossier,
                ...(answers.birthCity ? { birthCity: answers.birthCity } : {}),
              });
              sessionStorage.removeItem(KEPT);
              goTo('photo', `/monespace/nouvelle-demande/${encodeURIComponent(created.number)}`);
            },
            () => setAddressPart('address'),
          )}
        {!number && index >= 3 && <p>Complétez d'abord les étapes précédentes.</p>}
        {number && index >= 3 && <DemandStep step={step.id} number={number} previous={previous} next={wizard.goNext} />}
      </Panel>
    </CandidateFrame>
  );
}

/** État civil: the account's, as the agency knows it; corrected only with a pièce, not here. */
function CivilStatus({
  candidate,
  birthCity,
  previous,
  next,
}: {
  candidate: Candidate;
  birthCity: string;
  previous?: () => void;
  next: (birthCity: string) => void;
}) {
  const data = useApiData('personal-data', api.personalData);
  const identity = data.data?.identity;
  // Born abroad through FranceConnect: the country is known, the town is asked once.
  const asksTown = identity !== undefined && identity.birthCity === '';
  const [town, setTown] = useState(birthCity);
  const [townError, setTownError] = useState<string | null>(null);
  const proceed = () => {
    if (asksTown && town.trim() === '') {
      setTownError('Indiquez votre ville de naissance.');
      document.getElementById('own-birth-city')?.focus();
      return;
    }
    next(asksTown ? town.trim() : '');
  };
  return (
    <section aria-labelledby="etat-civil">
      <h2 id="etat-civil" className="fr-h4">
        Votre état civil
      </h2>
      {data.status === 'error' && <Alert severity="error" small description={data.error.message} />}
      {identity && (
        <SummaryList
          items={[
            { label: 'Nom de naissance', value: identity.birthName },
            { label: 'Prénom(s)', value: [identity.firstName, identity.otherFirstNames].filter(Boolean).join(' ') },
            { label: 'Sexe', value: identity.sex === 'F' ? 'Femme' : 'Homme' },
            { label: 'Date de naissance', value: formatCalendarDate(identity.birthDate) },
            {
              label: 'Lieu de naissance',
              value: [
                identity.birthCity,
                identity.birthDepartment && `(${identity.birthDepartment})`,
                identity.birthCountry,
              ]
                .filter(Boolean)
                .join(' '),
            },
          ]}
        />
      )}
      {asksTown && (
        <Input
          className="fr-mt-3w"
          label="Ville de naissance *"
          hintText="Vous êtes né(e) à l'étranger : la ville, telle qu'elle est écrite sur votre pièce d'identité."
          state={townError ? 'error' : 'default'}
          stateRelatedMessage={townError ?? undefined}
          nativeInputProps={{
            id: 'own-birth-city',
            required: true,
            value: town,
            onChange: (event) => setTown(event.target.value),
          }}
        />
      )}
      <p className="fr-text--sm fr-mt-2w">
        La demande est faite à ce nom, celui de votre compte ({candidate.firstName} {candidate.lastName}). Une erreur se
        signale avec la pièce d’identité, à l’étape « Pièces justificatives ».
      </p>
      <StepButtons previous={previous} next={proceed} />
    </section>
  );
}

/** The steps on the draft: photo / signature, pièces, payment, recap, confirmation. */
function DemandStep({
  step,
  number,
  previous,
  next,
}: {
  step: StepId;
  number: string;
  previous?: () => void;
  next?: () => void;
}) {
  const navigate = useNavigate();
  const demand = useApiData(`own-${number}`, () => api.ownApplication(number));
  const recap = useApiData(`own-recap-${number}`, () => api.candidateApplication(number), {
    enabled: step === 'summary',
  });
  const [sworn, setSworn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.submitOwnApplication(number);
      const ephoto = (await api.ownApplicationEphoto(number)).ephoto;
      navigate(`/monespace/demarches/${encodeURIComponent(number)}/confirmation`, {
        state: { photoSignatureForm: !ephoto },
      });
    } catch (caught) {
      setError(asApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };
  if (demand.status === 'error') return <Alert severity="error" small description={demand.error.message} />;
  if (!demand.data) return <p role="status">Chargement…</p>;
  const ownStep = ownNext(demand.data.state);
  if (ownStep === 'complete') return <Complement number={number} application={demand.data} />;
  if (ownStep !== 'continue' && step !== 'summary') {
    return <p>La demande n° {number} est envoyée : retrouvez-la dans « Mes démarches en cours ».</p>;
  }
  return (
    <>
      {step === 'photo' && (
        <>
          <ProEphotoPanel
            application={demand.data}
            door={OWN_EPHOTO}
            alts={{ photo: 'Votre visage pris par la cabine', signature: 'Votre signature prise par la cabine' }}
          />
          <p className="fr-text--sm fr-mt-2w">
            {demand.data.type === '02'
              ? 'Sans code ePhoto, votre photo et votre signature sont déposées sur le formulaire papier : enregistrez-le et imprimez-le, complétez-le et envoyez-le par courrier au CTN (CS 80168, 53102 MAYENNE CEDEX).'
              : 'Pour une demande de titre, le code ePhoto est obligatoire : il est remis par une cabine ou un photographe agréé.'}
          </p>
        </>
      )}
      {step === 'pieces' && <ProPiecesPanel application={demand.data} door={OWN_PIECES} />}
      {step === 'payment' && (
        <section aria-labelledby="paiement-titre">
          <h2 id="paiement-titre" className="fr-h4">
            Paiement
          </h2>
          <Alert severity="info" small description={demand.data.payment.message} />
        </section>
      )}
      {step === 'summary' && (
        <section aria-labelledby="relisez-vous">
          <h2 id="relisez-vous" className="fr-h4">
            Relisez-vous !
          </h2>
          {recap.status === 'error' && <Alert severity="error" small description={recap.error.message} />}
          {recap.data && <ApplicationRecap application={recap.data.application} />}
        </section>
      )}
      {step === 'confirmation' && (
        <section aria-labelledby="confirmation-titre">
          <h2 id="confirmation-titre" className="fr-h4">
            Confirmation
          </h2>
          <Checkbox
            options={[
              {
                label:
                  "J'atteste sur l'honneur l'exactitude des informations de ma demande et des pièces que j'ai envoyées.",
                nativeInputProps: { checked: sworn, onChange: (event) => setSworn(event.target.checked) },
              },
            ]}
          />
          {error && <Alert className="fr-mb-3w" severity="error" small description={error} />}
          <Button disabled={!sworn || busy} onClick={() => void submit()}>
            Envoyer ma demande
          </Button>
        </section>
      )}
      <StepButtons previous={step !== 'photo' ? previous : undefined} next={next} />
    </>
  );
}

/** « A compléter »: the agent asked for a pièce; the candidate, who holds the demand, sends it back. */
function Complement({ number, application }: { number: string; application: { number: string; state: string } }) {
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    setError(null);
    try {
      await api.completeOwnApplication(number);
      setDone(true);
    } catch (caught) {
      setError(asApiError(caught).message);
    }
  };
  if (done) {
    return (
      <Alert
        severity="success"
        small
        role="status"
        description={`La demande n° ${number} est de nouveau à l'instruction.`}
      />
    );
  }
  return (
    <>
      <Alert
        className="fr-mb-3w"
        severity="warning"
        small
        description="Le service instructeur demande un complément (voir « Mes messages ») : ajoutez la pièce, puis renvoyez la demande."
      />
      <ProPiecesPanel application={application} door={OWN_PIECES} />
      {error && <Alert className="fr-mb-3w" severity="error" small description={error} />}
      <Button onClick={() => void send()}>Renvoyer la demande complétée</Button>
    </>
  );
}
