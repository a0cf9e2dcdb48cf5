import { describe, expect, it } from 'vitest';
import { ageOn, JDC_MESSAGES, jdcError } from './declarations.ts';
import { FIELD_LABELS, fieldErrorText, fieldName, joinSentences } from './fieldLabels.ts';

describe('messages about fields', () => {
  it('names a field by its label, never by its path, and never doubles a full stop', () => {
    expect(fieldErrorText({ path: 'dossier.declarations.jdcInOrder', message: JDC_MESSAGES.notInOrder })).toBe(
      'Journée défense et citoyenneté (JDC) : Entre 17 et 25 ans, le candidat doit être en règle avec la Journée défense et citoyenneté (JDC).',
    );
    expect(fieldErrorText({ path: 'some.unknown.path', message: 'Valeur refusée.' })).toBe('Valeur refusée.');
    expect(joinSentences(['Certaines informations sont incorrectes.', 'Prénom : Prénom incorrect', 'Fin (JDC).'])).toBe(
      'Certaines informations sont incorrectes. Prénom : Prénom incorrect. Fin (JDC).',
    );
  });
});

describe('the labels of the fields', () => {
  it('name in errors the fields they always named, and no other', () => {
    // What a user reads in an error must not change when the tables are reshaped.
    expect(FIELD_LABELS).toEqual({
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
    });
  });

  it('name every field elsewhere, a declaration with the others', () => {
    expect(fieldName('dossier.lastCategoryPlace')).toBe('Lieu d’obtention de la dernière catégorie');
    expect(fieldName('dossier.declarations.readsFrench')).toBe('Déclarations du candidat');
    expect(fieldName('legalRepresentative.quality')).toBe('Représentant légal');
    expect(fieldName('some.unknown.path')).toBeUndefined();
  });
});

describe('the JDC answer', () => {
  it('is required from 17 to 25, unanswered until given', () => {
    expect(jdcError(ageOn('2005-04-02', '2026-12-01'), null)).toBe(JDC_MESSAGES.unanswered);
    expect(jdcError(21, false)).toBe(JDC_MESSAGES.notInOrder);
    expect(jdcError(21, true)).toBeNull();
    expect(jdcError(16, null)).toBeNull();
    expect(jdcError(26, null)).toBeNull();
    expect(ageOn('2009-12-02', '2026-12-01')).toBe(16);
    expect(ageOn('2009-12-01', '2026-12-01')).toBe(17);
  });
});
