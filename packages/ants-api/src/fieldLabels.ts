/**
 * What each field the professional API may name in an error is, in the words the user reads:
 * messages show these labels, never a field's path.
 */
export const FIELD_LABELS: Record<string, string> = {
  'candidate.sex': 'Sexe',
  'candidate.birthName': 'Nom de naissance',
  'candidate.usageName': "Nom d'usage",
  'candidate.firstName': 'Prénom',
  'candidate.otherFirstNames': 'Autres prénoms',
  'candidate.birthDate': 'Date de naissance',
  'candidate.birthCity': 'Ville de naissance',
  'candidate.birthDepartment': 'Département de naissance',
  'candidate.birthCountry': 'Pays de naissance',
  'candidate.addressLine1': 'Adresse',
  'candidate.postalCode': 'Code postal',
  'candidate.city': "Ville d'habitation de l'élève",
  'candidate.email': 'Email',
  'candidate.mobile': 'Téléphone portable',
  legalRepresentative: 'Représentant légal',
  'legalRepresentative.postalCode': 'Code postal du représentant légal',
  'legalRepresentative.city': 'Ville du représentant légal',
  'dossier.neph': 'Numéro NEPH',
  'dossier.medicalVisitDate': 'Visite médicale',
  'dossier.requestedCategories': 'Catégorie de permis demandé',
  'dossier.heldCategories': 'Catégorie(s) déjà obtenue(s)',
  'dossier.lastCategoryDate': 'Dernière catégorie obtenue le',
  'dossier.previousLicenceDepartment': 'Département délivrance ancien permis',
  'dossier.previousLicenceCountry': "Pays d'origine ancien permis",
  'dossier.prefectureCode': 'Préfecture',
  'dossier.declarations.jdcInOrder': 'Journée défense et citoyenneté (JDC)',
  'dossier.training': 'Formation (AAC ou conduite supervisée)',
};

/** "Label : message" for one field error, without a doubled full stop; the message alone when unnamed. */
export function fieldErrorText(field: { path: string; message: string }): string {
  const label = FIELD_LABELS[field.path];
  return label ? `${label} : ${field.message}` : field.message;
}

/** Sentences joined into one text, each ending with one full stop. */
export function joinSentences(parts: string[]): string {
  return parts
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => (/[.!?…]$/.test(part) ? part : `${part}.`))
    .join(' ');
}
