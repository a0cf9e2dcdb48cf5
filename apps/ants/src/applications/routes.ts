import { createHash } from 'node:crypto';
import {
  applicationNumberSchema,
  createApplicationSchema,
  listQuerySchema,
  type listResponseSchema,
  transferRequestSchema,
} from '@permis/ants-api';
import type { HttpServer } from '@permis/platform';
import { z } from 'zod';
import type { AntsDb } from '../db/index.ts';
import { proError } from '../pro/errors.ts';
import { requireProCaller } from '../pro/token.ts';
import { createApplication } from './create.ts';
import { findOwnApplication } from './find.ts';
import { listApplications } from './list.ts';
import { transition } from './machine.ts';
import { createTransfers } from './transfer.ts';
import { validateApplication } from './validate.ts';
import { toView } from './view.ts';

const numberParams = z.object({
  number: applicationNumberSchema,
});

/** The school's actions on its applications (professional API). */
export type ApplicationHooks = {
  /** After a validation committed and the application awaits the candidate: start the candidate step. */
  onAwaitingCandidate(applicationId: string): Promise<void>;
  /** After a transfer committed: tell the candidate. */
  onTransferred(applicationId: string): Promise<void>;
};

export function applicationRoutes(app: HttpServer, db: AntsDb, hooks: ApplicationHooks) {
  app.post(
    '/api/pro/v1/applications',
    {
      schema: {
        body: createApplicationSchema,
        headers: z.object({ 'idempotency-key': z.string().trim().min(8).max(100).optional() }),
      },
    },
    async (request, reply) => {
      const school = await requireProCaller(db, request);
      const key = request.headers['idempotency-key'];
      if (!key) throw proError('IDEMPOTENCY_KEY_MISSING');
      const { row, created } = await createApplication(db, school.id, key, request.body);
      return reply.status(created ? 201 : 200).send({ application: toView(row) });
    },
  );

  // Conditional read for software that polls one application: the ETag is the answer's hash, so
  // it changes exactly when what the school would read changes; If-None-Match → 304, no body.
  app.get('/api/pro/v1/applications/:number', { schema: { params: numberParams } }, async (request, reply) => {
    const school = await requireProCaller(db, request);
    const body = JSON.stringify({
      application: toView(await findOwnApplication(db, school.id, request.params.number)),
    });
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    reply.header('etag', etag);
    const asked = request.headers['if-none-match'];
    if (typeof asked === 'string' && asked.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      return reply.status(304).send();
    }
    return reply.type('application/json; charset=utf-8').send(body);
  });

  app.get(
    '/api/pro/v1/applications',
    { schema: { querystring: listQuerySchema } },
    async (request): Promise<z.infer<typeof listResponseSchema>> => {
      const school = await requireProCaller(db, request);
      return listApplications(db, school.id, request.query);
    },
  );

  app.delete('/api/pro/v1/applications/:number', { schema: { params: numberParams } }, async (request) => {
    const school = await requireProCaller(db, request);
    const row = await findOwnApplication(db, school.id, request.params.number);
    const updated = await db.transaction((tx) => transition(tx, row, 'delete', { type: 'school', id: school.id }));
    return { application: toView(updated) };
  });

  app.post('/api/pro/v1/applications/:number/validate', { schema: { params: numberParams } }, async (request) => {
    const school = await requireProCaller(db, request);
    const row = await findOwnApplication(db, school.id, request.params.number);
    const updated = await validateApplication(db, row, school.id);
    if (updated.state === 'awaiting_candidate') await hooks.onAwaitingCandidate(updated.id);
    return { application: toView(updated) };
  });

  // "Dossier à traiter": once the school has sent what the agent asked for, it goes back to instruction.
  app.post('/api/pro/v1/applications/:number/complete', { schema: { params: numberParams } }, async (request) => {
    const school = await requireProCaller(db, request);
    const row = await findOwnApplication(db, school.id, request.params.number);
    const updated = await db.transaction((tx) => transition(tx, row, 'complete', { type: 'school', id: school.id }));
    return { application: toView(updated) };
  });

  // Transfer: another school (or office) takes an application over, for the candidate its fiche names.
  const transfers = createTransfers(db);
  app.post('/api/pro/v1/transfers', { schema: { body: transferRequestSchema } }, async (request) => {
    const school = await requireProCaller(db, request);
    const moved = await transfers.transfer(school.id, request.ip, request.body);
    await hooks.onTransferred(moved.id);
    return { application: toView(moved) };
  });
}
