import { type FormEvent, useState } from 'react';
import { asApiError } from './api.ts';

type Values<Field extends string> = Record<Field, string>;

export type LoginForm<Field extends string> = {
  values: Values<Field>;
  setValue: (field: Field, value: string) => void;
  /** The message of each invalid field, shown under it. */
  fieldErrors: Partial<Values<Field>>;
  /** The message of a refused login or an unavailable service, shown in an alert above the form. */
  error: string | null;
  submitting: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  inputId: (field: Field) => string;
};

/**
 * State and submission of a login form: required fields are checked before sending, the server's
 * messages are shown as they come, and focus goes to the first invalid field.
 */
export function useLoginForm<Field extends string>(options: {
  /** Prefixes the input ids. */
  idPrefix: string;
  initial: Values<Field>;
  /** The message shown under an empty field, in the order of the form. */
  requiredMessages: Values<Field>;
  /** Fields emptied after refused credentials. */
  clearOnFailure?: NoInfer<Field>[];
  submit: (values: Values<Field>) => Promise<void>;
}): LoginForm<Field> {
  const [values, setValues] = useState(options.initial);
  const [fieldErrors, setFieldErrors] = useState<Partial<Values<Field>>>({});
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const fields = Object.keys(options.requiredMessages) as Field[];
  const inputId = (field: Field) => `${options.idPrefix}-${field}`;

  const focusFirstInvalid = (errors: Partial<Values<Field>>) => {
    const first = fields.find((field) => errors[field] !== undefined);
    if (first !== undefined) document.getElementById(inputId(first))?.focus();
  };

  const send = async () => {
    const missing: Partial<Values<Field>> = {};
    for (const field of fields) {
      if (values[field].trim() === '') missing[field] = options.requiredMessages[field];
    }
    setError(null);
    setFieldErrors(missing);
    if (Object.keys(missing).length > 0) {
      focusFirstInvalid(missing);
      return;
    }
    setSubmitting(true);
    try {
      await options.submit(values);
    } catch (caught) {
      const apiError = asApiError(caught);
      const rejected: Partial<Values<Field>> = {};
      for (const field of fields) {
        const message = apiError.fieldMessage(field);
        if (message !== undefined) rejected[field] = message;
      }
      setFieldErrors(rejected);
      setError(apiError.message);
      if (options.clearOnFailure && apiError.status === 401) {
        setValues((current) => {
          const next = { ...current };
          for (const field of options.clearOnFailure ?? []) next[field] = '';
          return next;
        });
      }
      focusFirstInvalid(rejected);
    } finally {
      setSubmitting(false);
    }
  };

  return {
    values,
    setValue: (field, value) => setValues((current) => ({ ...current, [field]: value })),
    fieldErrors,
    error,
    submitting,
    onSubmit: (event) => {
      event.preventDefault();
      if (!submitting) void send();
    },
    inputId,
  };
}
