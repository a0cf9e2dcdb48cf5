/**
 * Why a FranceConnect sign-in did not open the candidate's space. The service brings the browser
 * back to its sign-in page with the code (`?franceconnect=CODE`), and the page says the message.
 */
export const FRANCECONNECT_MESSAGES = {
  FRANCECONNECT_FAILED:
    'La connexion avec FranceConnect n’a pas abouti : recommencez, ou connectez-vous avec votre identifiant ANTS.',
  FRANCECONNECT_CANCELLED: 'Vous avez annulé la connexion avec FranceConnect.',
  FRANCECONNECT_UNAVAILABLE:
    'FranceConnect ne répond pas pour le moment : réessayez dans quelques instants, ou connectez-vous avec votre identifiant ANTS.',
  FRANCECONNECT_EMAIL_TAKEN:
    'L’adresse électronique de votre identité FranceConnect est déjà celle du compte d’une autre personne : connectez-vous avec votre identifiant ANTS, ou changez d’adresse chez votre fournisseur d’identité.',
  FRANCECONNECT_IDENTITY_INCOMPLETE:
    'FranceConnect ne nous a pas transmis une identité complète : connectez-vous avec votre identifiant ANTS.',
} as const;

export type FranceConnectFailure = keyof typeof FRANCECONNECT_MESSAGES;

export function franceConnectMessage(code: string | null): string | null {
  if (!code) return null;
  return (FRANCECONNECT_MESSAGES as Record<string, string>)[code] ?? FRANCECONNECT_MESSAGES.FRANCECONNECT_FAILED;
}
