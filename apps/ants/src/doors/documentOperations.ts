import { findOwnApplication } from '../applications/find.ts';
import { documentList, sendDocument } from '../documents/documentPdf.ts';
import { schoolOperation } from './schoolOperation.ts';

export const listDocuments = schoolOperation('listDocuments', {
  doc: {
    summary: 'Lister les documents de la demande',
    description: '« Editer les documents » : les huit documents, chacun disponible ou non (et pourquoi).',
    tag: 'Documents',
    answer: 'Les huit documents.',
    errors: ['NOT_FOUND'],
  },
  run: async ({ db }, school, request) => ({
    documents: await documentList(db, await findOwnApplication(db, school.id, request.params.number)),
  }),
});

export const downloadDocument = schoolOperation('downloadDocument', {
  doc: {
    summary: 'Télécharger un document (PDF)',
    tag: 'Documents',
    answer: 'Le document.',
    errors: ['NOT_FOUND', 'DOCUMENT_UNAVAILABLE'],
  },
  run: async ({ db }, school, request, reply) =>
    sendDocument(db, reply, await findOwnApplication(db, school.id, request.params.number), request.params.kind),
});

/** "Editer les documents": the eight documents of a demand, each a PDF once it exists. */
export const DOCUMENT_OPERATIONS = [listDocuments, downloadDocument];
