import { contentDisposition, type HttpServer, mount, readUploadedFile } from '@permis/platform';
import { MAX_PIECE_FILE_BYTES } from '@permis/referentiel';
import { onlineRoutes as contract, onlineFiles } from '@permis/school-api';
import { requireRight, requireUser } from '../auth/context.ts';
import { sendFile } from '../http/sendFile.ts';
import type { SchoolServices } from '../services.ts';
import { createOnlineApplications } from './service.ts';

const user = { access: 'user' };

/**
 * Formation › "Dossier 02 - 06" › the online application of a student, over HTTP: each route
 * checks the user's right, calls one function of the domain module (service.ts) and answers it.
 */
export function onlineApplicationRoutes(app: HttpServer, ctx: SchoolServices) {
  const online = createOnlineApplications(ctx.db, ctx.clients);

  mount(app, contract.overview, user, async (request) =>
    online.overview(await requireUser(ctx, request), request.params.id),
  );

  // The préfectures a student can be attached to (by their postal code), from the national service.
  mount(app, contract.prefectures, user, async (request) => ({
    prefectures: await online.prefectures(await requireUser(ctx, request), request.params.id),
  }));

  // "Impression Cerfa": the paper form filled from the fiche and the dossier, shown in the browser.
  app.get(
    onlineFiles.cerfa.path,
    { config: user, schema: { params: onlineFiles.cerfa.params } },
    async (request, reply) => {
      const pdf = await online.cerfa(await requireUser(ctx, request), request.params.id, request.params.type);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition(pdf.fileName).replace('attachment', 'inline'))
        .send(pdf.bytes);
    },
  );

  // "Enregistrer la demande en ligne": a draft on the national service. The page sends the same
  // idempotency key until it gets an answer, so a retry after a timeout never makes a second one.
  mount(app, contract.enter, user, async (request) => {
    const me = await requireUser(ctx, request);
    return online.enterDraft(me, request.params.id, request.body.type, request.body.idempotencyKey);
  });

  // "Supprimer puis recréer la demande".
  mount(
    app,
    contract.recreate,
    // The right before the body: a user without it learns nothing from the validation.
    { ...user, preValidation: async (request) => void (await requireRight(ctx, request, 'ants_delete_application')) },
    async (request) => {
      const me = await requireRight(ctx, request, 'ants_delete_application');
      const { id, number } = request.params;
      return online.recreate(me, id, number, request.body.idempotencyKey);
    },
  );

  // "Mettre à jour": the application as the national service has it now.
  mount(app, contract.refresh, user, async (request) =>
    online.refresh(await requireUser(ctx, request), request.params.id, request.params.number),
  );

  // "Transférer une demande": number + agrément of the school that holds it.
  mount(app, contract.transfer, user, async (request) =>
    online.transfer(await requireUser(ctx, request), request.params.id, request.body),
  );

  // The actions that move the application through its states, each guarded by its right.
  mount(app, contract.validate, user, async (request) =>
    online.move(
      await requireRight(ctx, request, 'ants_validate_application'),
      request.params.id,
      request.params.number,
      'validate',
    ),
  );
  mount(app, contract.complete, user, async (request) =>
    online.move(
      await requireRight(ctx, request, 'ants_validate_application'),
      request.params.id,
      request.params.number,
      'complete',
    ),
  );

  mount(app, contract.remove, user, async (request) =>
    online.remove(
      await requireRight(ctx, request, 'ants_delete_application'),
      request.params.id,
      request.params.number,
    ),
  );

  // "Envoyer / Consulter les pièces justificatives".
  mount(app, contract.pieces, user, async (request) =>
    online.pieces(await requireUser(ctx, request), request.params.id, request.params.number),
  );

  mount(app, contract.uploadPiece, user, async (request) => {
    const me = await requireUser(ctx, request);
    const { id, number, kind } = request.params;
    const read = async () => {
      const upload = await readUploadedFile(request, MAX_PIECE_FILE_BYTES);
      return { name: upload.fileName, bytes: upload.bytes };
    };
    return online.uploadFile(me, id, number, kind, read, request.query.comment);
  });

  mount(app, contract.pieceFromDocument, user, async (request) => {
    const me = await requireUser(ctx, request);
    const { id, number, kind } = request.params;
    const { documentId, comment } = request.body;
    return online.uploadDocument(me, id, number, kind, documentId, comment);
  });

  app.get(
    onlineFiles.pieceFile.path,
    { config: user, schema: { params: onlineFiles.pieceFile.params } },
    async (request, reply) => {
      const { id, number, fileId } = request.params;
      const file = await online.pieceFile(await requireUser(ctx, request), id, number, fileId);
      return sendFile(reply, file.fileName, file.bytes);
    },
  );

  mount(app, contract.deletePieceFile, user, async (request) => {
    const { id, number, fileId } = request.params;
    return online.deletePieceFile(await requireUser(ctx, request), id, number, fileId);
  });

  // "Ajouter / Modifier la ePhoto", "Consulter la ePhoto", "Supprimer la ePhoto".
  mount(app, contract.setEphoto, user, async (request) =>
    online.setEphoto(await requireUser(ctx, request), request.params.id, request.params.number, request.body.code),
  );

  mount(app, contract.ephoto, user, async (request) =>
    online.ephoto(await requireUser(ctx, request), request.params.id, request.params.number),
  );

  app.get(
    onlineFiles.ephotoImage.path,
    { config: user, schema: { params: onlineFiles.ephotoImage.params } },
    async (request, reply) => {
      const { id, number, image } = request.params;
      const file = await online.ephotoImage(await requireUser(ctx, request), id, number, image);
      return sendFile(reply, file.fileName, file.bytes);
    },
  );

  mount(app, contract.deleteEphoto, user, async (request) =>
    online.deleteEphoto(
      await requireRight(ctx, request, 'ants_delete_ephoto'),
      request.params.id,
      request.params.number,
    ),
  );

  // "Editer les documents": the documents of the national service for this application.
  mount(app, contract.documents, user, async (request) =>
    online.documents(await requireUser(ctx, request), request.params.id, request.params.number),
  );

  app.get(
    onlineFiles.document.path,
    { config: user, schema: { params: onlineFiles.document.params } },
    async (request, reply) => {
      const { id, number, kind } = request.params;
      const file = await online.document(await requireUser(ctx, request), id, number, kind);
      return sendFile(reply, file.fileName, file.bytes);
    },
  );
}
