import {
  API_ERRORS,
  type Candidate,
  createApplicationSchema,
  listQuerySchema,
  type listResponseSchema,
  samePerson,
  transferRequestSchema,
} from '@permis/ants-api';
import { AppError, type HttpServer, parisDayStart } from '@permis/platform';
import { PIECES } from '@permis/referentiel';
import { and, asc, eq, gt, gte, lt, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AntsDb } from '../db/index.ts';
import { applications, auditEvents, pieceFiles } from '../db/schema.ts';
import { attachedEphotoCode } from '../ephoto/routes.ts';
import { requireProCaller } from '../pro/token.ts';
import { recordChange } from '../webhooks/outbox.ts';
import { createApplication } from './create.ts';
import { findOwnApplication } from './find.ts';
import { TRANSFERABLE_STATES, transition } from './machine.ts';
import { toView } from './view.ts';

const numberParams = z.object({
  number: z
    .string()
    .trim()
    .regex(/^\d{1,30}$/, 'Numéro de demande invalide.'),
});

/** The school's actions on its applications (professional API). */
export type ApplicationHooks = {
  /** After a validation committed and the application awaits the candidate: start the candidate step. */
  onAwaitingCandidate(applicationId: string): Promise<void>;
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
      if (!key) throw new AppError(400, 'IDEMPOTENCY_KEY_MISSING', API_ERRORS.IDEMPOTENCY_KEY_MISSING);
      const { row, created } = await createApplication(db, school.id, key, request.body);
      return reply.status(created ? 201 : 200).send({ application: toView(row, school.id) });
    },
  );

  app.get('/api/pro/v1/applications/:number', { schema: { params: numberParams } }, async (request) => {
    const school = await requireProCaller(db, request);
    return { application: toView(await findOwnApplication(db, school.id, request.params.number), school.id) };
  });

  app.get(
    '/api/pro/v1/applications',
    { schema: { querystring: listQuerySchema } },
    async (request): Promise<z.infer<typeof listResponseSchema>> => {
      const school = await requireProCaller(db, request);
      const q = request.query;
      const conditions: (SQL | undefined)[] = [
        or(eq(applications.proAccountId, school.id), eq(applications.previousProAccountId, school.id)),
        q.number ? eq(applications.number, q.number) : undefined,
        q.type ? eq(applications.type, q.type) : undefined,
        q.createdFrom ? gte(applications.createdAt, parisDayStart(q.createdFrom)) : undefined,
        q.createdTo ? lt(applications.createdAt, parisDayStart(q.createdTo, 1)) : undefined,
        q.updatedFrom ? gte(applications.updatedAt, parisDayStart(q.updatedFrom)) : undefined,
        q.updatedTo ? lt(applications.updatedAt, parisDayStart(q.updatedTo, 1)) : undefined,
      ];
      if (q.state === 'transferred') {
        conditions.push(
          and(eq(applications.previousProAccountId, school.id), sql`${applications.proAccountId} <> ${school.id}`),
        );
      } else if (q.state) {
        conditions.push(eq(applications.state, q.state), eq(applications.proAccountId, school.id));
      }
      if (q.cursor) {
        const [at, id] = decodeCursor(q.cursor);
        conditions.push(
          or(gt(applications.updatedAt, at), and(eq(applications.updatedAt, at), gt(applications.id, id))),
        );
      }
      const rows = await db
        .select()
        .from(applications)
        .where(and(...conditions))
        .orderBy(asc(applications.updatedAt), asc(applications.id))
        .limit(q.limit + 1);
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      const remaining = q.count
        ? (
            await db
              .select({ n: sql<number>`count(*)::int` })
              .from(applications)
              .where(and(...conditions))
          )[0]?.n
        : undefined;
      return {
        applications: page.map((row) => toView(row, school.id)),
        nextCursor: rows.length > q.limit && last ? encodeCursor(last.updatedAt, last.id) : null,
        endCursor: last ? encodeCursor(last.updatedAt, last.id) : null,
        ...(remaining === undefined ? {} : { remaining }),
      };
    },
  );

  app.delete('/api/pro/v1/applications/:number', { schema: { params: numberParams } }, async (request) => {
    const school = await requireProCaller(db, request);
    const row = await findOwnApplication(db, school.id, request.params.number);
    const updated = await db.transaction((tx) => transition(tx, row, 'delete', { type: 'school', id: school.id }));
    return { application: toView(updated, school.id) };
  });

  app.post('/api/pro/v1/applications/:number/validate', { schema: { params: numberParams } }, async (request) => {
    const school = await requireProCaller(db, request);
    const row = await findOwnApplication(db, school.id, request.params.number);
    const updated = await db.transaction(async (tx) => {
      const sent = await tx
        .select({ kind: pieceFiles.kind, pages: sql<number>`sum(${pieceFiles.pages})::int` })
        .from(pieceFiles)
        .where(eq(pieceFiles.applicationId, row.id))
        .groupBy(pieceFiles.kind);
      const present = new Set(sent.filter((s) => s.pages > 0).map((s) => s.kind));
      const missing = PIECES.filter((p) => p.required && !present.has(p.kind));
      if (missing.length > 0 && row.state === 'draft') {
        throw new AppError(
          422,
          'REQUIRED_PIECES_MISSING',
          `Des pièces justificatives requises manquent : ${missing.map((p) => p.label).join(', ')}.`,
          missing.map((p) => ({ path: `pieces.${p.kind}`, message: `${p.label} : pièce requise.` })),
        );
      }
      if (row.type === '06' && row.state === 'draft' && !(await attachedEphotoCode(tx, row.id))) {
        throw new AppError(422, 'EPHOTO_REQUIRED', API_ERRORS.EPHOTO_REQUIRED);
      }
      return transition(tx, row, 'validate', { type: 'school', id: school.id });
    });
    if (updated.state === 'awaiting_candidate') await hooks.onAwaitingCandidate(updated.id);
    return { application: toView(updated, school.id) };
  });

  // "Dossier à traiter": once the school has sent what the agent asked for, it goes back to instruction.
  app.post('/api/pro/v1/applications/:number/complete', { schema: { params: numberParams } }, async (request) => {
    const school = await requireProCaller(db, request);
    const row = await findOwnApplication(db, school.id, request.params.number);
    const updated = await db.transaction((tx) => transition(tx, row, 'complete', { type: 'school', id: school.id }));
    return { application: toView(updated, school.id) };
  });

  // Transfer: another school (or office) takes an application over by its number, for the candidate
  // its fiche names.
  app.post('/api/pro/v1/transfers', { schema: { body: transferRequestSchema } }, async (request) => {
    const school = await requireProCaller(db, request);
    const [row] = await db.select().from(applications).where(eq(applications.number, request.body.number)).limit(1);
    if (!row || !samePerson(row.candidate as Candidate, request.body.candidate)) {
      throw new AppError(404, 'TRANSFER_NOT_THIS_CANDIDATE', API_ERRORS.TRANSFER_NOT_THIS_CANDIDATE);
    }
    if (row.proAccountId === school.id) {
      throw new AppError(409, 'ALREADY_YOURS', 'Cette demande est déjà rattachée à votre établissement.');
    }
    if (row.paperMandate) {
      throw new AppError(409, 'TRANSFER_REFUSED', 'Une demande déposée sur mandat papier ne peut pas être transférée.');
    }
    if (!TRANSFERABLE_STATES.includes(row.state)) {
      throw new AppError(409, 'TRANSITION_REFUSED', 'Cette demande ne peut plus être transférée.');
    }
    const updated = await db.transaction(async (tx) => {
      const [moved] = await tx
        .update(applications)
        .set({ proAccountId: school.id, previousProAccountId: row.proAccountId, updatedAt: new Date() })
        .where(and(eq(applications.id, row.id), eq(applications.proAccountId, row.proAccountId)))
        .returning();
      if (!moved) throw new AppError(409, 'STATE_CHANGED', API_ERRORS.STATE_CHANGED);
      await tx.insert(auditEvents).values({
        actorType: 'school',
        actorId: school.id,
        action: 'application.transfer',
        targetType: 'application',
        targetId: row.id,
        reason: `depuis ${row.proAccountId}`,
      });
      // The school it leaves sees it "Transféré" without asking.
      await recordChange(tx, row.id, [row.proAccountId]);
      return moved;
    });
    return { application: toView(updated, school.id) };
  });
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): [Date, string] {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (Number.isNaN(date.getTime()) || !id || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new AppError(400, 'VALIDATION', 'Curseur de synchronisation invalide.');
  }
  return [date, id];
}
