import CityHall from '@codegouvfr/react-dsfr/picto/CityHall';
import DrivingLicense from '@codegouvfr/react-dsfr/picto/DrivingLicense';
import School from '@codegouvfr/react-dsfr/picto/School';
import { Tile } from '@codegouvfr/react-dsfr/Tile';
import { usePageTitle } from '../usePageTitle.ts';

export function HomePage() {
  usePageTitle('Accueil');
  return (
    <div className="fr-container fr-my-6w">
      <h1>Permis de conduire : démarches en ligne</h1>
      <p className="fr-text--lead fr-mb-6w">
        L'Agence Nationale des Titres Sécurisés (ANTS) traite les demandes de permis de conduire. Les écoles de conduite
        y suivent les demandes déposées pour leurs élèves, les candidats les valident et les agents de l'État les
        instruisent.
      </p>
      <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list">
        <li className="fr-col-12 fr-col-lg-4">
          <Tile
            title="Espace professionnel"
            titleAs="h2"
            desc="Écoles de conduite : suivre les demandes déposées pour vos élèves."
            linkProps={{ to: '/pro/connexion' }}
            pictogram={<School />}
            orientation="horizontal"
          />
        </li>
        <li className="fr-col-12 fr-col-lg-4">
          <Tile
            title="Console d'instruction"
            titleAs="h2"
            desc="Agents des CERT et des préfectures : instruire les demandes de permis de conduire."
            linkProps={{ to: '/agent/connexion' }}
            pictogram={<CityHall />}
            orientation="horizontal"
          />
        </li>
        <li className="fr-col-12 fr-col-lg-4">
          <Tile
            title="Espace particulier"
            titleAs="h2"
            desc="Candidats : valider la demande de permis de conduire saisie par votre école de conduite."
            linkProps={{ to: '/monespace/connexion' }}
            pictogram={<DrivingLicense />}
            orientation="horizontal"
          />
        </li>
      </ul>
    </div>
  );
}
