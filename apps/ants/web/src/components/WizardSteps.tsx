import { Button } from '@codegouvfr/react-dsfr/Button';
import { Stepper } from '@codegouvfr/react-dsfr/Stepper';
import { useNavigate, useSearchParams } from 'react-router';
import { usePageTitle } from '../usePageTitle.ts';

export type WizardStep = { readonly id: string; readonly label: string };

/**
 * The step navigation of a new demand's pages (the school's, the candidate's): the step is in the
 * URL (`?etape=`, so a reload or the browser's back button keeps it), the page title names it, and
 * each move goes back to the top of the page, where the stepper says where one is.
 */
export function useWizardSteps<S extends WizardStep>(steps: readonly S[], title: string, first: string) {
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const asked = search.get('etape') ?? first;
  const index = Math.max(
    0,
    steps.findIndex((step) => step.id === asked),
  );
  const step = steps[index]!;
  const next = steps[index + 1];
  usePageTitle(`${title} : ${step.label}`);
  /** To a step of this page, or of another address (the demand just made has its own). */
  const goTo = (target: S['id'], path?: string) => {
    if (path) navigate(`${path}?etape=${target}`);
    else setSearch({ etape: target });
    window.scrollTo(0, 0);
  };
  return {
    step,
    index,
    next,
    goTo,
    goNext: next ? () => goTo(next.id) : undefined,
    goPrevious: index > 0 ? () => goTo(steps[index - 1]!.id) : undefined,
    stepper: <Stepper currentStep={index + 1} stepCount={steps.length} title={step.label} nextTitle={next?.label} />,
  };
}

/** "Étape précédente" and "Continuer" under a step, each where there is one. */
export function StepButtons({ previous, next }: { previous?: () => void; next?: () => void }) {
  return (
    <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
      {previous && (
        <li>
          <Button priority="secondary" onClick={previous}>
            Étape précédente
          </Button>
        </li>
      )}
      {next && (
        <li>
          <Button onClick={next}>Continuer</Button>
        </li>
      )}
    </ul>
  );
}
