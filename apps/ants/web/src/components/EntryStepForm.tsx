import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { fieldErrorText, type NewApplicationStepInput, type SavedStep } from '@permis/ants-api';
import { type FormEvent, useState } from 'react';
import { asApiError, type FieldError } from '../api.ts';
import {
  type FieldGroup,
  type FieldSpec,
  fieldId,
  SUGGESTION_COMPANIONS,
  stepBody,
  type Values,
} from '../entrySteps.ts';

type Props<S extends SavedStep> = {
  step: S;
  /** The values the form starts from (`initialValues`). */
  initial: Values;
  groups: FieldGroup[];
  /** Saves the step's body on the agency; a refusal is thrown as the API's error. */
  save: (body: NewApplicationStepInput<S>) => Promise<void>;
  submitLabel?: string;
  /** "Étape précédente", absent on the first step. */
  previous?: () => void;
};

const REQUIRED_MESSAGE = 'Ce champ est obligatoire.';

/**
 * One step of "Nouvelle demande": required answers checked here, then the step is saved on the
 * agency; its refusals are shown under their fields (with the official spellings to choose from
 * for a place), anything else above the form, and focus goes to the first wrong field.
 */
export function EntryStepForm<S extends SavedStep>({
  step,
  initial,
  groups,
  save,
  submitLabel = 'Enregistrer et continuer',
  previous,
}: Props<S>) {
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const set = (path: string, value: string) => setValues((current) => ({ ...current, [path]: value }));
  const shownGroups = groups.filter((group) => !group.when || group.when(values));
  const shownFields = shownGroups.flatMap((group) => group.fields.filter((f) => !f.when || f.when(values)));

  const focusFirst = (wrong: Record<string, FieldError>) => {
    const first = shownFields.find((field) => wrong[field.path]);
    if (first) document.getElementById(inputId(first))?.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const missing: Record<string, FieldError> = {};
    for (const field of shownFields) {
      if (field.required && !(values[field.path] ?? '').trim()) {
        missing[field.path] = { path: field.path, message: REQUIRED_MESSAGE };
      }
    }
    setAlert(null);
    setErrors(missing);
    if (Object.keys(missing).length > 0) {
      focusFirst(missing);
      return;
    }
    setSubmitting(true);
    try {
      await save(stepBody(step, groups, values));
    } catch (caught) {
      const error = asApiError(caught);
      const mine: Record<string, FieldError> = {};
      const others: string[] = [];
      for (const field of error.fields) {
        if (shownFields.some((f) => f.path === field.path)) mine[field.path] = field;
        else others.push(fieldErrorText(field));
      }
      setErrors(mine);
      setAlert([error.message, ...others].join(' '));
      focusFirst(mine);
    } finally {
      setSubmitting(false);
    }
  };

  const choose = (path: string, suggestion: NonNullable<FieldError['suggestions']>[number]) => {
    setValues((current) => {
      const next = { ...current, [path]: suggestion.value };
      const companion = SUGGESTION_COMPANIONS[path];
      const companionValue = companion && suggestion[companion.from];
      if (companion && companionValue !== undefined) next[companion.path] = companionValue;
      return next;
    });
    setErrors(({ [path]: _chosen, ...rest }) => rest);
    document.getElementById(fieldId(path))?.focus();
  };

  const wrong = shownFields.filter((field) => errors[field.path]);

  return (
    <form onSubmit={submit} noValidate aria-busy={submitting}>
      {alert && <Alert className="fr-mb-4w" severity="error" small description={alert} />}
      {wrong.length > 0 && (
        // The step's errors listed at its top, each a link to its field (the DSFR's error summary):
        // whoever lands on the form learns what to fix before reading it all.
        <Alert
          className="fr-mb-4w"
          severity="error"
          title={
            wrong.length === 1 ? 'Cette étape contient une erreur' : `Cette étape contient ${wrong.length} erreurs`
          }
          description={
            <ul className="fr-mb-0">
              {wrong.map((field) => (
                <li key={field.path}>
                  <a
                    href={`#${inputId(field)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(inputId(field))?.focus();
                    }}
                  >
                    {field.label} : {errors[field.path]!.message}
                  </a>
                </li>
              ))}
            </ul>
          }
        />
      )}
      <p className="fr-hint-text">Les champs marqués d'un astérisque (*) sont obligatoires.</p>
      {shownGroups.map((group) => (
        <fieldset key={group.legend} className="fr-fieldset">
          <legend className="fr-fieldset__legend">
            <h3 className="fr-h5 fr-mb-0">{group.legend}</h3>
          </legend>
          {group.fields
            .filter((field) => !field.when || field.when(values))
            .map((field) => (
              <div key={field.path} className="fr-fieldset__element">
                <StepField field={field} values={values} error={errors[field.path]} set={set} />
                {errors[field.path]?.suggestions && (
                  <Suggestions
                    path={field.path}
                    suggestions={errors[field.path]!.suggestions!}
                    choose={(suggestion) => choose(field.path, suggestion)}
                  />
                )}
              </div>
            ))}
        </fieldset>
      ))}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        {previous && (
          <li>
            <Button type="button" priority="secondary" onClick={previous}>
              Étape précédente
            </Button>
          </li>
        )}
        <li>
          <Button type="submit" disabled={submitting}>
            {submitLabel}
          </Button>
        </li>
      </ul>
    </form>
  );
}

function Suggestions({
  path,
  suggestions,
  choose,
}: {
  path: string;
  suggestions: NonNullable<FieldError['suggestions']>;
  choose: (suggestion: NonNullable<FieldError['suggestions']>[number]) => void;
}) {
  return (
    <div className="fr-mt-1w">
      <p id={`${fieldId(path)}-suggestions`} className="fr-text--sm fr-mb-1w">
        Voulez-vous dire :
      </p>
      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
        {suggestions.slice(0, 5).map((suggestion) => (
          <li key={suggestion.label}>
            <Button type="button" priority="tertiary" size="small" onClick={() => choose(suggestion)}>
              {suggestion.label}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The input that receives focus for a field: the first choice of a group. */
function inputId(field: FieldSpec): string {
  return field.kind === 'radio' || field.kind === 'checkboxes' ? `${fieldId(field.path)}-0` : fieldId(field.path);
}

function StepField({
  field,
  values,
  error,
  set,
}: {
  field: FieldSpec;
  values: Values;
  error?: FieldError;
  set: (path: string, value: string) => void;
}) {
  const label = `${field.label}${field.required ? ' *' : ''}`;
  const value = values[field.path] ?? '';
  const state = error ? ('error' as const) : ('default' as const);
  // A group's inputs get the DSFR's ids, `${id}-0`, `${id}-1`…
  const id = fieldId(field.path);
  switch (field.kind) {
    case 'radio':
      return (
        <RadioButtons
          id={id}
          legend={label}
          hintText={field.hint}
          orientation={field.options!.length <= 2 ? 'horizontal' : 'vertical'}
          state={state}
          stateRelatedMessage={error?.message}
          options={field.options!.map((option) => ({
            label: option.label,
            nativeInputProps: {
              name: field.path,
              value: option.value,
              checked: value === option.value,
              onChange: () => set(field.path, option.value),
            },
          }))}
        />
      );
    case 'checkboxes': {
      const chosen = value ? value.split(',') : [];
      return (
        <Checkbox
          id={id}
          legend={label}
          hintText={field.hint}
          orientation={field.options!.length > 3 ? 'horizontal' : 'vertical'}
          state={state}
          stateRelatedMessage={error?.message}
          options={field.options!.map((option) => ({
            label: option.label,
            nativeInputProps: {
              name: field.path,
              value: option.value,
              checked: chosen.includes(option.value),
              onChange: (event) =>
                set(
                  field.path,
                  (event.target.checked
                    ? [...chosen, option.value]
                    : chosen.filter((item) => item !== option.value)
                  ).join(','),
                ),
            },
          }))}
        />
      );
    }
    case 'select':
      return (
        <Select
          label={label}
          hint={field.hint}
          state={state}
          stateRelatedMessage={error?.message}
          nativeSelectProps={{
            id,
            name: field.path,
            value,
            required: field.required,
            onChange: (event) => set(field.path, event.target.value),
          }}
        >
          <option value="">Choisir</option>
          {field.options!.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      );
    default:
      return (
        <Input
          label={label}
          hintText={field.hint}
          state={state}
          stateRelatedMessage={error?.message}
          nativeInputProps={{
            id,
            name: field.path,
            type: field.kind,
            required: field.required,
            autoComplete: field.autoComplete ?? 'off',
            value,
            onChange: (event) => set(field.path, event.target.value),
          }}
        />
      );
  }
}
