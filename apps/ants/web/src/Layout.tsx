import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { Header, type HeaderProps } from '@codegouvfr/react-dsfr/Header';
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import { PerAddress } from '@permis/web-client';
import { useEffect, useRef, useState } from 'react';
import { ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { asApiError } from './api.ts';
import { type SessionState, useSession } from './session.tsx';

const BRAND_TOP = (
  <>
    République
    <br />
    Française
  </>
);
const HOME_LINK = { to: '/', title: 'Accueil — Permis de conduire — Agence Nationale des Titres Sécurisés' };

/** The page of a signed-in user, and where the user goes after signing out. */
const SPACES = {
  pro: { home: '/pro', login: '/pro/connexion', label: 'Espace professionnel' },
  agent: { home: '/agent', login: '/agent/connexion', label: "Console d'instruction" },
  candidate: { home: '/monespace/demarches', login: '/monespace/connexion', label: 'Mon espace' },
} as const;

/** Header, skip links, main content and footer, shared by every page. */
export function Layout() {
  const { session, logout } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previousPathname = useRef(pathname);
  const [logoutError, setLogoutError] = useState<string | null>(null);

  // After a client-side navigation, screen readers and keyboard users start from the new content.
  useEffect(() => {
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    setLogoutError(null);
    mainRef.current?.focus();
  }, [pathname]);

  async function signOut(space: (typeof SPACES)[keyof typeof SPACES]) {
    setLogoutError(null);
    try {
      await logout();
      navigate(space.login, { replace: true, state: { signedOut: true } });
    } catch (error) {
      setLogoutError(asApiError(error).message);
    }
  }

  return (
    <>
      <SkipLinks
        links={[
          { label: 'Contenu', anchor: '#contenu' },
          { label: 'Pied de page', anchor: '#footer' },
        ]}
      />
      <Header
        brandTop={BRAND_TOP}
        serviceTitle="Permis de conduire"
        serviceTagline="Démarches en ligne — Agence Nationale des Titres Sécurisés"
        homeLinkProps={HOME_LINK}
        quickAccessItems={quickAccessItems(session, signOut)}
      />
      {/* At least a screen high: the footer stays below the fold while a page loads or sends the
          visitor to the login page, instead of showing and then jumping away (layout shift). */}
      <main id="contenu" tabIndex={-1} ref={mainRef} style={{ outline: 'none', minHeight: '100vh' }}>
        {logoutError && (
          <div className="fr-container fr-mt-4w">
            <Alert severity="error" small description={logoutError} />
          </div>
        )}
        <PerAddress />
      </main>
      <Footer
        id="footer"
        brandTop={BRAND_TOP}
        homeLinkProps={HOME_LINK}
        accessibility="partially compliant"
        accessibilityLinkProps={{ to: '/accessibilite' }}
        contentDescription="Service en ligne de l'Agence Nationale des Titres Sécurisés pour les demandes de permis de conduire : validation par les candidats, suivi par les écoles de conduite et instruction par les agents des CERT et des préfectures."
      />
      <ScrollRestoration />
    </>
  );
}

function quickAccessItems(
  session: SessionState,
  signOut: (space: (typeof SPACES)[keyof typeof SPACES]) => void,
): HeaderProps.QuickAccessItem[] {
  if (session.status === 'loading' || session.status === 'signedOut') return [];
  const space = SPACES[session.status];
  return [
    { iconId: 'fr-icon-account-circle-line', text: space.label, linkProps: { to: space.home } },
    {
      iconId: 'fr-icon-logout-box-r-line',
      text: 'Se déconnecter',
      buttonProps: { type: 'button', onClick: () => signOut(space) },
    },
  ];
}
