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
export const RIGHT_CODES = Object.keys(RIGHTS) as [Right, ...Right[]];
export const RIGHTS_DOMAIN = 'CLIENTS';

export const ROLE_LABELS = { dirigeant: 'Dirigeant', secretaire: 'Secrétaire', moniteur: 'Moniteur' } as const;
export type Role = keyof typeof ROLE_LABELS;
export const ROLES = Object.keys(ROLE_LABELS) as [Role, ...Role[]];
