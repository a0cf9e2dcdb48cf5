import { antsError } from '../domain/errors.ts';

/** The secret questions a candidate chooses from at activation: the contract's list. */
export { SECRET_QUESTIONS } from '@permis/ants-api';

/**
 * A password is accepted with at least 12 characters mixing upper case, lower case, digits and
 * another sign (CNIL recommendation, délibération n° 2022-100), and not containing the identity.
 */
export function passwordProblem(password: string, identity: string[]): string | undefined {
  if (password.length < 12) return 'Le mot de passe doit comporter au moins 12 caractères.';
  // ASVS V2.1.2: at least 64 characters allowed, more than 128 refused.
  if (password.length > 128) return 'Le mot de passe est trop long (128 caractères au plus).';
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (kinds < 4) {
    return 'Le mot de passe doit mélanger majuscules, minuscules, chiffres et caractères spéciaux.';
  }
  const lower = password.toLowerCase();
  if (identity.some((part) => part.length >= 3 && lower.includes(part.toLowerCase()))) {
    return 'Le mot de passe ne doit pas contenir vos nom ou prénom.';
  }
  return undefined;
}

/** Refuses a new password (activation or reset) that is weak or differs from its confirmation, naming the field. */
export function assertNewPassword(password: string, confirmation: string, identity: string[]): void {
  const problem = passwordProblem(password, identity);
  const fields = [
    problem && { path: 'password', message: problem },
    password !== confirmation && {
      path: 'passwordConfirmation',
      message: 'Les deux mots de passe ne sont pas identiques.',
    },
  ].filter((f): f is { path: string; message: string } => Boolean(f));
  if (fields.length > 0) throw antsError('VALIDATION', 'Certains champs sont invalides.', fields);
}
