import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { PLACE_FIELD_LABELS } from '@permis/referentiel';
import { useMemo, useState } from 'react';
import { type ApiError, asApiError } from '../api.ts';
import { applySuggestion, PLACE_FIELD_KINDS, PLACE_FIELDS, placeDisplay } from '../places.ts';
import type { PlaceField, PlaceRecord, PlaceSuggestion } from '../types.ts';
import { usePlacesCheck } from '../usePlacesCheck.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Loading } from './Loading.tsx';
import { PlaceCheckRow } from './PlaceCheckRow.tsx';
import classes from './PlacesCheckModal.module.css';

export const PLACES_CHECK_TITLE = 'Vérification des villes, départements et pays';

export type PlacesCheckModalProps = {
  opened: boolean;
  onClose(): void;
  /** The values the popup opens with (and Réinitialiser puts back). */
  initial: PlaceRecord;
  /**
   * Saves the corrected record; the popup shows its loading state meanwhile and the message of
   * what it throws. An ApiError whose `fields` paths are PlaceField names puts each message under
   * its row.
   */
  onValidate(record: PlaceRecord): Promise<void>;
  title?: string;
  /** Shown when validating takes more than a few seconds (the record goes to a slow service). */
  slowNote?: string;
};

/**
 * The seed's "Vérification des villes, départements et pays" popup: every place of a record checked
 * against the reference lists, the ones not found in yellow with a choice of corrections.
 */
export function PlacesCheckModal({
  opened,
  onClose,
  initial,
  onValidate,
  title = PLACES_CHECK_TITLE,
  slowNote,
}: PlacesCheckModalProps) {
  // A fresh form at each opening, from the record the popup opens with.
  const [openings, setOpenings] = useState(0);
  const [wasOpened, setWasOpened] = useState(opened);
  if (opened !== wasOpened) {
    setWasOpened(opened);
    if (opened) setOpenings((n) => n + 1);
  }

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': 'Fermer' }}>
      <PlacesCheckForm key={openings} initial={initial} onValidate={onValidate} slowNote={slowNote} />
    </Modal>
  );
}

type Picks = Partial<Record<PlaceField, PlaceSuggestion>>;

function PlacesCheckForm({
  initial,
  onValidate,
  slowNote,
}: Pick<PlacesCheckModalProps, 'initial' | 'onValidate' | 'slowNote'>) {
  const [record, setRecord] = useState(initial);
  const [picks, setPicks] = useState<Picks>({});
  const check = usePlacesCheck(record);
  const [validating, setValidating] = useState(false);
  const [slow, setSlow] = useState(false);
  const [validateError, setValidateError] = useState<ApiError | null>(null);

  const rows = useMemo(() => {
    const current = check.checkedRecord === record ? check.result : null;
    return PLACE_FIELDS.map((field) => {
      // The status of the last answer until the new one arrives (no flash while checking again).
      const status = check.result?.fields.find((f) => f.field === field);
      const display = placeDisplay(record, field);
      return {
        field,
        label: status?.label ?? PLACE_FIELD_LABELS[field],
        value: current?.fields.find((f) => f.field === field)?.value ?? display,
        ok: status?.ok ?? true,
        message: status?.message,
        changed: display !== placeDisplay(initial, field),
      };
    });
  }, [check.result, check.checkedRecord, record, initial]);

  const pick = (field: PlaceField, suggestion: PlaceSuggestion) => {
    setPicks((current) => ({ ...current, [field]: suggestion }));
    setRecord((current) => applySuggestion(current, field, suggestion));
    setValidateError(null);
  };

  const reset = () => {
    setPicks({});
    setRecord(initial);
    setValidateError(null);
  };

  const validate = async () => {
    setValidating(true);
    setValidateError(null);
    const timer = setTimeout(() => setSlow(true), 3000);
    try {
      await onValidate(record);
    } catch (caught) {
      setValidateError(asApiError(caught));
    } finally {
      clearTimeout(timer);
      setSlow(false);
      setValidating(false);
    }
  };

  const notFound = rows.filter((r) => !r.ok).length;
  const firstCheck = check.result === null && check.checking;

  return (
    <Stack gap="md">
      <Text size="sm" className={classes.intro}>
        Les informations{' '}
        <mark className={`${classes.yellow} ${classes.mark}`}>
          <strong>en jaune</strong>
        </mark>{' '}
        ci-dessous n'ont pas été trouvées sur le site de la préfecture. Veuillez vérifier votre saisie.
      </Text>
      <Text size="sm" className={classes.intro}>
        * Si les informations sont correctes, vous pouvez valider votre saisie.
      </Text>

      {firstCheck ? (
        <Loading label="Vérification en cours…" />
      ) : (
        <>
          <Group gap="xs" role="status" mih={22}>
            {check.checking ? (
              <>
                <Loader size="xs" aria-hidden />
                <Text size="sm">Vérification en cours…</Text>
              </>
            ) : check.result && !check.error ? (
              <Text size="sm" c="dimmed">
                {notFound === 0
                  ? 'Toutes les informations ont été trouvées.'
                  : notFound === 1
                    ? '1 information à vérifier.'
                    : `${notFound} informations à vérifier.`}
              </Text>
            ) : null}
          </Group>
          {check.error && (
            <Alert color="red" variant="light" title="La vérification n'a pas abouti">
              <Stack gap="xs" align="flex-start">
                <span>{check.error.message}</span>
                <Button size="xs" variant="default" onClick={check.retry}>
                  Relancer la vérification
                </Button>
              </Stack>
            </Alert>
          )}
          <ul className={classes.rows} aria-label="Villes, départements et pays">
            {rows.map((row) => (
              <PlaceCheckRow
                key={row.field}
                label={row.label}
                value={row.value}
                ok={row.ok}
                message={row.message}
                changed={row.changed}
                kind={PLACE_FIELD_KINDS[row.field]}
                pickable={check.flagged.has(row.field)}
                suggestions={check.suggestions[row.field] ?? []}
                picked={picks[row.field] ?? null}
                onPick={(suggestion) => pick(row.field, suggestion)}
                error={validateError?.fieldMessage(row.field)}
              />
            ))}
          </ul>
        </>
      )}

      <ErrorAlert error={validateError} />
      <div aria-live="polite">
        {validating && slow && slowNote && (
          <Alert color="blue" variant="light">
            <Group gap="sm" wrap="nowrap">
              <Loader size="sm" aria-hidden />
              <Text size="sm">{slowNote}</Text>
            </Group>
          </Alert>
        )}
      </div>
      <Group gap="sm">
        <Button onClick={validate} loading={validating} leftSection={<span aria-hidden="true">✓</span>}>
          Valider
        </Button>
        <Button variant="default" onClick={reset} disabled={validating} leftSection={<span aria-hidden="true">↻</span>}>
          Réinitialiser
        </Button>
      </Group>
    </Stack>
  );
}
