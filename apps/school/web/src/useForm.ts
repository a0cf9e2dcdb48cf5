import { type FormEvent, useState } from 'react';
import { type ApiError, asApiError } from './api.ts';

/**
 * A form's values, its submission and the server's answer: the message above the form, each
 * field's message under it (by the path the server names). Nothing typed is lost on an error.
 */
export function useForm<Values extends Record<string, unknown>>(initial: Values) {
  const [values, setValues] = useState<Values>(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const set = <Key extends keyof Values>(field: Key, value: Values[Key]) =>
    setValues((current) => ({ ...current, [field]: value }));

  /** For a TextInput: `{...text('city')}`. */
  const text = (field: keyof Values & string, path: string = field) => ({
    value: String(values[field] ?? ''),
    onChange: (event: { currentTarget: { value: string } }) =>
      set(field, event.currentTarget.value as Values[typeof field]),
    error: error?.fieldMessage(path),
  });

  const submit = (action: (values: Values) => Promise<void>) => async (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      await action(values);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setSubmitting(false);
    }
  };

  return { values, setValues, set, text, error, setError, submitting, submit };
}

/** "14/03/2005" as "2005-03-14"; anything else as typed, for the server to refuse with a message. */
export function toIsoDate(value: string): string {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(value);
  if (!match) return value.trim();
  return `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
}
