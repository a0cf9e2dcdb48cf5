import TechnicalError from '@codegouvfr/react-dsfr/picto/TechnicalError';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The DSFR error page layout: title, error code, explanation, a way back home and the pictogram. */
export function ErrorPanel({
  title,
  code,
  lead,
  children,
}: {
  title: string;
  code: string;
  lead: string;
  children: ReactNode;
}) {
  return (
    <div className="fr-container">
      <div className="fr-my-7w fr-mt-md-12w fr-mb-md-10w fr-grid-row fr-grid-row--gutters fr-grid-row--middle fr-grid-row--center">
        <div className="fr-py-0 fr-col-12 fr-col-md-6">
          <h1>{title}</h1>
          <p className="fr-text--sm fr-mb-3w">{code}</p>
          <p className="fr-text--lead fr-mb-3w">{lead}</p>
          <div className="fr-text--sm fr-mb-5w">{children}</div>
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <Link className="fr-btn" to="/">
                Page d'accueil
              </Link>
            </li>
          </ul>
        </div>
        <div className="fr-col-12 fr-col-md-3 fr-col-offset-md-1 fr-px-6w fr-px-md-0 fr-py-0">
          <TechnicalError fontSize="10rem" />
        </div>
      </div>
    </div>
  );
}
