import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Tile } from '@codegouvfr/react-dsfr/Tile';
import { Link } from 'react-router';
import { api } from '../api.ts';
import { CandidateFrame } from '../components/CandidateFrame.tsx';
import { SessionLoading } from '../components/PageFrame.tsx';
import { RedirectToLogin } from '../components/RedirectToLogin.tsx';
import { formatParisDateTime } from '../formatDate.ts';
import { useSession } from '../session.tsx';
import { useApiData } from '../useApiData.ts';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = 'Mon espace';

/** The candidate's home (seed 000): welcome, the sign-in before this one, what waits, the menus. */
export function CandidateHomePage() {
  usePageTitle(TITLE);
  const { session } = useSession();
  const home = useApiData('home', api.candidateHome, { enabled: session.status === 'candidate' });

  if (session.status === 'loading') return <SessionLoading />;
  if (session.status !== 'candidate') return <RedirectToLogin to="/monespace/connexion" session={session} />;
  const { candidate } = session;
  const unread = home.data?.unreadMessages ?? 0;

  return (
    <CandidateFrame
      title={TITLE}
      welcome={
        <>
          <p className="fr-text--lead fr-mb-1w">
            Bienvenue {candidate.firstName.toUpperCase()} {candidate.lastName.toUpperCase()}
          </p>
          {home.data && (
            <p className="fr-text--sm fr-mb-2w">
              {home.data.previousLoginAt
                ? `Dernière connexion : ${formatParisDateTime(home.data.previousLoginAt)}`
                : 'Première connexion à votre espace.'}
            </p>
          )}
        </>
      }
    >
      {home.status === 'loading' && <p role="status">Chargement…</p>}
      {home.status === 'error' && <Alert severity="error" small description={home.error.message} />}
      {home.data && (
        <section aria-labelledby="notifications" className="fr-mb-4w">
          <h2 id="notifications" className="fr-h4">
            Notifications
          </h2>
          {home.data.notifications.length === 0 ? (
            <p>Aucune notification : rien n'attend votre action.</p>
          ) : (
            <ul>
              {home.data.notifications.map((n) => (
                <li key={n.link + n.text}>
                  <Link to={n.link}>{n.text}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <nav aria-label="Menu de mon espace">
        <ul className="fr-grid-row fr-grid-row--gutters" style={{ listStyle: 'none', paddingLeft: 0 }}>
          {menus(unread).map((menu) => (
            <li key={menu.to} className="fr-col-12 fr-col-md-6">
              <Tile
                title={menu.title}
                titleAs="h2"
                desc={menu.desc}
                linkProps={{ to: menu.to }}
                orientation="vertical"
              />
            </li>
          ))}
        </ul>
      </nav>
      {/* Seed 000's home: « Mon espace conducteur » opens « Mes démarches en cours »; of its
          services, the one this site offers. */}
      <section aria-labelledby="espace-conducteur" className="fr-mt-4w">
        <h2 id="espace-conducteur" className="fr-h4">
          <Link to="/monespace/demarches">Mon espace conducteur</Link>
        </h2>
        <ul>
          <li>
            <Link to="/monespace/nouvelle-demande">Demander un permis de conduire</Link>
          </li>
        </ul>
      </section>
    </CandidateFrame>
  );
}

/** The home's menus (seed 000), « Mes messages » with its unread count. */
function menus(unread: number) {
  return [
    {
      title: 'Mes démarches en cours',
      desc: 'Vos demandes de permis : les valider, les suivre.',
      to: '/monespace/demarches',
    },
    {
      title: 'Mes données personnelles',
      desc: 'Votre identité, votre adresse électronique, votre portable, votre mot de passe.',
      to: '/monespace/donnees',
    },
    {
      title: unread > 0 ? `Mes messages (${unread} non lu${unread > 1 ? 's' : ''})` : 'Mes messages',
      desc: 'Les courriels et SMS que le service vous a envoyés.',
      to: '/monespace/messages',
    },
    {
      title: 'Mes documents',
      desc: 'Justificatifs, attestations et formulaires de vos demandes.',
      to: '/monespace/documents',
    },
  ];
}
