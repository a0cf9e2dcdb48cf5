import { PageFrame } from '../components/PageFrame.tsx';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = "Déclaration d'accessibilité";

export function AccessibilityPage() {
  usePageTitle(TITLE);
  return (
    <PageFrame title={TITLE}>
      <p>
        L'Agence Nationale des Titres Sécurisés s'engage à rendre ses services en ligne accessibles, conformément à
        l'article 47 de la loi n° 2005-102 du 11 février 2005.
      </p>
      <h2>État de conformité</h2>
      <p>
        Le service « Permis de conduire — démarches en ligne » est <strong>partiellement conforme</strong> avec le
        référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1. Il est conçu selon le système de
        design de l'État ; son audit de conformité n'a pas encore été réalisé.
      </p>
      <h2>Retour d'information et contact</h2>
      <p>
        Si vous n'arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter l'Agence Nationale des
        Titres Sécurisés pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.
      </p>
      <h2>Voies de recours</h2>
      <p className="fr-mb-0">
        Si vous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un service et que
        vous n'avez pas obtenu de réponse satisfaisante, vous pouvez saisir le Défenseur des droits.
      </p>
    </PageFrame>
  );
}
