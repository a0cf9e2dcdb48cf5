import { candidateLinks, candidateSpace } from '@permis/ants-api';
import { type HttpServer, mount } from '@permis/platform';
import { requireCandidate } from '../auth/context.ts';
import { sendDocument } from '../documents/documentPdf.ts';
import { applicationRecap } from '../documents/recap.ts';
import { sendPieceFile } from '../pieces/files.ts';
import type { AntsServices } from '../services.ts';
import {
  candidateApplications,
  candidateDocuments,
  confirmCandidateApplication,
  refuseCandidateApplication,
  seenApplication,
} from './space.ts';

/**
 * "Mes démarches en cours" and « Mes documents », mounted from the candidate space's contract: the
 * applications made for the candidate, the review of one, its validation or refusal, its files.
 */
export function candidateSpaceRoutes(app: HttpServer, ctx: AntsServices) {
  const { db, files } = ctx;
  const candidate = { access: 'candidate' };
  const config = candidate;

  mount(app, candidateSpace.applications, candidate, async (request) => ({
    applications: await candidateApplications(db, await requireCandidate(ctx, request)),
  }));
  mount(app, candidateSpace.application, candidate, async (request) => {
    const me = await requireCandidate(ctx, request);
    const row = await seenApplication(db, me.id, request.params.number);
    return { application: await applicationRecap(db, row, 'candidate') };
  });
  mount(app, candidateSpace.confirm, candidate, async (request) => {
    const me = await requireCandidate(ctx, request);
    return confirmCandidateApplication(db, me.id, request.params.number, request.body.attestation);
  });
  mount(app, candidateSpace.refuse, candidate, async (request) => {
    const me = await requireCandidate(ctx, request);
    return refuseCandidateApplication(db, me.id, request.params.number, request.body?.reason);
  });
  mount(app, candidateSpace.documents, candidate, async (request) => ({
    applications: await candidateDocuments(db, (await requireCandidate(ctx, request)).id),
  }));

  // Streamed files: their addresses and parameters from the contract, no JSON answer.
  const { pieceFile, document } = candidateLinks;
  app.get(pieceFile.path, { config, schema: { params: pieceFile.params } }, async (request, reply) => {
    const me = await requireCandidate(ctx, request);
    const row = await seenApplication(db, me.id, request.params.number);
    return sendPieceFile(db, reply, files, row.id, request.params.fileId);
  });
  app.get(document.path, { config, schema: { params: document.params } }, async (request, reply) => {
    const me = await requireCandidate(ctx, request);
    const row = await seenApplication(db, me.id, request.params.number);
    return sendDocument(db, reply, row, request.params.kind);
  });
}
