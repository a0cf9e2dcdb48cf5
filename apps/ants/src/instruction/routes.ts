import { agentFiles, agentSpace } from '@permis/ants-api';
import { type HttpServer, mount } from '@permis/platform';
import { sendEphotoImage } from '../applications/attachedEphoto.ts';
import { requireAgent } from '../auth/context.ts';
import { sendPieceFile } from '../pieces/files.ts';
import type { AntsServices } from '../services.ts';
import { acceptApplication, rejectApplication, requestCompletion } from './decide.ts';
import { instructionDossier } from './dossier.ts';
import { findForInstruction, listForInstruction } from './queue.ts';

/**
 * The instruction console: agents see the applications sent to instruction, open their pièces, and
 * ask for completion (naming the missing pièce), reject (with a reason) or accept (assigning the NEPH).
 */
export function instructionRoutes(app: HttpServer, ctx: AntsServices) {
  const { db, files } = ctx;
  const agent = { access: 'agent' };

  mount(app, agentSpace.applications, agent, async (request) => {
    await requireAgent(ctx, request);
    return { applications: await listForInstruction(db, request.query.state) };
  });

  mount(app, agentSpace.application, agent, async (request) => {
    await requireAgent(ctx, request);
    return instructionDossier(db, request.params.number);
  });

  // The files stream their bytes: plain routes, their addresses and parameters from the contract.
  app.get(
    agentFiles.ephotoImage.path,
    { config: agent, schema: { params: agentFiles.ephotoImage.params } },
    async (request, reply) => {
      await requireAgent(ctx, request);
      const row = await findForInstruction(db, request.params.number);
      return sendEphotoImage(db, reply, row.id, request.params.image);
    },
  );

  app.get(
    agentFiles.pieceFile.path,
    { config: agent, schema: { params: agentFiles.pieceFile.params } },
    async (request, reply) => {
      await requireAgent(ctx, request);
      const row = await findForInstruction(db, request.params.number);
      return sendPieceFile(db, reply, files, row.id, request.params.fileId);
    },
  );

  mount(app, agentSpace.requestCompletion, agent, async (request) => {
    const me = await requireAgent(ctx, request);
    const row = await findForInstruction(db, request.params.number);
    return requestCompletion(db, me, row, request.body.piece, request.body.message);
  });

  mount(app, agentSpace.reject, agent, async (request) => {
    const me = await requireAgent(ctx, request);
    const row = await findForInstruction(db, request.params.number);
    return rejectApplication(files, me, row, request.body.reason);
  });

  mount(app, agentSpace.accept, agent, async (request) => {
    const me = await requireAgent(ctx, request);
    const row = await findForInstruction(db, request.params.number);
    return acceptApplication(files, me, row);
  });
}
