import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { FormEvent, ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Panel } from './Panel.tsx';

type Props = {
  title: string;
  intro: ReactNode;
  legend: string;
  error: string | null;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  submitting: boolean;
  /** The button's label; "Se connecter" unless told. */
  submitLabel?: string;
  /** A success to announce above the form (a mail has been sent). */
  notice?: string | null;
  /** Another way to sign in, offered above the form (FranceConnect). */
  before?: ReactNode;
  /** The pages between "Accueil" and this one. */
  segments?: { label: string; linkProps: { to: string } }[];
  children: ReactNode;
};

/**
 * The DSFR login page layout, also used by the forgotten identifier / password forms: breadcrumb,
 * title, grey panel with the form, error alert above the fields.
 */
export function LoginFormFrame({
  title,
  intro,
  legend,
  error,
  onSubmit,
  submitting,
  submitLabel = 'Se connecter',
  segments = [],
  notice,
  before,
  children,
}: Props) {
  const location = useLocation();
  // Signed out with the button, or back from FranceConnect's logout (`?deconnexion=1`).
  const signedOut =
    (location.state as { signedOut?: boolean } | null)?.signedOut === true ||
    new URLSearchParams(location.search).get('deconnexion') === '1';

  return (
    <div className="fr-container fr-mb-8w">
      <Breadcrumb currentPageLabel={title} homeLinkProps={{ to: '/' }} segments={segments} />
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
          <Panel className="fr-px-3w fr-px-md-10w fr-py-6w">
            {signedOut && !error && (
              <Alert className="fr-mb-4w" severity="success" small role="status" description="Vous êtes déconnecté." />
            )}
            <h1>{title}</h1>
            {notice && <Alert className="fr-mb-4w" severity="success" small role="status" description={notice} />}
            <div className="fr-mb-4w">{intro}</div>
            {before}
            {error && <Alert className="fr-mb-4w" severity="error" small description={error} />}
            <form onSubmit={onSubmit} noValidate aria-busy={submitting}>
              <fieldset className="fr-fieldset">
                <legend className="fr-fieldset__legend">
                  <h2 className="fr-h5 fr-mb-0">{legend}</h2>
                </legend>
                <div className="fr-fieldset__element">
                  <p className="fr-hint-text fr-mb-1w">Tous les champs sont obligatoires.</p>
                </div>
                {children}
              </fieldset>
              <Button type="submit">{submitLabel}</Button>
            </form>
          </Panel>
        </div>
      </div>
    </div>
  );
}
