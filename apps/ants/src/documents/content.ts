import { type Dossier, type HeldApplication, stateLabel, TYPE_LABELS } from '@permis/ants-api';
import type { DocumentKind } from './catalogue.ts';
import { checkboxes, fields, frenchDate, heading, MM, type Pdf, paragraph, parisDateTime, renderPdf } from './pdf.ts';

export type DocumentFacts = {
  application: HeldApplication;
  /** When the application was sent to instruction (candidate's validation, or the school's with a paper mandate). */
  sentAt: Date | null;
  editedAt: Date;
};

const REGISTRATIONS = ['registration_certificate', 'registration_facsimile'] as const;
const STATEMENTS = ['cancellation_statement', 'invalidation_statement'] as const;

/**
 * The documents that print each field of the contract's dossier ([]: none): a field added to
 * `dossierSchema` does not compile until it is placed. test/documentFields.test.ts renders each
 * document listed and finds the field's value on it.
 */
export const PRINTED_ON = {
  requestedCategories: ['medical_opinion', 'receipt', ...REGISTRATIONS, 'driving_rights'],
  heldCategories: ['registration_facsimile', 'driving_rights', ...STATEMENTS],
  training: ['registration_facsimile'],
  // On the statements, while the service has given none of its own.
  neph: STATEMENTS,
  lastCategoryDate: STATEMENTS,
  lastCategoryPlace: STATEMENTS,
  // On no document: the instruction's own business (préfecture, declarations, medical visit) or the
  // previous licence's details, which the statements summarise by date and place.
  medicalVisitDate: [],
  lastCategoryBy: [],
  previousLicenceDepartment: [],
  previousLicenceCountry: [],
  prefectureCode: [],
  declarations: [],
} satisfies Record<keyof Dossier, readonly DocumentKind[]>;

/** The address where the paper photo-signature form goes (seed 000). */
export const CTN_ADDRESS = ['CTN', 'CS 80168', '53102 MAYENNE CEDEX'];
export const PHOTO_FORM_REFERENCE = 'V.BPD-PC-TPS-1.1';

function fullName(a: HeldApplication): string {
  const c = a.candidate;
  return `${c.birthName}${c.usageName ? ` (${c.usageName})` : ''} ${c.firstName}${c.otherFirstNames ? ` ${c.otherFirstNames}` : ''}`;
}

function identity(doc: Pdf, a: HeldApplication, size?: number) {
  const c = a.candidate;
  fields(
    doc,
    [
      ['Nom de naissance', c.birthName],
      ["Nom d'usage", c.usageName],
      ['Prénom(s)', `${c.firstName}${c.otherFirstNames ? ` ${c.otherFirstNames}` : ''}`],
      ['Sexe', c.sex === 'F' ? 'Féminin' : 'Masculin'],
      ['Date de naissance', frenchDate(c.birthDate)],
      [
        'Lieu de naissance',
        `${c.birthCity}${c.birthDepartment ? ` (${c.birthDepartment})` : ''}${c.birthCountry !== 'FRANCE' ? ` — ${c.birthCountry}` : ''}`,
      ],
    ],
    size,
  );
}

function address(doc: Pdf, a: HeldApplication, size?: number) {
  const c = a.candidate;
  fields(
    doc,
    [
      ['Adresse', [c.addressLine1, c.addressLine2].filter(Boolean).join(', ')],
      ['Code postal et ville', `${c.postalCode} ${c.city}`],
    ],
    size,
  );
}

function request(doc: Pdf, a: HeldApplication) {
  fields(doc, [
    ['Numéro de demande', a.number],
    ['Type de demande', `Cerfa ${a.type} — ${TYPE_LABELS[a.type]}`],
    ['Catégorie(s) demandée(s)', a.dossier.requestedCategories.join(', ')],
    ['État', stateLabel(a.state, a.type)],
  ]);
}

/** "Label : value" on one line, as the photo-signature form prints its recap (seed 000). */
function labelled(doc: Pdf, label: string, value: string) {
  doc.font('regular').fontSize(10).fillColor('#3a3a3a').text(`${label} : `, 56, doc.y, { continued: true });
  doc
    .font('bold')
    .fillColor('#161616')
    .text(value || '—');
  doc.moveDown(0.2);
}

const TRAINING = {
  none: 'Formation traditionnelle',
  aac: 'Apprentissage anticipé de la conduite',
  supervised: 'Conduite supervisée',
} satisfies Record<Dossier['training'], string>;

const box = (doc: Pdf, x: number, y: number, w: number, h: number, caption: string) => {
  doc.lineWidth(1).strokeColor('#161616').rect(x, y, w, h).stroke();
  doc
    .font('regular')
    .fontSize(8)
    .fillColor('#3a3a3a')
    .text(caption, x, y + h + 4, { width: w, align: 'center' });
};

const RENDERERS: Record<DocumentKind, (facts: DocumentFacts) => Promise<Buffer>> = {
  medical_opinion: ({ application: a, editedAt }) =>
    renderPdf({
      title: 'Permis de conduire — Avis médical',
      subtitle: 'Cerfa n°14880*01 — à présenter au médecin agréé par le préfet',
      number: a.number,
      editedAt,
      body: (doc) => {
        heading(doc, 'Candidat');
        identity(doc, a);
        address(doc, a);
        fields(doc, [['Catégorie(s) concernée(s)', a.dossier.requestedCategories.join(', ')]]);
        heading(doc, 'Avis du médecin agréé');
        checkboxes(doc, ['Apte', 'Apte temporairement, jusqu’au : ____ / ____ / ________', 'Inapte']);
        paragraph(doc, 'Restrictions ou aménagements du véhicule (codes) : ______________________________________');
        paragraph(doc, 'Fait à ______________________, le ____ / ____ / ________');
        box(doc, 56, doc.y + 10, 220, 80, 'Cachet du médecin agréé');
        box(doc, 319, doc.y + 10, 220, 80, 'Signature du médecin');
      },
    }),

  // Laid out as seed 000 shows it: the CTN address in the envelope's window, the recap of the
  // entry, the photo to stick and the signature in black ink.
  photo_signature_form: ({ application: a, editedAt }) =>
    renderPdf({
      title: 'Formulaire de dépôt de photo et de signature pour numérisation',
      number: a.number,
      editedAt,
      reference: PHOTO_FORM_REFERENCE,
      windowAddress: CTN_ADDRESS,
      body: (doc) => {
        const c = a.candidate;
        heading(doc, 'Récapitulatif de votre saisie');
        doc
          .font('bold')
          .fontSize(10)
          .fillColor('#ce0500')
          .text(
            "Si vous raturez ce formulaire, la modification ne sera pas prise en compte et risque d'entraîner l'échec de votre demande.",
            56,
            doc.y,
            { width: 483 },
          )
          .moveDown(0.6)
          .fillColor('#161616');
        labelled(doc, 'Numéro de demande', a.number);
        labelled(doc, 'Nom de naissance', c.birthName);
        labelled(doc, 'Prénom(s)', [c.firstName, c.otherFirstNames].filter(Boolean).join(', '));
        labelled(doc, 'Sexe', c.sex === 'F' ? 'Féminin' : 'Masculin');
        labelled(doc, 'Date de nais.', frenchDate(c.birthDate));
        labelled(
          doc,
          'Adresse',
          [c.addressLine1, c.addressLine2, `${c.postalCode} ${c.city}`].filter(Boolean).join('\n'),
        );

        // The photo frame is the size of an identity photo (35 × 45 mm).
        const y = doc.y + 16;
        const photo = { x: 56, w: 35 * MM, h: 45 * MM };
        doc.lineWidth(1).strokeColor('#161616').rect(photo.x, y, photo.w, photo.h).stroke();
        doc
          .font('bold')
          .fontSize(10)
          .fillColor('#3a3a3a')
          .text('Photo\nCouleur\nA COLLER\nsans agrafe', photo.x, y + photo.h / 2 - 26, {
            width: photo.w,
            align: 'center',
          });
        const sign = { x: 56 + photo.w + 30, w: 539 - (56 + photo.w + 30), h: photo.h - 22 };
        doc
          .font('regular')
          .fontSize(10)
          .fillColor('#161616')
          .text("J'atteste sur l'honneur que les informations fournies sont exactes", sign.x, y, { width: sign.w });
        doc
          .lineWidth(1.5)
          .strokeColor('#161616')
          .rect(sign.x, y + 22, sign.w, sign.h)
          .stroke();
        doc
          .font('bold')
          .fontSize(9)
          .fillColor('#3a3a3a')
          .text("SIGNATURE A L'ENCRE NOIRE", sign.x, y + 22 + sign.h + 4, { width: sign.w, align: 'center' });

        doc.x = 56;
        doc.y = y + photo.h + 24;
        paragraph(
          doc,
          "Mettre ce document dans une enveloppe affranchie adressée à l'adresse figurant ci-dessus (celle-ci est placée afin de pouvoir insérer ce document dans une enveloppe à fenêtre).",
        );
        paragraph(
          doc,
          "Attention ! Joignez un seul formulaire photo signature par courrier, sans pièce complémentaire. Ce courrier doit être envoyé par courrier simple dans les 15 jours à l'adresse indiquée en haut à droite (l'adresse du CTN) : sans lui, la demande ne pourra pas être traitée.",
        );
      },
    }),

  receipt: ({ application: a, sentAt, editedAt }) =>
    renderPdf({
      title: 'Justificatif de dépôt de la demande',
      subtitle: 'Votre demande a été transmise. Conservez ce justificatif.',
      number: a.number,
      editedAt,
      body: (doc) => {
        heading(doc, 'Demande');
        request(doc, a);
        fields(doc, [['Transmise le', sentAt ? parisDateTime(sentAt) : '—']]);
        heading(doc, 'Demandeur');
        identity(doc, a);
        address(doc, a);
        paragraph(doc, 'Ce justificatif ne vaut pas autorisation de conduire.');
      },
    }),

  registration_certificate: ({ application: a, sentAt, editedAt }) =>
    renderPdf({
      title: 'Attestation de dépôt d’une demande d’inscription au permis de conduire',
      number: a.number,
      editedAt,
      body: (doc) => {
        paragraph(
          doc,
          `L’Agence Nationale des Titres Sécurisés atteste que la demande d’inscription au permis de conduire n° ${a.number} a été déposée${sentAt ? ` le ${parisDateTime(sentAt)}` : ''} pour :`,
        );
        identity(doc, a);
        fields(doc, [['Catégorie(s) demandée(s)', a.dossier.requestedCategories.join(', ')]]);
        paragraph(doc, 'Cette attestation ne vaut pas autorisation de conduire ni inscription définitive.');
      },
    }),

  registration_facsimile: ({ application: a, editedAt }) =>
    renderPdf({
      title: 'Facsimilé de l’inscription au permis de conduire',
      subtitle: 'Document à présenter lors des épreuves',
      number: a.number,
      editedAt,
      body: (doc) => {
        fields(doc, [
          ['NEPH', a.neph ?? '—'],
          ['Catégorie(s) inscrite(s)', a.dossier.requestedCategories.join(', ')],
          ['Catégorie(s) déjà obtenue(s)', a.dossier.heldCategories.join(', ')],
          ['Formation', TRAINING[a.dossier.training]],
        ]);
        heading(doc, 'Candidat');
        identity(doc, a);
        address(doc, a);
      },
    }),

  driving_rights: ({ application: a, editedAt }) =>
    renderPdf({
      title: 'Attestation des droits à conduire',
      number: a.number,
      editedAt,
      body: (doc) => {
        paragraph(
          doc,
          `L’Agence Nationale des Titres Sécurisés atteste que ${fullName(a)} détient les droits à conduire suivants :`,
        );
        fields(doc, [
          ['NEPH', a.neph ?? '—'],
          ['Catégorie(s)', [...new Set([...a.dossier.heldCategories, ...a.dossier.requestedCategories])].join(', ')],
        ]);
        identity(doc, a);
        paragraph(doc, 'Attestation valable jusqu’à la réception du titre de conduite.');
      },
    }),

  cancellation_statement: (facts) => statement(facts, 'annulation'),
  invalidation_statement: (facts) => statement(facts, 'invalidation'),
};

function statement({ application: a, editedAt }: DocumentFacts, kind: 'annulation' | 'invalidation') {
  return renderPdf({
    title: `Relevé d’information pour ${kind}`,
    subtitle: 'Relevé intégral des droits à conduire',
    number: a.number,
    editedAt,
    body: (doc) => {
      identity(doc, a);
      fields(doc, [
        ['NEPH', a.neph ?? a.dossier.neph ?? '—'],
        ['Catégorie(s) obtenue(s)', a.dossier.heldCategories.join(', ')],
        ['Dernière catégorie obtenue le', a.dossier.lastCategoryDate ? frenchDate(a.dossier.lastCategoryDate) : '—'],
        ['Lieu', a.dossier.lastCategoryPlace],
      ]);
      paragraph(
        doc,
        kind === 'annulation'
          ? 'Le permis de conduire a fait l’objet d’une décision judiciaire d’annulation, jointe à la demande. Une nouvelle inscription est nécessaire pour obtenir un nouveau permis.'
          : 'Le permis de conduire a perdu sa validité par perte de la totalité des points (invalidation). Une nouvelle inscription est nécessaire pour obtenir un nouveau permis.',
      );
    },
  });
}

export function renderDocument(kind: DocumentKind, facts: DocumentFacts): Promise<Buffer> {
  return RENDERERS[kind](facts);
}
