import { actionAllowed, applicationNumberSchema, candidateStateLabel, inStateSet } from '@permis/ants-api';
import { AppError, contentDisposition, type HttpServer, notFound } from '@permis/platform';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { type ApplicationRow, transition } from '../applications/machine.ts';
import { applicationRecap } from '../applications/recap.ts';
import { requireCandidate } from '../auth/context.ts';
import { applications } from '../db/schema.ts';
import { needsPhotoSignatureForm } from '../documents/catalogue.ts';
import { documentPdf } from '../documents/documentPdf.ts';
import { attachedEphotoCode } from '../ephoto/attached.ts';
import { sendPieceFile } from '../pieces/files.ts';
import type { AntsServices } from '../services.ts';

const number = applicationNumberSchema;

/**
 * "Mes démarches en cours": the candidate sees the applications made for them, reviews one, and
 * validates it (sworn attestation, checked here too) or refuses it (seed 000).
 */
export function candidateSpaceRoutes(app: HttpServer, ctx: AntsServices) {
  const { filesDir } = ctx;
  const { db } = ctx;

  const own = async (candidateId: string, applicationNumber: string): Promise<ApplicationRow> => {
    const [row] = await db
      .select()
      .from(applications)
      .where(and(eq(applications.number, applicationNumber), eq(applications.candidateId, candidateId)))
      .limit(1);
    if (!row || !inStateSet('seenByCandidate', row.state)) {
      throw notFound("Cette démarche n'existe pas dans votre espace.");
    }
    return row;
  };

  app.get('/api/candidate/applications', { config: { access: 'candidate' } }, async (request) => {
    const me = await requireCandidate(ctx, request);
    const rows = await db
      .select()
      .from(applications)
      .where(eq(applications.candidateId, me.id))
      .orderBy(desc(applications.updatedAt));
    return {
      applications: rows
        .filter((row) => inStateSet('seenByCandidate', row.state))
        .map((row) => ({
          number: row.number,
          firstName: me.firstName,
          lastName: me.lastName,
          createdAt: row.createdAt.toISOString(),
          updatedAt: row.updatedAt.toISOString(),
          state: row.state,
          stateLabel: candidateStateLabel(row.state, row.type),
          neph: row.neph,
          canValidate: actionAllowed('confirm', row.state),
        })),
    };
  });

  app.get(
    '/api/candidate/applications/:number',
    { config: { access: 'candidate' }, schema: { params: z.object({ number }) } },
    async (request) => {
      const me = await requireCandidate(ctx, request);
      const row = await own(me.id, request.params.number);
      return { application: await applicationRecap(db, row, 'candidate') };
    },
  );

  app.get(
    '/api/candidate/applications/:number/pieces/files/:fileId',
    { config: { access: 'candidate' }, schema: { params: z.object({ number, fileId: z.uuid() }) } },
    async (request, reply) => {
      const me = await requireCandidate(ctx, request);
      const row = await own(me.id, request.params.number);
      return sendPieceFile(db, reply, filesDir, row.id, request.params.fileId);
    },
  );

  app.post(
    '/api/candidate/applications/:number/confirm',
    {
      config: { access: 'candidate' },
      schema: { params: z.object({ number }), body: z.object({ attestation: z.boolean().optional() }) },
    },
    async (request) => {
      const me = await requireCandidate(ctx, request);
      // The sworn attestation is required here, not only by the disabled button.
      if (request.body.attestation !== true) {
        throw new AppError(400, 'ATTESTATION_REQUIRED', "Cochez l'attestation sur l'honneur pour valider.");
      }
      const row = await own(me.id, request.params.number);
      const updated = await db.transaction((tx) =>
        transition(
          tx,
          row,
          'confirm',
          { type: 'candidate', id: me.id },
          { reason: 'Attestation sur l’honneur cochée' },
        ),
      );
      const ephoto = await attachedEphotoCode(db, row.id);
      return { number: updated.number, photoSignatureForm: needsPhotoSignatureForm(updated.type, Boolean(ephoto)) };
    },
  );

  app.post(
    '/api/candidate/applications/:number/refuse',
    {
      config: { access: 'candidate' },
      schema: {
        params: z.object({ number }),
        // The reason, if the candidate gives one, reaches the school with the state (its "Motif").
        body: z
          .object({ reason: z.string().trim().max(500, 'Le motif est limité à 500 caractères.').default('') })
          .nullish(),
      },
    },
    async (request) => {
      const me = await requireCandidate(ctx, request);
      const row = await own(me.id, request.params.number);
      const reason = request.body?.reason || undefined;
      const updated = await db.transaction((tx) =>
        transition(tx, row, 'refuse', { type: 'candidate', id: me.id }, { reason }),
      );
      return { number: updated.number };
    },
  );

  app.get(
    '/api/candidate/applications/:number/documents/:kind',
    {
      config: { access: 'candidate' },
      schema: { params: z.object({ number, kind: z.enum(['receipt', 'photo_signature_form']) }) },
    },
    async (request, reply) => {
      const me = await requireCandidate(ctx, request);
      const row = await own(me.id, request.params.number);
      const pdf = await documentPdf(db, row, request.params.kind);
      const name = request.params.kind === 'receipt' ? 'Justificatif de dépôt' : 'Formulaire photo et signature';
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(`${name} ${row.number}.pdf`))
        .send(pdf);
    },
  );
}
