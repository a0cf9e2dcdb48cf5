import { type Application, stateLabel, TYPE_LABELS } from '@permis/ants-api';
import type { DocumentKind } from './catalogue.ts';
import { checkboxes, fields, frenchDate, heading, type Pdf, paragraph, parisDateTime, renderPdf } from './pdf.ts';

export type DocumentFacts = {
  application: Application;
  /** When the application was sent to instruction (candidate's validation, or the school's with a paper mandate). */
  sentAt: Date | null;
  editedAt: Date;
};

/** The address where the paper photo-signature form goes (seed 000). */
export const CTN_ADDRESS = ['CTN', 'CS 80168', '53102 MAYENNE CEDEX'];
export const PHOTO_FORM_REFERENCE = 'V.BPD-PC-TPS-1.1';

function fullName(a: Application): string {
  const c = a.candidate;
  return `${c.birthName}${c.usageName ? ` (${c.usageName})` : ''} ${c.firstName}${c.otherFirstNames ? ` ${c.otherFirstNames}` : ''}`;
}

function identity(doc: Pdf, a: Application, size?: number) {
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

function address(doc: Pdf, a: Application, size?: number) {
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

function request(doc: Pdf, a: Application) {
  fields(doc, [
    ['Numéro de demande', a.number],
    ['Type de demande', `Cerfa ${a.type} — ${TYPE_LABELS[a.type]}`],
    ['Catégorie(s) demandée(s)', a.dossier.requestedCategories.join(', ')],
    ['État', stateLabel(a.state, a.type)],
  ]);
}

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

  photo_signature_form: ({ application: a, editedAt }) =>
    renderPdf({
      title: 'Formulaire de dépôt de photo et de signature pour numérisation',
      subtitle: `À renvoyer dans les 15 jours à : ${CTN_ADDRESS.join(', ')}`,
      number: a.number,
      editedAt,
      reference: PHOTO_FORM_REFERENCE,
      body: (doc) => {
        heading(doc, 'Récapitulatif de la demande');
        fields(
          doc,
          [
            ['Numéro de demande', a.number],
            ['Type de demande', `Cerfa ${a.type} — ${TYPE_LABELS[a.type]}`],
          ],
          9,
        );
        identity(doc, a, 9);
        address(doc, a, 9);
        heading(doc, 'Photo et signature');
        paragraph(
          doc,
          'Collez une photo d’identité récente et conforme (35 × 45 mm, fond clair, sans lunettes ni couvre-chef) portant au dos le numéro de demande, puis signez dans le cadre à l’encre noire, sans déborder.',
        );
        const y = doc.y + 6;
        box(doc, 80, y, 99, 128, 'Photo d’identité (35 × 45 mm) — ne pas agrafer');
        box(doc, 230, y, 285, 90, 'Signature à l’encre noire, à l’intérieur du cadre');
        doc.y = y + 146;
        doc.x = 56;
        heading(doc, 'Adresse d’envoi');
        doc.font('bold').fontSize(11).text(CTN_ADDRESS.join('\n'), 56);
        doc.moveDown(0.5);
        paragraph(
          doc,
          'Sans réception de ce formulaire dans les 15 jours, votre demande ne pourra pas être instruite.',
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
          [
            'Formation',
            a.dossier.training === 'aac'
              ? 'Apprentissage anticipé de la conduite'
              : a.dossier.training === 'supervised'
                ? 'Conduite supervisée'
                : 'Formation traditionnelle',
          ],
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
