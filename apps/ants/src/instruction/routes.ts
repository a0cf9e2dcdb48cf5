import { type ApplicationState, applicationNumberSchema, STATE_SETS } from '@permis/ants-api';
import type { HttpServer } from '@permis/platform';
import { PIECES, type PieceKind } from '@permis/referentiel';
import { findPrefecture } from '@permis/referentiel/data';
import { z } from 'zod';
import { toView } from '../applications/view.ts';
import { requireAgent } from '../auth/context.ts';
import { attachedEphotoCode, EPHOTO_IMAGES, sendEphotoImage } from '../ephoto/attached.ts';
import { listPieces, sendPieceFile } from '../pieces/files.ts';
import type { AntsServices } from '../services.ts';
import { acceptApplication, rejectApplication, requestCompletion } from './decide.ts';
import { findForInstruction, listForInstruction } from './queue.ts';

const number = applicationNumberSchema;
const KINDS = PIECES.map((p) => p.kind) as [PieceKind, ...PieceKind[]];

/**
 * The instruction console: agents see the applications sent to instruction, open their pièces, and
 * ask for completion (naming the missing pièce), reject (with a reason) or accept (assigning the NEPH).
 */
export function instructionRoutes(app: HttpServer, ctx: AntsServices) {
  const { files } = ctx;
  const { db } = ctx;

  const find = (applicationNumber: string) => findForInstruction(db, applicationNumber);

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
      return { applications: await listForInstruction(db, request.query.state) };
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
      const { updated, reason } = await requestCompletion(db, agent, row, request.body.piece, request.body.message);
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
      const updated = await rejectApplication(files, agent, row, request.body.reason);
      return { application: toView(updated) };
    },
  );

  app.post(
    '/api/agent/applications/:number/accept',
    { config: { access: 'agent' }, schema: { params: z.object({ number }) } },
    async (request) => {
      const agent = await requireAgent(ctx, request);
      const row = await find(request.params.number);
      const updated = await acceptApplication(files, agent, row);
      return { application: toView(updated) };
    },
  );
}
