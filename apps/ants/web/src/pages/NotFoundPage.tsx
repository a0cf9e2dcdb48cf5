import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { usePageTitle } from '../usePageTitle.ts';

export function NotFoundPage() {
  usePageTitle('Page non trouvée');
  return (
    <ErrorPanel
      title="Page non trouvée"
      code="Erreur 404"
      lead="La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée."
    >
      <p className="fr-mb-0">
        Si vous avez tapé l'adresse web dans le navigateur, vérifiez qu'elle est correcte. La page n'est peut-être plus
        disponible. Dans ce cas, pour continuer votre visite, vous pouvez consulter la page d'accueil.
      </p>
    </ErrorPanel>
  );
}
