import { contentDisposition, sniffMediaType } from '@permis/platform';
import type { FastifyReply } from 'fastify';

/** A file download, typed from its own bytes (whatever was declared when stored), never sniffed by the browser. */
export function sendFile(reply: FastifyReply, fileName: string, bytes: Uint8Array) {
  return reply
    .header('content-type', sniffMediaType(bytes))
    .header('content-disposition', contentDisposition(fileName))
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(bytes));
}
