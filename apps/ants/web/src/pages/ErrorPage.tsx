import { useRouteError } from 'react-router';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { usePageTitle } from '../usePageTitle.ts';

/** Shown in place of a page that failed to display. */
export function ErrorPage() {
  usePageTitle('Erreur inattendue');
  console.error(useRouteError());
  return (
    <ErrorPanel
      title="Erreur inattendue"
      code="Erreur 500"
      lead="Désolé, le service rencontre un problème. Nous travaillons pour le résoudre le plus rapidement possible."
    >
      <p className="fr-mb-0">Essayez de rafraîchir la page ou bien réessayez plus tard.</p>
    </ErrorPanel>
  );
}
