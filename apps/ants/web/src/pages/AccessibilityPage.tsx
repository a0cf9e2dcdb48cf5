import { PageFrame } from '../components/PageFrame.tsx';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = "Déclaration d'accessibilité";

/**
 * The national service's accessibility statement, after the RGAA 4.1 model. Its figures come from
 * the audit grid, docs/accessibility/grille-rgaa.md: update both together.
 */
export function AccessibilityPage() {
  usePageTitle(TITLE);
  return (
    <PageFrame title={TITLE}>
      <p>
        L'Agence Nationale des Titres Sécurisés s'engage à rendre ses services en ligne accessibles, conformément à
        l'article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration s'applique au service « Permis de
        conduire — démarches en ligne » : espace particulier, espace professionnel des écoles de conduite et console
        d'instruction.
      </p>
      <h2>État de conformité</h2>
      <p>
        Le service « Permis de conduire — démarches en ligne » est <strong>partiellement conforme</strong> avec le
        référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1, en raison des non-conformités
        énumérées ci-dessous.
      </p>
      <h2>Résultats des tests</h2>
      <p>
        L'audit interne réalisé le 7 décembre 2026 par l'équipe du service révèle que{' '}
        <strong>95,2 % des critères du RGAA version 4.1</strong> applicables et évalués sont respectés (60 sur 63).
      </p>
      <h2>Contenus non accessibles</h2>
      <h3>Non-conformités</h3>
      <ul>
        <li>
          Aucun plan du site ni moteur de recherche : les pages s'atteignent par l'accueil, les menus de chaque espace
          et le fil d'Ariane (critère 12.1).
        </li>
        <li>La session se termine au bout de 10 heures sans avertissement ni moyen de la prolonger (critère 13.1).</li>
        <li>
          Le justificatif de dépôt, le formulaire de dépôt de photo et de signature et les autres documents PDF ne sont
          pas balisés pour les lecteurs d'écran (critère 13.3).
        </li>
      </ul>
      <h3>Dérogations pour charge disproportionnée</h3>
      <p>Aucune.</p>
      <h3>Contenus non soumis à l'obligation d'accessibilité</h3>
      <p>Aucun.</p>
      <h2>Établissement de cette déclaration d'accessibilité</h2>
      <p>Cette déclaration a été établie le 7 décembre 2026.</p>
      <h3>Technologies utilisées pour la réalisation du service</h3>
      <ul>
        <li>HTML5</li>
        <li>CSS (système de design de l'État)</li>
        <li>JavaScript</li>
        <li>WAI-ARIA</li>
      </ul>
      <h3>Environnement de test</h3>
      <p>
        Chromium (Debian) piloté par Playwright : chaque parcours au clavier seul, le focus visible à chaque étape ;
        écran de 320 pixels de large pour la lecture sans défilement horizontal.
      </p>
      <h3>Outils pour évaluer l'accessibilité</h3>
      <ul>
        <li>axe-core (toutes les règles WCAG 2.1 A et AA), à chaque page et étape des tests</li>
        <li>Parcours au clavier seul de chaque rôle (candidat, école de conduite, agent)</li>
        <li>Revue des pages selon la grille du RGAA 4.1</li>
      </ul>
      <h3>Pages du site ayant fait l'objet de la vérification de conformité</h3>
      <ul>
        <li>Accueil</li>
        <li>
          Connexion des candidats, « Mon espace », « Mes démarches en cours », « Valider votre demande », confirmation
        </li>
        <li>Connexion et tableau de bord de l'espace professionnel, nouvelle demande (chaque étape)</li>
        <li>Connexion des agents, console d'instruction, une demande à instruire</li>
        <li>Déclaration d'accessibilité</li>
      </ul>
      <h2>Retour d'information et contact</h2>
      <p>
        Si vous n'arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter l'Agence Nationale des
        Titres Sécurisés pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.
      </p>
      <h2>Voies de recours</h2>
      <p>
        Si vous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un service et que
        vous n'avez pas obtenu de réponse satisfaisante, vous pouvez :
      </p>
      <ul className="fr-mb-0">
        <li>écrire un message au Défenseur des droits (formulaire sur defenseurdesdroits.fr) ;</li>
        <li>contacter le délégué du Défenseur des droits dans votre région ;</li>
        <li>
          envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse
          71120, 75342 Paris CEDEX 07.
        </li>
      </ul>
    </PageFrame>
  );
}
