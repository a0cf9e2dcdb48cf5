import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { Link } from 'react-router';
import { PageFrame, SessionLoading } from '../components/PageFrame.tsx';
import { Panel } from '../components/Panel.tsx';
import { ProDashboardView } from '../components/ProDashboardView.tsx';
import { RedirectToLogin } from '../components/RedirectToLogin.tsx';
import { SummaryList } from '../components/SummaryList.tsx';
import { useSession } from '../session.tsx';
import { usePageTitle } from '../usePageTitle.ts';

export function ProHomePage() {
  usePageTitle('Espace professionnel');
  const { session } = useSession();
  if (session.status === 'loading') return <SessionLoading />;
  if (session.status !== 'pro') return <RedirectToLogin to="/pro/connexion" session={session} />;
  const { account } = session;

  return (
    <PageFrame title="Espace professionnel">
      <p className="fr-text--lead">Bienvenue, {account.schoolName}.</p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <section className="fr-col-12 fr-col-lg-6" aria-labelledby="pro-account-title">
          <Panel className="fr-p-4w">
            <h2 id="pro-account-title" className="fr-h4">
              Votre école de conduite
            </h2>
            <SummaryList
              items={[
                { label: 'Raison sociale', value: account.schoolName },
                { label: "Numéro d'agrément Cerfa", value: account.agrementNumber },
                { label: 'Connecté(e)', value: `${account.firstName} ${account.lastName} (${account.login})` },
                { label: 'Ville', value: account.city },
              ]}
            />
            <ul className="fr-links-group fr-mb-0">
              <li>
                <Link className="fr-link" to="/pro/compte">
                  Comptes de l'établissement
                </Link>
              </li>
              <li>
                <Link className="fr-link" to="/pro/compte/mot-de-passe">
                  Modifier le mot de passe
                </Link>
              </li>
            </ul>
          </Panel>
        </section>
        <div className="fr-col-12 fr-col-lg-6">
          <CallOut title="Vos demandes" titleAs="h2" iconId="fr-icon-information-line">
            Le tableau de bord montre toutes les demandes de votre école de conduite, qu'elles aient été déposées depuis
            votre logiciel de gestion (interface de programmation professionnelle de l'ANTS) ou sur ce site.
          </CallOut>
          <p>
            <Link className="fr-btn fr-mb-2w" to="/pro/nouvelle-demande">
              Nouvelle demande
            </Link>
          </p>
          <p>
            <Link className="fr-link" to="/pro/transfert">
              Transférer une demande d'une autre école de conduite
            </Link>
          </p>
        </div>
      </div>
      <section className="fr-mt-6w" aria-labelledby="tableau-de-bord">
        <h2 id="tableau-de-bord">Tableau de bord</h2>
        <ProDashboardView />
      </section>
    </PageFrame>
  );
}
