export { ROLE_LABELS } from '@permis/school-api';

/** 'YYYY-MM-DD' (a calendar date, no time zone) as dd/mm/yyyy. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

const parisDate = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** An instant (ISO timestamp) as its dd/mm/yyyy date in Paris. */
export function formatInstantDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : parisDate.format(date);
}

const parisDateTime = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant as "01/12/2026 à 23:10" in Paris. */
export function formatInstant(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return parisDateTime.format(date).replace(' ', ' à ');
}

/** "Prénom NOM", as the product writes a person. */
export function personName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName.toUpperCase()}`;
}

/** "NOM Prénom", as in the product's lists. */
export function listName(person: { firstName: string; lastName: string }): string {
  return `${person.lastName.toUpperCase()} ${person.firstName}`;
}
