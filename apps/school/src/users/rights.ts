/**
 * The rights of the seed's "Droits utilisateurs" screen, domain CLIENTS. Labels are exactly the
 * product's. A right is granted only by an explicit "Oui" row; no row means "Non".
 */
export const RIGHTS = {
  ants_delete_ephoto: 'ANTS - Supprimer le code ePhoto',
  ants_delete_application: 'ANTS - Supprimer une demande',
  ants_validate_application: 'ANTS - Valider une demande',
} as const;

export type Right = keyof typeof RIGHTS;
export const RIGHT_CODES = Object.keys(RIGHTS) as Right[];
export const RIGHTS_DOMAIN = 'CLIENTS';

export const ROLE_LABELS = { dirigeant: 'Dirigeant', secretaire: 'Secrétaire', moniteur: 'Moniteur' } as const;
export type Role = keyof typeof ROLE_LABELS;

/** Rights a new user starts with, before the dirigeant changes them. */
export const DEFAULT_RIGHTS: Record<Role, Right[]> = {
  dirigeant: [...RIGHT_CODES],
  secretaire: ['ants_validate_application'],
  moniteur: [],
};

export function isRight(value: string): value is Right {
  return value in RIGHTS;
}
