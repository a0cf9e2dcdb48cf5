import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createSecretBox } from '@permis/platform';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pieceFiles, storedFiles, webhookEvents } from '../src/db/schema.ts';
import { moveFolderToDatabase } from '../src/pieces/fileStore.ts';
import { dispatchWebhooks } from '../src/webhooks/dispatch.ts';
import { draftRequest, failure, PNG, pdf, startAntsHttp } from './api.ts';
import { TEST_KEY } from './harness.ts';

// Two instances of the national service on one database, as behind the load balancer: each has
// its own process state and its own disk (a folder of its own), and shares only the database.
let one: Awaited<ReturnType<typeof startAntsHttp>>;
let two: Awaited<ReturnType<typeof startAntsHttp>>;
beforeEach(async () => {
  one = await startAntsHttp({ fileStore: 'database' });
  two = await startAntsHttp({ fileStore: 'database', database: one.database });
});
afterEach(async () => {
  await two.close();
  await one.close();
});

describe('two instances of the national service on one database', () => {
  it('read through one a pièce uploaded through the other, and delete it for both', async () => {
    const app = await one.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    const bytes = await pdf(2);
    const file = await one.brequigny.uploadPiece(app.number, 'identity', { name: 'cni.pdf', bytes });
    const read = await two.brequigny.downloadPieceFile(app.number, file.id);
    expect(Buffer.from(read.bytes).equals(bytes)).toBe(true);
    expect(read.mediaType).toBe('application/pdf');

    await two.brequigny.deletePieceFile(app.number, file.id);
    expect(await one.db.$count(storedFiles)).toBe(0);
    expect(await one.db.$count(pieceFiles)).toBe(0);
    expect((await failure(one.brequigny.downloadPieceFile(app.number, file.id))).status).toBe(404);
  });

  it('keeps no bytes of a refused file, and no row without its bytes', async () => {
    const app = await one.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    // The identity pièce takes 2 pages at most: the third is refused after the bytes were read.
    await one.brequigny.uploadPiece(app.number, 'identity', { name: 'a.pdf', bytes: await pdf(2) });
    const refused = await failure(
      two.brequigny.uploadPiece(app.number, 'identity', { name: 'b.pdf', bytes: await pdf(1) }),
    );
    expect(refused.code).toBe('TOO_MANY_PAGES');
    expect(await one.db.$count(storedFiles)).toBe(1);
    expect(await one.db.$count(pieceFiles)).toBe(1);
  });

  it('read the files a folder store kept once they are moved into the database', async () => {
    const embedded = await startAntsHttp({ fileStore: 'folder', database: one.database });
    try {
      const app = await embedded.brequigny.createApplication(draftRequest(), crypto.randomUUID());
      const bytes = await pdf(1);
      const kept = await embedded.brequigny.uploadPiece(app.number, 'identity', { name: 'cni.pdf', bytes });
      await embedded.brequigny.uploadPiece(app.number, 'proof_of_address', { name: 'f.png', bytes: PNG });
      expect((await failure(two.brequigny.downloadPieceFile(app.number, kept.id))).status).toBe(500);

      expect(await moveFolderToDatabase(one.db, embedded.filesDir, 1)).toEqual({ moved: 2, missing: 0 });
      expect(readdirSync(embedded.filesDir)).toEqual([]);
      expect(Buffer.from((await two.brequigny.downloadPieceFile(app.number, kept.id)).bytes).equals(bytes)).toBe(true);
      // Bytes whose pièce was deleted while they moved: the move's end drops them.
      await one.db.insert(storedFiles).values({ name: crypto.randomUUID(), bytes: PNG });
      expect(await moveFolderToDatabase(one.db, embedded.filesDir)).toEqual({ moved: 0, missing: 0 });
      expect(await one.db.$count(storedFiles)).toBe(2);
    } finally {
      await embedded.close();
    }
  });

  it('read, once upgraded from the folder to the database, the files the folder kept, before and while they move', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'ants-files-'));
    const embedded = await startAntsHttp({ fileStore: 'folder', database: one.database, filesDir: folder });
    const app = await embedded.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    const bytes = await pdf(1);
    const kept = await embedded.brequigny.uploadPiece(app.number, 'identity', { name: 'cni.pdf', bytes });
    const dropped = await embedded.brequigny.uploadPiece(app.number, 'proof_of_address', { name: 'f.png', bytes: PNG });
    await embedded.close();
    // The same machine restarted on the new version: the database store, the old folder still there.
    const upgraded = await startAntsHttp({
      fileStore: 'database',
      database: one.database,
      filesDir: folder,
    });
    try {
      const read = await upgraded.brequigny.downloadPieceFile(app.number, kept.id);
      expect(Buffer.from(read.bytes).equals(bytes)).toBe(true);
      await upgraded.brequigny.deletePieceFile(app.number, dropped.id);
      expect(readdirSync(folder)).toHaveLength(1);
      // Moved while the service runs: read from one place or the other, never missing.
      const reads = Array.from({ length: 20 }, () => upgraded.brequigny.downloadPieceFile(app.number, kept.id));
      expect(await moveFolderToDatabase(one.db, folder)).toEqual({ moved: 1, missing: 0 });
      for (const done of await Promise.all(reads)) expect(Buffer.from(done.bytes).equals(bytes)).toBe(true);
      expect(readdirSync(folder)).toEqual([]);
      expect(Buffer.from((await two.brequigny.downloadPieceFile(app.number, kept.id)).bytes).equals(bytes)).toBe(true);
    } finally {
      await upgraded.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('deliver each webhook event once while both dispatch', async () => {
    const received: string[] = [];
    const receiver = http.createServer((request, response) => {
      received.push(String(request.headers['webhook-id']));
      request.resume();
      request.on('end', () => response.writeHead(204).end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/ants/webhook/x`;
      await one.brequigny.registerWebhook(url);
      for (let i = 0; i < 10; i++) {
        const app = await two.brequigny.createApplication(draftRequest(), crypto.randomUUID());
        await one.brequigny.deleteApplication(app.number);
      }
      const box = createSecretBox(TEST_KEY);
      const policy = { allowPrivate: true };
      await Promise.all([one, two, one, two].map((instance) => dispatchWebhooks(instance.db, box, { policy })));
      expect(received).toHaveLength(10);
      expect(new Set(received).size).toBe(10);
      expect((await one.db.select().from(webhookEvents)).every((e) => e.status === 'delivered')).toBe(true);
    } finally {
      receiver.close();
    }
  });
});
