import { RIGHT_CODES, RIGHTS, type Right, type Role } from '@permis/school-api';

// The rights and roles are the contract's (the pages list them too).
export { RIGHT_CODES, RIGHTS, RIGHTS_DOMAIN, type Right, ROLE_LABELS, type Role } from '@permis/school-api';

/** Rights a new user starts with, before the dirigeant changes them. */
export const DEFAULT_RIGHTS: Record<Role, Right[]> = {
  dirigeant: [...RIGHT_CODES],
  secretaire: ['ants_validate_application'],
  moniteur: [],
};

export function isRight(value: string): value is Right {
  return value in RIGHTS;
}
