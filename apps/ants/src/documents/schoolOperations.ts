import { applicationNumberSchema, documentKindSchema, documentsResponseSchema } from '@permis/ants-api';
import { z } from 'zod';
import { findOwnApplication } from '../applications/find.ts';
import { schoolOperation } from '../pro/schoolOperation.ts';
import { documentList, sendDocument } from './documentPdf.ts';

const number = applicationNumberSchema;

export const listDocuments = schoolOperation({
  method: 'GET',
  path: '/applications/:number/documents',
  doc: {
    id: 'listDocuments',
    summary: 'Lister les documents de la demande',
    description: '« Editer les documents » : les huit documents, chacun disponible ou non (et pourquoi).',
    tag: 'Documents',
    answers: [{ description: 'Les huit documents.', schema: documentsResponseSchema }],
    errors: ['NOT_FOUND'],
  },
  input: { params: z.object({ number }) },
  run: async ({ db }, school, request) => ({
    documents: await documentList(db, await findOwnApplication(db, school.id, request.params.number)),
  }),
});

export const downloadDocument = schoolOperation({
  method: 'GET',
  path: '/applications/:number/documents/:kind',
  doc: {
    id: 'downloadDocument',
    summary: 'Télécharger un document (PDF)',
    tag: 'Documents',
    answers: [{ description: 'Le document.', mediaTypes: ['application/pdf'] }],
    errors: ['NOT_FOUND', 'DOCUMENT_UNAVAILABLE'],
  },
  input: { params: z.object({ number, kind: documentKindSchema }) },
  run: async ({ db }, school, request, reply) =>
    sendDocument(db, reply, await findOwnApplication(db, school.id, request.params.number), request.params.kind),
});

/** "Editer les documents": the eight documents of a demand, each a PDF once it exists. */
export const DOCUMENT_OPERATIONS = [listDocuments, downloadDocument];
