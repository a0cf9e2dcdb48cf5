import { Alert } from '@codegouvfr/react-dsfr/Alert';
import {
  creationBody,
  type HeldApplication,
  inStateSet,
  NEW_APPLICATION_STEPS,
  type SavedStep,
  stepsOfApplication,
} from '@permis/ants-api';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../api.ts';
import { EntryStepForm } from '../components/EntryStepForm.tsx';
import { PageFrame, SessionLoading } from '../components/PageFrame.tsx';
import { Panel } from '../components/Panel.tsx';
import { RedirectToLogin } from '../components/RedirectToLogin.tsx';
import { initialValues, stepGroups } from '../entrySteps.ts';
import { useSession } from '../session.tsx';
import { useApiData } from '../useApiData.ts';
import { usePageTitle } from '../usePageTitle.ts';

/** The parts of a draft the school may change; the motif is its Cerfa type, which does not change. */
const PARTS = NEW_APPLICATION_STEPS.filter((step): step is (typeof NEW_APPLICATION_STEPS)[number] & { id: SavedStep } =>
  ['mandate', 'civilStatus', 'address', 'dossier'].includes(step.id),
);

/**
 * "Modifier la demande" (a draft): the forms of "Nouvelle demande", filled from the demand; each
 * part saved sends the whole demand, checked on the agency as a creation is.
 */
export function ProEditApplicationPage() {
  const { number = '' } = useParams();
  const { session } = useSession();
  const [search, setSearch] = useSearchParams();
  const [saved, setSaved] = useState<HeldApplication | null>(null);
  const [notice, setNotice] = useState(false);
  const loaded = useApiData(number, () => api.proApplication(number), { enabled: session.status === 'pro' });
  const prefectures = useApiData('prefectures', () => api.proPrefectures(), { enabled: session.status === 'pro' });
  const part = PARTS.find((p) => p.id === search.get('partie')) ?? PARTS[0]!;
  const title = `Modifier la demande n° ${number}`;
  usePageTitle(`${title} : ${part.label}`);
  if (session.status === 'loading') return <SessionLoading />;
  if (session.status !== 'pro') return <RedirectToLogin to="/pro/connexion" session={session} />;
  const demandPath = `/pro/demandes/${encodeURIComponent(number)}`;
  const segments = [
    { label: 'Espace professionnel', linkProps: { to: '/pro' } },
    { label: `Demande n° ${number}`, linkProps: { to: demandPath } },
  ];
  const application = saved ?? loaded.data?.application ?? null;

  return (
    <PageFrame title={title} segments={segments}>
      {!application && loaded.status === 'loading' && <p role="status">Chargement…</p>}
      {loaded.status === 'error' && <Alert severity="error" small description={loaded.error.message} />}
      {application && !inStateSet('dataEditable', application.state) && (
        <Alert
          severity="warning"
          small
          description={
            <>
              La demande a été validée : elle ne peut plus être modifiée.{' '}
              <Link to={demandPath}>Revenir à la demande</Link>
            </>
          }
        />
      )}
      {application && inStateSet('dataEditable', application.state) && (
        <>
          <nav className="fr-mb-3w" aria-label="Parties de la demande">
            <ul className="fr-btns-group fr-btns-group--inline-md">
              {PARTS.map((p) => (
                <li key={p.id}>
                  <Link
                    className={`fr-btn ${p.id === part.id ? '' : 'fr-btn--secondary'}`}
                    to={`?partie=${p.id}`}
                    aria-current={p.id === part.id ? 'page' : undefined}
                    onClick={() => setNotice(false)}
                  >
                    {p.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {notice && (
            <Alert
              className="fr-mb-3w"
              severity="success"
              small
              role="status"
              description="Les modifications sont enregistrées dans le brouillon."
            />
          )}
          <Panel className="fr-p-4w">
            <h2 className="fr-h4">{part.label}</h2>
            <EntryStepForm
              key={`${part.id}/${application.updatedAt}`}
              step={part.id}
              initial={initialValues(part.id, stepsOfApplication(application))}
              groups={stepGroups(part.id, {
                motif: stepsOfApplication(application).motif.motif,
                prefectures: prefectures.data?.prefectures ?? [],
              })}
              submitLabel="Enregistrer les modifications"
              save={async (body) => {
                const steps = { ...stepsOfApplication(application), [part.id]: body };
                setSaved((await api.updateDraft(application.number, creationBody(steps))).application);
                setNotice(true);
                setSearch({ partie: part.id });
              }}
            />
          </Panel>
        </>
      )}
    </PageFrame>
  );
}
