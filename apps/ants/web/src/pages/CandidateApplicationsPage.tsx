import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { ButtonsGroup } from '@codegouvfr/react-dsfr/ButtonsGroup';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { OWN_NEXT_STEP, type OwnNext, ownNext } from '@permis/ants-api';
import { type ReactNode, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { api, type CandidateApplicationRow } from '../api.ts';
import { type ApplicationSearch, NO_SEARCH, searchApplications } from '../applicationSearch.ts';
import { CandidateFrame, SPACE_SEGMENTS } from '../components/CandidateFrame.tsx';
import { SessionLoading } from '../components/PageFrame.tsx';
import { RedirectToLogin } from '../components/RedirectToLogin.tsx';
import { formatParisDate } from '../formatDate.ts';
import { useSession } from '../session.tsx';
import { useApiData } from '../useApiData.ts';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = 'Mes démarches en cours';

/** The candidate's applications, each with the way to its recap ("Valider" when awaiting the candidate). */
export function CandidateApplicationsPage() {
  usePageTitle(TITLE);
  const { session } = useSession();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const list = useApiData('applications', api.candidateApplications, { enabled: session.status === 'candidate' });
  const inbox = useApiData('messages', api.candidateMessages, { enabled: session.status === 'candidate' });

  if (session.status === 'loading') return <SessionLoading />;
  if (session.status !== 'candidate') return <RedirectToLogin to="/monespace/connexion" session={session} />;
  const { candidate } = session;

  return (
    <CandidateFrame
      title={TITLE}
      segments={SPACE_SEGMENTS}
      welcome={
        <p className="fr-text--lead fr-mb-2w">
          Bienvenue {candidate.firstName} {candidate.lastName.toUpperCase()}
        </p>
      }
    >
      {notice && <Alert className="fr-mb-4w" severity="success" small role="status" description={notice} />}
      <p>
        <Link className="fr-link fr-icon-mail-line fr-link--icon-left" to="/monespace/messages">
          {`Mes messages${inbox.data && inbox.data.unread > 0 ? ` (${inbox.data.unread} non lu${inbox.data.unread > 1 ? 's' : ''})` : ''}`}
        </Link>
      </p>
      {list.status === 'loading' && <p role="status">Chargement…</p>}
      {list.status === 'error' && <Alert severity="error" small description={list.error.message} />}
      {list.status === 'ready' && (
        <SearchableList applications={list.data.applications}>
          <p>
            <Link
              className="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left"
              to="/monespace/nouvelle-demande"
            >
              Ajouter une demande
            </Link>
          </p>
        </SearchableList>
      )}
    </CandidateFrame>
  );
}

/**
 * Seed 000's list: « Rechercher dans la liste » (number, state, creation dates; the count said to
 * screen readers), then « Ajouter une demande » (`children`), then the demands. The search is there
 * even before the first demand, as on the seed's page.
 */
function SearchableList({ applications, children }: { applications: CandidateApplicationRow[]; children: ReactNode }) {
  const [draft, setDraft] = useState<ApplicationSearch>(NO_SEARCH);
  const [search, setSearch] = useState<ApplicationSearch>(NO_SEARCH);
  const states = [...new Map(applications.map((a) => [a.state, a.stateLabel])).entries()];
  const found = searchApplications(applications, search);
  const searching = search !== NO_SEARCH;
  const windowReversed = Boolean(draft.from && draft.to && draft.to < draft.from);
  const set = (field: keyof ApplicationSearch) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));
  return (
    <>
      <form
        className="fr-mb-4w"
        aria-labelledby="rechercher"
        onSubmit={(event) => {
          event.preventDefault();
          // A window that ends before it starts would list nothing without a word: said instead.
          if (windowReversed) return;
          setSearch({ ...draft });
        }}
      >
        <h2 id="rechercher" className="fr-h5">
          Rechercher dans la liste
        </h2>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-3">
            <Input
              label="Numéro de la demande"
              hintText="Son début suffit"
              nativeInputProps={{ value: draft.number, onChange: set('number'), inputMode: 'numeric' }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <Select label="Etat" nativeSelectProps={{ value: draft.state, onChange: set('state') }}>
              <option value="">Tous les états</option>
              {states.map(([state, label]) => (
                <option key={state} value={state}>
                  {label}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <Input
              label="Créée à partir du"
              hintText="jj/mm/aaaa"
              nativeInputProps={{ type: 'date', value: draft.from, onChange: set('from') }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <Input
              label="Créée jusqu'au"
              hintText="jj/mm/aaaa"
              state={windowReversed ? 'error' : 'default'}
              stateRelatedMessage={windowReversed ? 'La date de fin est antérieure à la date de début.' : undefined}
              nativeInputProps={{ type: 'date', value: draft.to, onChange: set('to') }}
            />
          </div>
        </div>
        <ButtonsGroup
          inlineLayoutWhen="always"
          buttons={[
            { children: 'Rechercher', type: 'submit' },
            {
              children: 'Effacer la recherche',
              priority: 'secondary',
              type: 'button',
              onClick: () => {
                setDraft(NO_SEARCH);
                setSearch(NO_SEARCH);
              },
            },
          ]}
        />
      </form>
      {children}
      <p role="status" className="fr-text--sm">
        {searching ? `${found.length} demande${found.length > 1 ? 's' : ''} sur ${applications.length}` : ''}
      </p>
      {applications.length === 0 ? (
        <p>Vous n'avez aucune démarche en cours.</p>
      ) : found.length === 0 ? (
        <p>Aucune demande ne correspond à votre recherche.</p>
      ) : (
        <ApplicationsTable applications={found} />
      )}
    </>
  );
}

function ApplicationsTable({ applications }: { applications: CandidateApplicationRow[] }) {
  return (
    <Table
      caption="Vos demandes de permis de conduire"
      headers={['Prénom', 'Nom', 'Numéro', 'Date de création', 'Date de mise à jour', 'Etat', 'Actions']}
      data={applications.map((application) => [
        application.firstName,
        application.lastName,
        application.number,
        formatParisDate(application.createdAt),
        formatParisDate(application.updatedAt),
        application.neph ? `${application.stateLabel} — NEPH ${application.neph}` : application.stateLabel,
        <ApplicationAction key="action" application={application} />,
      ])}
    />
  );
}

const OWN_LABEL: Record<OwnNext, string> = { continue: 'Continuer', complete: 'Compléter' };

/**
 * Seed 000's « Actions »: a list to choose from, then « OK ». « Valider » a school's demand made for
 * them; « Continuer » or « Compléter » their own; « Consulter » any (a refused or decided demand has
 * nothing else to do). The first is chosen already: « OK » alone does what the demand waits for.
 */
function ApplicationAction({ application }: { application: CandidateApplicationRow }) {
  const navigate = useNavigate();
  const number = encodeURIComponent(application.number);
  const next = application.own ? ownNext(application.state) : null;
  const read = `/monespace/demarches/${number}`;
  const actions = [
    ...(application.canValidate ? [{ label: 'Valider', to: read }] : []),
    ...(next
      ? [{ label: OWN_LABEL[next], to: `/monespace/nouvelle-demande/${number}?etape=${OWN_NEXT_STEP[next]}` }]
      : []),
    { label: 'Consulter', to: read },
  ];
  const [chosen, setChosen] = useState(0);
  // « Consulter » is always there: the list is never empty.
  const action = actions[chosen] ?? { label: 'Consulter', to: read };
  const id = `actions-${application.number}`;
  return (
    <form
      className="fr-grid-row fr-grid-row--middle"
      style={{ gap: '0.5rem', flexWrap: 'nowrap' }}
      onSubmit={(event) => {
        event.preventDefault();
        navigate(action.to);
      }}
    >
      <label className="fr-sr-only" htmlFor={id}>
        Actions pour la demande n° {application.number}
      </label>
      <select
        className="fr-select fr-mt-0"
        id={id}
        value={chosen}
        onChange={(event) => setChosen(Number(event.target.value))}
        style={{ width: 'auto' }}
      >
        {actions.map((action, index) => (
          <option key={action.label} value={index}>
            {action.label}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="fr-btn fr-btn--sm"
        aria-label={`OK : ${action.label.toLowerCase()} la demande n° ${application.number}`}
      >
        OK
      </button>
    </form>
  );
}
