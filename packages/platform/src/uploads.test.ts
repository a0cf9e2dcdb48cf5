import { connect } from 'node:net';
import fastifyMultipart from '@fastify/multipart';
import { afterAll, describe, expect, it } from 'vitest';
import { createHttpServer } from './http.ts';
import { readUploadedFile } from './uploads.ts';

const MAX = 11 * 1024 * 1024;
const app = await createHttpServer({
  service: 'test',
  logLevel: 'silent',
  problems: { type: (code) => `urn:test:${code}`, title: () => undefined },
});
await app.register(fastifyMultipart);
app.post('/upload', async (request) => {
  const file = await readUploadedFile(request, MAX);
  return { bytes: file.bytes.length };
});
await app.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.address() as { port: number }).port;
afterAll(() => app.close());

describe('un fichier trop gros', () => {
  it('est refusé dès les en-têtes, sans attendre ni lire les 12 Mo annoncés', async () => {
    const boundary = 'limite';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`;
    const socket = connect(port, '127.0.0.1');
    const answer = new Promise<string>((resolve, reject) => {
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString('utf8');
        // The whole answer has come once its body (problem details) is closed.
        if (/\r\n\r\n[\s\S]*\}$/.test(text)) resolve(text);
      });
      socket.on('error', reject);
    });
    // Headers announcing 12 MB, then a few bytes: the rest is never sent.
    socket.write(
      `POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${12 * 1024 * 1024}\r\n\r\n${head}`,
    );
    const text = await answer;
    socket.destroy();
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text).toContain('Le fichier dépasse la taille maximale de 11 Mo.');
  });
});
