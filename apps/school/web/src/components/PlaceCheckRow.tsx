import { Text, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { isTownKind, type PlaceKind } from '../places.ts';
import type { PlaceSuggestion } from '../types.ts';
import { PlacePicker } from './PlacePicker.tsx';
import classes from './PlacesCheckModal.module.css';

/** The seed's hint under a town field. */
export const TOWN_HINT =
  "La ville doit être présente dans la liste qui s'affiche automatiquement en saisissant les 1ers caractères. Attention : les espaces doivent être remplacés par des tirets (-).";

type PlaceCheckRowProps = {
  label: string;
  /** What the field holds, as shown: "ST PRIEST (69800)"; empty shows nothing. */
  value: string;
  /** False: not found in the lists, the row is yellow. */
  ok: boolean;
  /** Why it was not found (the server's words). */
  message?: string;
  /** Changed in the popup: shown in bold. */
  changed: boolean;
  kind: PlaceKind;
  /** A field found wrong offers its choice list (kept once corrected, to change it again). */
  pickable: boolean;
  suggestions: PlaceSuggestion[];
  picked: PlaceSuggestion | null;
  onPick(suggestion: PlaceSuggestion): void;
  /** The message of a refused save, for this field. */
  error?: string;
};

/** One line of the popup, "Label: value", yellow when the value was not found. */
export function PlaceCheckRow(props: PlaceCheckRowProps) {
  const { label, value, ok, message, changed, kind, pickable, error } = props;
  const inputId = useId();
  const description =
    (!ok && message) || isTownKind(kind) ? (
      <>
        {!ok && message && <span className={classes.message}>{message}</span>}
        {isTownKind(kind) && <span className={classes.hint}>{TOWN_HINT}</span>}
      </>
    ) : undefined;

  return (
    <li className={ok ? classes.row : `${classes.row} ${classes.yellow}`} data-status={ok ? 'found' : 'not-found'}>
      <Text size="sm" className={classes.line}>
        {pickable ? <label htmlFor={inputId}>{label}</label> : label}:{' '}
        {value && (changed ? <strong>{value}</strong> : value)}
        {!ok && <VisuallyHidden> (non trouvé)</VisuallyHidden>}
      </Text>
      {pickable ? (
        <PlacePicker
          id={inputId}
          label={label}
          kind={kind}
          suggestions={props.suggestions}
          picked={props.picked}
          onPick={props.onPick}
          description={description}
          error={error}
        />
      ) : (
        error && (
          <Text size="sm" c="var(--mantine-color-error)">
            {error}
          </Text>
        )
      )}
    </li>
  );
}
