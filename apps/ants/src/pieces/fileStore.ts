import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { and, asc, eq, inArray, notExists, notInArray, sql } from 'drizzle-orm';
import type { AntsDb, AntsTx } from '../db/index.ts';
import { pieceFiles, storedFiles } from '../db/schema.ts';

/**
 * Where the pièces' bytes are kept, behind one small interface so the rows that name them never
 * disagree with them: `keep` and `drop` run the caller's writes in the transaction the bytes go
 * with. On a PostgreSQL server the bytes are in the database (every instance behind the load
 * balancer reads them; nothing orphaned, nothing missing); the folder serves only the embedded
 * default, where one process owns the data anyway.
 */
export type FileStore = {
  kind: 'database' | 'folder';
  /**
   * Runs `work` in a transaction and keeps `bytes` under the name it is given, unless it answers
   * `kept: false` (the same file was there already) or throws.
   */
  keep<T>(bytes: Buffer, work: (tx: AntsTx, storageName: string) => Promise<{ value: T; kept: boolean }>): Promise<T>;
  /** Runs `work` in a transaction; the files it names as dropped go with it. */
  drop<T>(work: (tx: AntsTx) => Promise<{ value: T; dropped: string[] }>): Promise<T>;
  /** The bytes of a stored file (at most one pièce's maximum size: 11 MB). */
  read(storageName: string): Promise<Buffer>;
};

/** FILE_STORE when set; otherwise the database on a PostgreSQL server, the folder on PGlite. */
export function fileStoreKind(chosen: FileStore['kind'] | undefined, engine: 'pglite' | 'postgres'): FileStore['kind'] {
  return chosen ?? (engine === 'postgres' ? 'database' : 'folder');
}

/**
 * `formerFolder`: the folder an instance of this machine used before (a deployment that ran on the
 * folder and now runs on the database). Its files are read and dropped there until
 * `files:to-database` has moved them, which may run with the service up: a file that moves while
 * it is read is looked for in the database again.
 */
export function databaseFileStore(db: AntsDb, formerFolder?: string): FileStore {
  const fromDatabase = async (name: string) => {
    const [file] = await db.select({ bytes: storedFiles.bytes }).from(storedFiles).where(eq(storedFiles.name, name));
    return file ? Buffer.from(file.bytes) : undefined;
  };
  const fromFolder = (name: string) =>
    formerFolder ? readFile(path.join(formerFolder, name)).catch(() => undefined) : undefined;
  return {
    kind: 'database',
    keep: (bytes, work) =>
      db.transaction(async (tx) => {
        const name = randomUUID();
        const { value, kept } = await work(tx, name);
        if (kept) await tx.insert(storedFiles).values({ name, bytes });
        return value;
      }),
    async drop(work) {
      const value = await db.transaction(async (tx) => {
        const { value, dropped } = await work(tx);
        if (dropped.length > 0) await tx.delete(storedFiles).where(inArray(storedFiles.name, dropped));
        return { value, dropped };
      });
      if (formerFolder) {
        await Promise.all(value.dropped.map((name) => rm(path.join(formerFolder, name), { force: true })));
      }
      return value.value;
    },
    async read(storageName) {
      const bytes =
        (await fromDatabase(storageName)) ?? (await fromFolder(storageName)) ?? (await fromDatabase(storageName));
      if (!bytes) throw new Error('stored file missing');
      return bytes;
    },
  };
}

/**
 * The embedded default: files in `dir`, written before the transaction and removed if it fails,
 * removed after the transaction that drops them (a crash in between leaves an unnamed file, never
 * a row without its file).
 */
export function folderFileStore(db: AntsDb, dir: string): FileStore {
  const at = (name: string) => path.join(dir, name);
  return {
    kind: 'folder',
    async keep(bytes, work) {
      const name = randomUUID();
      await mkdir(dir, { recursive: true });
      await writeFile(at(name), bytes, { mode: 0o600 });
      let kept = false;
      try {
        const done = await db.transaction((tx) => work(tx, name));
        kept = done.kept;
        return done.value;
      } finally {
        if (!kept) await rm(at(name), { force: true });
      }
    },
    async drop(work) {
      const { value, dropped } = await db.transaction(work);
      await Promise.all(dropped.map((name) => rm(at(name), { force: true })));
      return value;
    },
    read: (storageName) => readFile(at(storageName)),
  };
}

/**
 * Moves the files of a folder store into the database (`npm run files:to-database`), for a
 * service that leaves the embedded default for a PostgreSQL server. Each file is inserted, then
 * removed from the folder; run again, it takes up where it stopped. A row whose file is in
 * neither place is counted as missing, never invented.
 */
export async function moveFolderToDatabase(db: AntsDb, dir: string, batch = 100) {
  const counts = { moved: 0, missing: 0 };
  const skipped = new Set<string>();
  for (;;) {
    const rows = await db
      .select({ name: pieceFiles.storageName })
      .from(pieceFiles)
      .where(
        and(
          notExists(db.select({ one: sql`1` }).from(storedFiles).where(eq(storedFiles.name, pieceFiles.storageName))),
          skipped.size > 0 ? notInArray(pieceFiles.storageName, [...skipped]) : undefined,
        ),
      )
      .orderBy(asc(pieceFiles.storageName))
      .limit(batch);
    if (rows.length === 0) {
      // A pièce deleted while its file moved (the service may run meanwhile) can leave bytes no
      // row names: they go. A file being kept commits its row and its bytes together, so none of
      // those is taken for one.
      await db
        .delete(storedFiles)
        .where(
          notExists(db.select({ one: sql`1` }).from(pieceFiles).where(eq(pieceFiles.storageName, storedFiles.name))),
        );
      return counts;
    }
    for (const { name } of rows) {
      const bytes = await readFile(path.join(dir, name)).catch(() => null);
      if (!bytes) {
        counts.missing++;
        skipped.add(name);
        continue;
      }
      await db.insert(storedFiles).values({ name, bytes }).onConflictDoNothing();
      await rm(path.join(dir, name), { force: true });
      counts.moved++;
    }
  }
}
