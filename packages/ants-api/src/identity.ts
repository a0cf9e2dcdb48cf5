/**
 * Whether two descriptions name the same person: birth name, first name and birth date, compared
 * the way the agency writes names (case, accents, hyphens and apostrophes do not count). Used where
 * an application is moved onto a fiche (transfer, link) so that it never lands on someone else.
 */
export type Identity = { birthName: string; firstName: string; birthDate: string };

export function samePerson(a: Identity, b: Identity): boolean {
  return (
    comparableName(a.birthName) === comparableName(b.birthName) &&
    comparableName(firstOf(a.firstName)) === comparableName(firstOf(b.firstName)) &&
    a.birthDate === b.birthDate
  );
}

/** "Élodie-Marie" and "ELODIE MARIE" compare equal; "N'Diaye" and "NDIAYE" too. */
export function comparableName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'OE')
    .replace(/æ/gi, 'AE')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '');
}

/** The first of the first names typed in one field ("Marie Louise" → "Marie"). */
function firstOf(firstNames: string): string {
  return firstNames.trim().split(/\s+/)[0] ?? '';
}
