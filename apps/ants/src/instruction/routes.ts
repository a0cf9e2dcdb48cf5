import {
  type ApplicationState,
  applicationNumberSchema,
  inStateSet,
  OWN_HOLDER_LABEL,
  STATE_SETS,
  stateLabel,
} from '@permis/ants-api';
import { type HttpServer, notFound } from '@permis/platform';
import { PIECES, type PieceKind } from '@permis/referentiel';
import { findPrefecture } from '@permis/referentiel/data';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { type ApplicationRow, transition } from '../applications/machine.ts';
import { toView } from '../applications/view.ts';
import { requireAgent } from '../auth/context.ts';
import type { AntsTx } from '../db/index.ts';
import { applications, candidates, pieceFiles, proAccounts } from '../db/schema.ts';
import { attachedEphotoCode, EPHOTO_IMAGES, sendEphotoImage } from '../ephoto/attached.ts';
import { listPieces, sendPieceFile } from '../pieces/files.ts';
import type { AntsServices } from '../services.ts';
import { nextNeph } from './neph.ts';

const number = applicationNumberSchema;
const KINDS = PIECES.map((p) => p.kind) as [PieceKind, ...PieceKind[]];

/** Pièces proving identity: deleted once the application is decided (minimisation). */
const IDENTITY_KINDS: PieceKind[] = ['identity'];

/**
 * The instruction console: agents see the applications sent to instruction, open their pièces, and
 * ask for completion (naming the missing pièce), reject (with a reason) or accept (assigning the NEPH).
 */
export function instructionRoutes(app: HttpServer, ctx: AntsServices) {
  const { files } = ctx;
  const { db } = ctx;

  const find = async (applicationNumber: string): Promise<ApplicationRow> => {
    const [row] = await db.select().from(applications).where(eq(applications.number, applicationNumber)).limit(1);
    if (!row || !inStateSet('sent', row.state)) {
      throw notFound("Cette demande n'est pas à l'instruction.");
    }
    return row;
  };

  app.get(
    '/api/agent/applications',
    {
      config: { access: 'agent' },
      schema: {
        querystring: z.object({
          state: z.enum(STATE_SETS.sent as [ApplicationState, ...ApplicationState[]]).default('under_instruction'),
        }),
      },
    },
    async (request) => {
      await requireAgent(ctx, request);
      const rows = await db
        .select({ application: applications, school: proAccounts.schoolName })
        .from(applications)
        // A candidat libre's own demand has no school: it is listed too.
        .leftJoin(proAccounts, eq(proAccounts.id, applications.proAccountId))
        .where(eq(applications.state, request.query.state))
        .orderBy(asc(applications.updatedAt))
        .limit(500);
      return {
        applications: rows.map(({ application: a, school }) => {
          const view = toView(a);
          return {
            number: a.number,
            type: a.type,
            stateLabel: stateLabel(a.state, a.type),
            candidate: `${view.candidate.birthName} ${view.candidate.firstName}`,
            school: school ?? OWN_HOLDER_LABEL,
            updatedAt: a.updatedAt.toISOString(),
          };
        }),
      };
    },
  );

  app.get(
    '/api/agent/applications/:number',
    { config: { access: 'agent' }, schema: { params: z.object({ number }) } },
    async (request) => {
      await requireAgent(ctx, request);
      const row = await find(request.params.number);
      const ephotoCode = await attachedEphotoCode(db, row.id);
      return {
        application: toView(row),
        prefecture: findPrefecture(row.dossier.prefectureCode)?.label ?? '',
        ephotoCode,
        pieces: await listPieces(db, row.id),
      };
    },
  );

  // The ePhoto the agent checks against the identity document.
  app.get(
    '/api/agent/applications/:number/ephoto/:image',
    { config: { access: 'agent' }, schema: { params: z.object({ number, image: z.enum(EPHOTO_IMAGES) }) } },
    async (request, reply) => {
      await requireAgent(ctx, request);
      const row = await find(request.params.number);
      return sendEphotoImage(db, reply, row.id, request.params.image);
    },
  );

  app.get(
    '/api/agent/applications/:number/pieces/files/:fileId',
    { config: { access: 'agent' }, schema: { params: z.object({ number, fileId: z.uuid() }) } },
    async (request, reply) => {
      await requireAgent(ctx, request);
      const row = await find(request.params.number);
      return sendPieceFile(db, reply, files, row.id, request.params.fileId);
    },
  );

  app.post(
    '/api/agent/applications/:number/request-completion',
    {
      config: { access: 'agent' },
      schema: {
        params: z.object({ number }),
        body: z.object({
          piece: z.enum(KINDS),
          message: z.string().trim().max(500).default(''),
        }),
      },
    },
    async (request) => {
      const agent = await requireAgent(ctx, request);
      const row = await find(request.params.number);
      const piece = PIECES.find((p) => p.kind === request.body.piece)!;
      const reason = `Pièce à compléter : ${piece.label}${request.body.message ? ` — ${request.body.message}` : ''}`;
      const updated = await db.transaction((tx) =>
        transition(tx, row, 'request_completion', { type: 'agent', id: agent.id }, { reason }),
      );
      return { application: toView(updated), reason };
    },
  );

  app.post(
    '/api/agent/applications/:number/reject',
    {
      config: { access: 'agent' },
      schema: {
        params: z.object({ number }),
        body: z.object({ reason: z.string().trim().min(5, 'Indiquez le motif du rejet.').max(500) }),
      },
    },
    async (request) => {
      const agent = await requireAgent(ctx, request);
      const row = await find(request.params.number);
      const updated = await files.drop(async (tx) => {
        const done = await transition(
          tx,
          row,
          'reject',
          { type: 'agent', id: agent.id },
          { reason: request.body.reason },
        );
        return { value: done, dropped: await dropIdentityFiles(tx, row.id) };
      });
      return { application: toView(updated) };
    },
  );

  app.post(
    '/api/agent/applications/:number/accept',
    { config: { access: 'agent' }, schema: { params: z.object({ number }) } },
    async (request) => {
      const agent = await requireAgent(ctx, request);
      const row = await find(request.params.number);
      const updated = await files.drop(async (tx) => {
        const prefecture = findPrefecture(row.dossier.prefectureCode);
        // A Cerfa 06 keeps the NEPH its inscription received; a Cerfa 02 gets one now.
        const [candidate] = await tx.select().from(candidates).where(eq(candidates.id, row.candidateId));
        const neph =
          row.type === '06' && candidate?.neph ? candidate.neph : await nextNeph(tx, prefecture?.department ?? '00');
        const done = await transition(tx, row, 'accept', { type: 'agent', id: agent.id }, { extra: { neph } });
        if (row.type === '02') await tx.update(candidates).set({ neph }).where(eq(candidates.id, row.candidateId));
        return { value: done, dropped: await dropIdentityFiles(tx, row.id) };
      });
      return { application: toView(updated) };
    },
  );
}

async function dropIdentityFiles(tx: AntsTx, applicationId: string): Promise<string[]> {
  const dropped = await tx
    .delete(pieceFiles)
    .where(and(eq(pieceFiles.applicationId, applicationId), inArray(pieceFiles.kind, IDENTITY_KINDS)))
    .returning({ storageName: pieceFiles.storageName });
  return dropped.map((f) => f.storageName);
}
