import {
  applicationEnvelopeSchema,
  createApplicationSchema,
  listQuerySchema,
  listResponseSchema,
} from '@permis/ants-api';
import type { HttpServer } from '@permis/platform';
import { z } from 'zod';
import { createApplication } from '../applications/create.ts';
import { listApplications } from '../applications/list.ts';
import { toView } from '../applications/view.ts';
import { requireProCaller } from '../auth/proToken.ts';
import { antsError } from '../domain/errors.ts';
import { apiDoor, mountSchoolOperations } from '../doors/doors.ts';
import { proOperation } from '../doors/operation.ts';
import { SCHOOL_OPERATIONS } from '../doors/schoolOperationList.ts';
import type { AntsServices } from '../services.ts';

/** The school's actions on its applications and their files (professional API). */
export function applicationRoutes(app: HttpServer, ctx: AntsServices) {
  const { db } = ctx;
  app.post(
    '/api/pro/v1/applications',
    proOperation(
      {
        id: 'createApplication',
        summary: 'Créer une demande (brouillon)',
        description:
          "Crée le brouillon d'une demande Cerfa 02 ou 06. L'en-tête `Idempotency-Key` est obligatoire : la même clé avec la même demande rend la même demande (200), avec une autre demande l'erreur `IDEMPOTENCY_KEY_REUSED`.",
        tag: 'Demandes',
        body: true,
        answers: [
          { status: 201, description: 'Demande créée.', schema: applicationEnvelopeSchema },
          {
            status: 200,
            description: 'Même clé, même demande : la demande déjà créée.',
            schema: applicationEnvelopeSchema,
          },
        ],
        errors: [
          'IDEMPOTENCY_KEY_MISSING',
          'IDEMPOTENCY_KEY_REUSED',
          'DATA_ERROR',
          'EMAIL_ALREADY_USED',
          'APPLICATION_ALREADY_REGISTERED',
          'CANDIDATE_DATA_DIFFERS',
          'CERFA_02_NOT_ACCEPTED',
        ],
      },
      {
        body: createApplicationSchema,
        headers: z.object({ 'idempotency-key': z.string().trim().min(8).max(100).optional() }),
      },
    ),
    async (request, reply) => {
      const school = await requireProCaller(db, request);
      const key = request.headers['idempotency-key'];
      if (!key) throw antsError('IDEMPOTENCY_KEY_MISSING');
      const { row, created } = await createApplication(db, school, key, request.body);
      return reply.status(created ? 201 : 200).send({ application: toView(row) });
    },
  );

  app.get(
    '/api/pro/v1/applications',
    proOperation(
      {
        id: 'listApplications',
        summary: 'Lister les demandes (filtres, pages, synchronisation)',
        description:
          "Les demandes de l'école, y compris celles transférées à une autre (« Transféré »), dans l'ordre de modification. Synchronisation incrémentale : repartez du `endCursor` de la dernière page lue (`cursor`) pour ne recevoir que ce qui a changé depuis.",
        tag: 'Demandes',
        answers: [{ description: 'Une page de demandes.', schema: listResponseSchema }],
        errors: [],
      },
      { querystring: listQuerySchema },
    ),
    async (request): Promise<z.infer<typeof listResponseSchema>> => {
      const school = await requireProCaller(db, request);
      return listApplications(db, school.id, request.query);
    },
  );

  // The operations the professional space shares (one declaration, two doors): the demand, its
  // pièces, its ePhoto and its documents.
  mountSchoolOperations(app, ctx, apiDoor(ctx), SCHOOL_OPERATIONS);
}
