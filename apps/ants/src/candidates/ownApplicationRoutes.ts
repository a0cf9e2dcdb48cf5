import type {} from '@fastify/multipart';
import { candidateSpace, EPHOTO_IMAGES, OWN_EPHOTO_IMAGES } from '@permis/ants-api';
import { type HttpServer, mount, readUploadedFile } from '@permis/platform';
import { MAX_PIECE_FILE_BYTES } from '@permis/referentiel';
import { prefecturesForPostalCode } from '@permis/referentiel/data';
import { requireCandidate } from '../auth/context.ts';
import type { AntsServices } from '../services.ts';
import {
  completeOwnApplication,
  createOwnDemand,
  ownApplicationView,
  ownEphoto,
  removeOwnEphoto,
  removeOwnPiece,
  sendOwnEphotoImage,
  setOwnEphoto,
  submitOwnApplication,
  uploadOwnPiece,
  withdrawOwnApplication,
} from './ownApplications.ts';

/** « Ajouter une demande »: the candidat libre's own demand (decision 0013), from the candidate space's contract. */
export function candidateOwnApplicationRoutes(app: HttpServer, ctx: AntsServices) {
  const { db, files } = ctx;
  const candidate = { access: 'candidate' };
  const me = async (request: Parameters<typeof requireCandidate>[1]) => (await requireCandidate(ctx, request)).id;

  // « Préfecture de rattachement »: those of the candidate's postal code, as for a school's.
  mount(app, candidateSpace.prefectures, candidate, async (request) => {
    await requireCandidate(ctx, request);
    return { prefectures: prefecturesForPostalCode(request.query.postalCode) };
  });
  mount(app, candidateSpace.createOwn, candidate, async (request) =>
    createOwnDemand(db, await me(request), request.body),
  );
  mount(app, candidateSpace.own, candidate, async (request) =>
    ownApplicationView(db, await me(request), request.params.number),
  );
  mount(app, candidateSpace.ownUploadPiece, candidate, async (request) =>
    uploadOwnPiece(db, files, await me(request), request.params.number, {
      kind: request.params.kind,
      comment: request.query.comment,
      read: () => readUploadedFile(request, MAX_PIECE_FILE_BYTES),
    }),
  );
  mount(app, candidateSpace.ownDeletePieceFile, candidate, async (request, reply) => {
    await removeOwnPiece(db, files, await me(request), request.params.number, request.params.fileId);
    return reply.status(204).send();
  });
  mount(app, candidateSpace.ownEphoto, candidate, async (request) =>
    ownEphoto(db, await me(request), request.params.number),
  );
  // Streamed images: their addresses and parameters from the contract, no JSON answer.
  for (const image of EPHOTO_IMAGES) {
    const link = OWN_EPHOTO_IMAGES[image];
    app.get(link.path, { config: candidate, schema: { params: link.params } }, async (request, reply) =>
      sendOwnEphotoImage(db, reply, await me(request), request.params.number, image),
    );
  }
  mount(app, candidateSpace.ownSetEphoto, candidate, async (request) =>
    setOwnEphoto(db, await me(request), request.params.number, request.body.code),
  );
  mount(app, candidateSpace.ownDeleteEphoto, candidate, async (request, reply) => {
    await removeOwnEphoto(db, await me(request), request.params.number);
    return reply.status(204).send();
  });
  mount(app, candidateSpace.ownSubmit, candidate, async (request) =>
    submitOwnApplication(db, await me(request), request.params.number, request.body.attestation),
  );
  mount(app, candidateSpace.ownComplete, candidate, async (request) =>
    completeOwnApplication(db, await me(request), request.params.number),
  );
  mount(app, candidateSpace.ownWithdraw, candidate, async (request) =>
    withdrawOwnApplication(db, await me(request), request.params.number),
  );
}
