import { createHash } from 'node:crypto';
import {
  applicationEnvelopeSchema,
  applicationNumberSchema,
  createApplicationSchema,
  historyResponseSchema,
  listQuerySchema,
  listResponseSchema,
  transferRequestSchema,
} from '@permis/ants-api';
import type { HttpServer } from '@permis/platform';
import { z } from 'zod';
import { antsError } from '../domain/errors.ts';
import { proOperation } from '../pro/operation.ts';
import { requireProCaller } from '../pro/token.ts';
import type { AntsServices } from '../services.ts';
import { createApplication } from './create.ts';
import { findOwnApplication } from './find.ts';
import { applicationHistory } from './history.ts';
import { listApplications } from './list.ts';
import { updateDraft } from './update.ts';
import { toView } from './view.ts';

const numberParams = z.object({
  number: applicationNumberSchema,
});

/** The school's actions on its applications (professional API). */

export function applicationRoutes(app: HttpServer, { db, actions }: AntsServices) {
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

  // Conditional read for software that polls one application: the ETag is the answer's hash, so
  // it changes exactly when what the school would read changes; If-None-Match → 304, no body.
  app.get(
    '/api/pro/v1/applications/:number',
    proOperation(
      {
        id: 'getApplication',
        summary: 'Lire une demande',
        description:
          "Répond un `ETag` ; avec `If-None-Match` et le même ETag, 304 sans corps : la demande n'a pas changé.",
        tag: 'Demandes',
        conditional: true,
        answers: [{ description: 'La demande.', schema: applicationEnvelopeSchema }],
        errors: ['NOT_FOUND'],
      },
      { params: numberParams },
    ),
    async (request, reply) => {
      const school = await requireProCaller(db, request);
      const body = { application: toView(await findOwnApplication(db, school.id, request.params.number)) };
      const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
      reply.header('etag', etag);
      const asked = request.headers['if-none-match'];
      if (typeof asked === 'string' && asked.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
        return reply.status(304).send();
      }
      return body;
    },
  );

  app.get(
    '/api/pro/v1/applications/:number/history',
    proOperation(
      {
        id: 'getApplicationHistory',
        summary: "Lire l'historique d'une demande",
        description:
          "Qui a fait quoi et quand sur la demande (création, validations, pièces, ePhoto, décisions), du plus ancien au plus récent. L'établissement qui la détenait avant un transfert n'est jamais nommé.",
        tag: 'Demandes',
        answers: [{ description: "L'historique.", schema: historyResponseSchema }],
        errors: ['NOT_FOUND'],
      },
      { params: numberParams },
    ),
    async (request) => {
      const school = await requireProCaller(db, request);
      return {
        history: await applicationHistory(
          db,
          school.id,
          await findOwnApplication(db, school.id, request.params.number),
        ),
      };
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

  app.put(
    '/api/pro/v1/applications/:number',
    proOperation(
      {
        id: 'updateApplication',
        summary: 'Modifier une demande (brouillon)',
        description:
          "Remplace ce que l'école a saisi sur un brouillon, vérifié comme une création ; le type ne change pas. Après la validation, la demande ne se modifie plus (`TRANSITION_REFUSED`).",
        tag: 'Demandes',
        body: true,
        answers: [{ description: 'La demande, modifiée.', schema: applicationEnvelopeSchema }],
        errors: [
          'NOT_FOUND',
          'TRANSITION_REFUSED',
          'DATA_ERROR',
          'EMAIL_ALREADY_USED',
          'APPLICATION_ALREADY_REGISTERED',
          'CANDIDATE_DATA_DIFFERS',
          'CERFA_02_NOT_ACCEPTED',
        ],
      },
      { params: numberParams, body: createApplicationSchema },
    ),
    async (request) => {
      const school = await requireProCaller(db, request);
      return { application: toView(await updateDraft(db, school, request.params.number, request.body)) };
    },
  );

  app.delete(
    '/api/pro/v1/applications/:number',
    proOperation(
      {
        id: 'deleteApplication',
        summary: 'Supprimer une demande',
        description: 'Possible dans les états où la notice le permet ; la demande passe à « Supprimée ».',
        tag: 'Demandes',
        answers: [{ description: 'La demande, supprimée.', schema: applicationEnvelopeSchema }],
        errors: ['NOT_FOUND', 'TRANSITION_REFUSED', 'STATE_CHANGED'],
      },
      { params: numberParams },
    ),
    async (request) => ({
      application: await actions.remove(await requireProCaller(db, request), request.params.number),
    }),
  );

  app.post(
    '/api/pro/v1/applications/:number/validate',
    proOperation(
      {
        id: 'validateApplication',
        summary: "Valider une demande (l'envoyer)",
        description:
          "Sans mandat papier, la demande attend la validation du candidat (courriel d'activation) ; avec mandat, elle part à l'instruction.",
        tag: 'Demandes',
        answers: [{ description: 'La demande validée.', schema: applicationEnvelopeSchema }],
        errors: [
          'NOT_FOUND',
          'TRANSITION_REFUSED',
          'STATE_CHANGED',
          'REQUIRED_PIECES_MISSING',
          'EPHOTO_REQUIRED',
          // Another live demand of this type left its holder first (decision 0016: checked when sent).
          'APPLICATION_ALREADY_REGISTERED',
        ],
      },
      { params: numberParams },
    ),
    async (request) => ({
      application: await actions.validate(await requireProCaller(db, request), request.params.number),
    }),
  );

  // "Dossier à traiter": once the school has sent what the agent asked for, it goes back to instruction.
  app.post(
    '/api/pro/v1/applications/:number/complete',
    proOperation(
      {
        id: 'completeApplication',
        summary: 'Renvoyer une demande complétée',
        description: "Après « À compléter » : une fois la pièce demandée ajoutée, la demande retourne à l'instruction.",
        tag: 'Demandes',
        answers: [{ description: "La demande, de retour à l'instruction.", schema: applicationEnvelopeSchema }],
        errors: ['NOT_FOUND', 'TRANSITION_REFUSED', 'STATE_CHANGED'],
      },
      { params: numberParams },
    ),
    async (request) => ({
      application: await actions.complete(await requireProCaller(db, request), request.params.number),
    }),
  );

  // Transfer: another school (or office) takes an application over, for the candidate its fiche names.
  app.post(
    '/api/pro/v1/transfers',
    proOperation(
      {
        id: 'transferApplication',
        summary: "Reprendre la demande d'une autre école (transfert)",
        description:
          "Le numéro de la demande, le numéro d'agrément de l'école qui la détient et le candidat tel que la fiche le nomme : la demande n'est déplacée que si les trois correspondent.",
        tag: 'Demandes',
        body: true,
        answers: [{ description: 'La demande, désormais rattachée à votre école.', schema: applicationEnvelopeSchema }],
        errors: [
          'TRANSFER_NOT_THIS_CANDIDATE',
          'TRANSFER_THROTTLED',
          'ALREADY_YOURS',
          'TRANSFER_REFUSED',
          'STATE_CHANGED',
        ],
      },
      { body: transferRequestSchema },
    ),
    async (request) => {
      const school = await requireProCaller(db, request);
      return { application: await actions.transfer(school, request.ip, request.body) };
    },
  );
}
