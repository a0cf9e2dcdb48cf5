import { actionAllowed, applicationNumberSchema, candidateStateLabel } from '@permis/ants-api';
import { type HttpServer, notFound } from '@permis/platform';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { type ApplicationRow, transition } from '../applications/machine.ts';
import { applicationRecap } from '../applications/recap.ts';
import { requireCandidate } from '../auth/context.ts';
import { applications } from '../db/schema.ts';
import { needsPhotoSignatureForm } from '../documents/catalogue.ts';
import { documentList, sendDocument } from '../documents/documentPdf.ts';
import { antsError } from '../domain/errors.ts';
import { attachedEphotoCode } from '../ephoto/attached.ts';
import { sendPieceFile } from '../pieces/files.ts';
import type { AntsServices } from '../services.ts';
import { attestIdentity } from './attestation.ts';
import { candidateSees } from './sees.ts';

const number = applicationNumberSchema;

/**
 * "Mes démarches en cours": the candidate sees the applications made for them, reviews one, and
 * validates it (sworn attestation, checked here too) or refuses it (seed 000).
 */
export function candidateSpaceRoutes(app: HttpServer, ctx: AntsServices) {
  const { files } = ctx;
  const { db } = ctx;

  const own = async (candidateId: string, applicationNumber: string): Promise<ApplicationRow> => {
    const [row] = await db
      .select()
      .from(applications)
      .where(and(eq(applications.number, applicationNumber), eq(applications.candidateId, candidateId)))
      .limit(1);
    if (!row || !candidateSees(row)) {
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
      applications: rows.filter(candidateSees).map((row) => ({
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
      return sendPieceFile(db, reply, files, row.id, request.params.fileId);
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
        throw antsError('ATTESTATION_REQUIRED', "Cochez l'attestation sur l'honneur pour valider.");
      }
      const row = await own(me.id, request.params.number);
      const updated = await db.transaction(async (tx) => {
        const confirmed = await transition(
          tx,
          row,
          'confirm',
          { type: 'candidate', id: me.id },
          { reason: 'Attestation sur l’honneur cochée' },
        );
        await attestIdentity(tx, me.id, row.candidate);
        return confirmed;
      });
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

  // « Mes documents »: every document of every demand, each once it exists.
  app.get('/api/candidate/documents', { config: { access: 'candidate' } }, async (request) => {
    const me = await requireCandidate(ctx, request);
    const rows = await db
      .select()
      .from(applications)
      .where(eq(applications.candidateId, me.id))
      .orderBy(desc(applications.updatedAt));
    const seen = rows.filter(candidateSees);
    return {
      applications: await Promise.all(
        seen.map(async (row) => ({
          number: row.number,
          type: row.type,
          stateLabel: candidateStateLabel(row.state, row.type),
          documents: (await documentList(db, row))
            .filter((doc): doc is typeof doc & { kind: CandidateDocument } =>
              (CANDIDATE_DOCUMENTS as readonly string[]).includes(doc.kind),
            )
            .filter((doc) => doc.available || APPLIES[doc.kind](row.type))
            .map(({ kind, label, available, reason }) => ({
              kind,
              label,
              available,
              reason: reason ?? null,
              href: available ? `/api/candidate/applications/${row.number}/documents/${kind}` : null,
            })),
        })),
      ),
    };
  });

  app.get(
    '/api/candidate/applications/:number/documents/:kind',
    {
      config: { access: 'candidate' },
      schema: { params: z.object({ number, kind: z.enum(CANDIDATE_DOCUMENTS) }) },
    },
    async (request, reply) => {
      const me = await requireCandidate(ctx, request);
      const row = await own(me.id, request.params.number);
      return sendDocument(db, reply, row, request.params.kind);
    },
  );
}

/** The documents of a demand that are the candidate's (the others are the school's forms). */
const CANDIDATE_DOCUMENTS = [
  'receipt',
  'registration_certificate',
  'registration_facsimile',
  'driving_rights',
  'photo_signature_form',
] as const;

type CandidateDocument = (typeof CANDIDATE_DOCUMENTS)[number];

/** Which documents a demand of this type will have, so the list says « pas encore » only for those. */
const APPLIES: Record<CandidateDocument, (type: '02' | '06') => boolean> = {
  receipt: () => true,
  registration_certificate: (type) => type === '02',
  registration_facsimile: (type) => type === '02',
  driving_rights: (type) => type === '06',
  photo_signature_form: () => false,
};
