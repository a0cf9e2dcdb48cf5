import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import type { ReactNode } from 'react';

/** The breadcrumb of every page of the space goes through « Mon espace », the page of its menus. */
export const SPACE_SEGMENTS = [{ label: 'Mon espace', linkProps: { to: '/monespace' } }];
/** …and through « Mes démarches en cours » for a demand's pages. */
export const APPLICATIONS_SEGMENTS = [
  ...SPACE_SEGMENTS,
  { label: 'Mes démarches en cours', linkProps: { to: '/monespace/demarches' } },
];

/** The breadcrumb step back to the candidate's login page. */
export const LOGIN_SEGMENT = { label: 'Connexion à mon espace', linkProps: { to: '/monespace/connexion' } };

/**
 * The frame of a page of the candidate's personal space: breadcrumb through "Mon espace", an
 * optional welcome line above the one h1, then the content.
 */
export function CandidateFrame({
  title,
  welcome,
  segments = [],
  children,
}: {
  title: string;
  welcome?: ReactNode;
  /** The pages between "Accueil" and this one. */
  segments?: { label: string; linkProps: { to: string } }[];
  children: ReactNode;
}) {
  return (
    <div className="fr-container fr-mb-8w">
      <Breadcrumb currentPageLabel={title} homeLinkProps={{ to: '/' }} segments={segments} />
      {welcome}
      <h1>{title}</h1>
      {children}
    </div>
  );
}
