import { applicationNumberSchema, documentKindSchema, documentsResponseSchema } from '@permis/ants-api';
import type { HttpServer } from '@permis/platform';
import { z } from 'zod';
import { findOwnApplication } from '../applications/find.ts';
import { proOperation } from '../pro/operation.ts';
import { requireProCaller } from '../pro/token.ts';
import type { AntsServices } from '../services.ts';
import { documentList, sendDocument } from './documentPdf.ts';

const number = applicationNumberSchema;

/** "Editer les documents": the eight documents of an application, each a PDF once it exists. */
export function documentRoutes(app: HttpServer, { db }: AntsServices) {
  app.get(
    '/api/pro/v1/applications/:number/documents',
    proOperation(
      {
        id: 'listDocuments',
        summary: 'Lister les documents de la demande',
        description: '« Editer les documents » : les huit documents, chacun disponible ou non (et pourquoi).',
        tag: 'Documents',
        answers: [{ description: 'Les huit documents.', schema: documentsResponseSchema }],
        errors: ['NOT_FOUND'],
      },
      { params: z.object({ number }) },
    ),
    async (request) => {
      const school = await requireProCaller(db, request);
      const row = await findOwnApplication(db, school.id, request.params.number);
      return { documents: await documentList(db, row) };
    },
  );

  app.get(
    '/api/pro/v1/applications/:number/documents/:kind',
    proOperation(
      {
        id: 'downloadDocument',
        summary: 'Télécharger un document (PDF)',
        tag: 'Documents',
        answers: [{ description: 'Le document.', mediaTypes: ['application/pdf'] }],
        errors: ['NOT_FOUND', 'DOCUMENT_UNAVAILABLE'],
      },
      { params: z.object({ number, kind: documentKindSchema }) },
    ),
    async (request, reply) => {
      const school = await requireProCaller(db, request);
      const row = await findOwnApplication(db, school.id, request.params.number);
      return sendDocument(db, reply, row, request.params.kind);
    },
  );
}
