import type {} from '@fastify/multipart';
import { type HttpServer, malformedMultipart } from '@permis/platform';
import type { AntsDb } from '../db/index.ts';
import { antsError } from '../domain/errors.ts';
import { issueEphotoCode, requireBooth } from './booths.ts';

export { requireBooth };

const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

/** The photo booths' door: an approved booth sends what it took and gets the code to hand over. */
export function boothRoutes(app: HttpServer, { db }: { db: AntsDb }) {
  // An approved booth sends the photo and signature it took and gets the code to hand over.
  app.post('/api/booths/v1/codes', { config: { access: 'booth' } }, async (request, reply) => {
    const booth = await requireBooth(db, request);
    if (!request.isMultipart())
      throw antsError('FILE_MISSING', 'Envoyez la photo et la signature en multipart/form-data.');
    const images: Record<string, Buffer> = {};
    try {
      for await (const part of request.files({ limits: { fileSize: MAX_IMAGE_BYTES, files: 2 } })) {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        if (part.file.truncated) throw antsError('FILE_TOO_LARGE', 'Image trop volumineuse (2 Mo au maximum).');
        images[part.fieldname] = Buffer.concat(chunks);
      }
    } catch (error) {
      throw malformedMultipart(error);
    }
    return reply.status(201).send(await issueEphotoCode(db, booth.id, images));
  });
}
