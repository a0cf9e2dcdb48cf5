import { Loader, type OptionsFilter, Select } from '@mantine/core';
import { type ReactNode, useMemo, useState } from 'react';
import { type PlaceKind, searchKey, suggestionKey } from '../places.ts';
import type { PlaceSuggestion } from '../types.ts';
import { usePlaceSearch } from '../usePlaceSearch.ts';

type PlacePickerProps = {
  /** The input's id, for the row's <label>. */
  id: string;
  /** The field's label, also the input's and the list's accessible name. */
  label: string;
  kind: PlaceKind;
  /** The server's suggestions, most likely first: the list before anything is typed. */
  suggestions: PlaceSuggestion[];
  picked: PlaceSuggestion | null;
  onPick(suggestion: PlaceSuggestion): void;
  description?: ReactNode;
  error?: string;
};

const PLACEHOLDERS: Record<PlaceKind, string> = {
  town: 'Choisir une ville ou saisir ses 1ers caractères',
  birthTown: 'Choisir une ville (ou un arrondissement) ou saisir ses 1ers caractères',
  department: 'Choisir un département',
  country: 'Choisir un pays ou saisir ses 1ers caractères',
};

const NOTHING_FOUND: Record<PlaceKind, string> = {
  town: 'Aucune ville ne commence ainsi.',
  birthTown: 'Aucune ville ne commence ainsi.',
  department: 'Aucun département ne correspond.',
  country: 'Aucun pays ne correspond.',
};

/** Server-side filtering: Mantine shows the options as built here. */
const keepAll: OptionsFilter = ({ options }) => options;

function unique(suggestions: PlaceSuggestion[]): PlaceSuggestion[] {
  const seen = new Set<string>();
  return suggestions.filter((s) => {
    const key = suggestionKey(s);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A searchable choice among the server's suggestions and the reference list: typing asks the list
 * (towns, countries) or filters it (départements). Keyboard: arrows to move, Enter to pick.
 */
export function PlacePicker({ id, label, kind, suggestions, picked, onPick, description, error }: PlacePickerProps) {
  const [search, setSearch] = useState('');
  const searching = search.trim() !== '' && search !== picked?.label;
  const found = usePlaceSearch(kind, searching ? search : '');

  const options = useMemo(() => {
    const base =
      picked && !suggestions.some((s) => suggestionKey(s) === suggestionKey(picked))
        ? [picked, ...suggestions]
        : suggestions;
    if (!searching) return unique(kind === 'department' ? [...base, ...found.results] : base);
    const key = searchKey(search);
    return unique([...base.filter((s) => searchKey(s.label).includes(key)), ...found.results]);
  }, [picked, suggestions, searching, search, kind, found.results]);

  const byKey = useMemo(() => new Map(options.map((s) => [suggestionKey(s), s])), [options]);
  const data = useMemo(() => options.map((s) => ({ value: suggestionKey(s), label: s.label })), [options]);

  const nothingFound = found.loading ? 'Recherche en cours…' : (found.error?.message ?? NOTHING_FOUND[kind]);

  return (
    <Select
      id={id}
      aria-label={label}
      placeholder={PLACEHOLDERS[kind]}
      data={data}
      value={picked ? suggestionKey(picked) : null}
      onChange={(value) => {
        const suggestion = value === null ? undefined : byKey.get(value);
        if (suggestion) onPick(suggestion);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={keepAll}
      allowDeselect={false}
      nothingFoundMessage={nothingFound}
      maxDropdownHeight={260}
      rightSection={found.loading ? <Loader size="xs" aria-hidden /> : undefined}
      description={description}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      error={error}
      autoComplete="off"
      spellCheck={false}
      comboboxProps={{ zIndex: 400 }}
    />
  );
}
