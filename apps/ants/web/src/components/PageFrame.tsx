import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import type { ReactNode } from 'react';

/** The frame of a content page: breadcrumb, the one h1, then the content. */
export function PageFrame({
  title,
  segments = [],
  children,
}: {
  title: string;
  /** The pages between "Accueil" and this one. */
  segments?: { label: string; linkProps: { to: string } }[];
  children: ReactNode;
}) {
  return (
    <div className="fr-container fr-mb-8w">
      <Breadcrumb currentPageLabel={title} homeLinkProps={{ to: '/' }} segments={segments} />
      <h1>{title}</h1>
      {children}
    </div>
  );
}

/** Shown while the page asks the server who is signed in. */
export function SessionLoading() {
  return (
    <div className="fr-container fr-my-6w">
      <p role="status">Chargement…</p>
    </div>
  );
}
