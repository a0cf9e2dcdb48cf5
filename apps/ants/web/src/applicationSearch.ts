import { parisToday } from '@permis/ants-api';

/** What « Rechercher dans la liste » narrows the candidate's demands by (each criterion optional). */
export type ApplicationSearch = { number: string; state: string; from: string; to: string };

export const NO_SEARCH: ApplicationSearch = { number: '', state: '', from: '', to: '' };

/** The calendar day (yyyy-mm-dd) an instant was in Paris: « créée le » as the list shows it. */
export function parisDay(iso: string): string {
  return parisToday(new Date(iso));
}

/**
 * The demands matching the search: the number by its beginning (spaces ignored), the state, and
 * the creation date between « du » and « au » included (Paris days, as the list shows them).
 */
export function searchApplications<T extends { number: string; state: string; createdAt: string }>(
  rows: T[],
  search: ApplicationSearch,
): T[] {
  const number = search.number.replace(/\s+/g, '');
  return rows.filter((row) => {
    const day = parisDay(row.createdAt);
    return (
      (!number || row.number.startsWith(number)) &&
      (!search.state || row.state === search.state) &&
      (!search.from || day >= search.from) &&
      (!search.to || day <= search.to)
    );
  });
}
