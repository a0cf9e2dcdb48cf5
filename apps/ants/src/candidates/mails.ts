import type { Mail } from '@permis/platform';

/** The agency's closing lines, the same in every mail (seed 000's activation mail: its site last). */
export const SIGNATURE = [
  '',
  'Cordialement,',
  '',
  'L’Agence Nationale des Titres Sécurisés',
  '',
  'https://ants.gouv.fr',
];

/**
 * The mail that gives a candidate their login identifier: after activation (seed 000: "Une fois
 * votre compte activé, vous recevrez par courriel votre identifiant de connexion") and when asked
 * for with "Identifiant oublié ?".
 */
export function identifierMail(to: string, loginId: string, publicUrl: string, opening: string): Mail {
  return {
    to,
    subject: 'Votre identifiant de connexion ANTS',
    text: [
      'Bonjour,',
      '',
      opening,
      `Votre identifiant de connexion : ${loginId}`,
      '',
      `Connectez-vous sur ${publicUrl}/monespace/connexion pour suivre vos démarches.`,
      ...SIGNATURE,
    ].join('\n'),
  };
}

/** The link of "Mot de passe oublié ?", valid for a short time and usable once. */
export function passwordResetMail(to: string, link: string, minutes: number): Mail {
  return {
    to,
    subject: 'Réinitialisation de votre mot de passe ANTS',
    text: [
      'Bonjour,',
      '',
      'Vous avez demandé à changer le mot de passe de votre compte ANTS.',
      `Cliquez sur le lien ci-dessous pour choisir un nouveau mot de passe (il est valable ${minutes} minutes et ne sert qu’une fois) :`,
      '',
      link,
      '',
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce courriel : votre mot de passe reste inchangé.',
      ...SIGNATURE,
    ].join('\n'),
  };
}

/** « Mes données personnelles »: the new address confirms it is the candidate's by opening this link. */
export function emailChangeMail(to: string, link: string, hours: number): Mail {
  return {
    to,
    subject: 'Confirmez votre nouvelle adresse électronique',
    text: [
      'Bonjour,',
      '',
      'Vous avez demandé que cette adresse devienne celle de votre compte ANTS.',
      `Pour le confirmer, ouvrez ce lien (valable ${hours} heures, une seule fois) :`,
      link,
      '',
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne change.',
      ...SIGNATURE,
    ].join('\n'),
  };
}

/** To the former address, once the change is done: a change the candidate did not ask for is seen. */
export function emailChangedNotice(to: string, newEmail: string, publicUrl: string): Mail {
  return {
    to,
    subject: 'L’adresse électronique de votre compte ANTS a changé',
    text: [
      'Bonjour,',
      '',
      `L’adresse électronique de votre compte ANTS est désormais ${newEmail}.`,
      `Si vous n’êtes pas à l’origine de ce changement, connectez-vous sur ${publicUrl}/monespace/connexion et modifiez votre mot de passe.`,
      ...SIGNATURE,
    ].join('\n'),
  };
}

/**
 * To the account's address after its password or secret question changed: a change the person did
 * not make is seen at once (ASVS V2.2.3, V2.5.5).
 */
export function credentialsChangedNotice(to: string, what: 'password' | 'question', publicUrl: string): Mail {
  const subject =
    what === 'password'
      ? 'Le mot de passe de votre compte ANTS a été modifié'
      : 'La question secrète de votre compte ANTS a été modifiée';
  return {
    to,
    subject,
    text: [
      'Bonjour,',
      '',
      `${subject}.`,
      `Si vous n’êtes pas à l’origine de ce changement, choisissez sans attendre un nouveau mot de passe depuis « Mot de passe oublié ? » sur ${publicUrl}/monespace/connexion, ou connectez-vous avec FranceConnect.`,
      ...SIGNATURE,
    ].join('\n'),
  };
}
