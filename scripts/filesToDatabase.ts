import path from 'node:path';
import { openDatabase } from '@permis/platform';
import { MIGRATIONS_FOLDER } from '../apps/ants/src/config.ts';
import { schema } from '../apps/ants/src/db/index.ts';
import { moveFolderToDatabase } from '../apps/ants/src/pieces/fileStore.ts';

/**
 * `npm run files:to-database`: moves the national service's pièces from its files folder
 * (DATA_DIR/files, or FILES_DIR) into its PostgreSQL database (ANTS_DATABASE_URL or DATABASE_URL),
 * for a service leaving the embedded default. Safe to run again, and with the service running on
 * the database store (it reads in its folder what is not moved yet); not under a service still on
 * the folder store, which would lose the files moved.
 */
const url = process.env.ANTS_DATABASE_URL ?? process.env.DATABASE_URL;
if (!url) {
  console.error('ANTS_DATABASE_URL (ou DATABASE_URL) manquant : la base PostgreSQL où ranger les fichiers.');
  process.exit(2);
}
const dir = path.resolve(process.env.FILES_DIR ?? path.join(process.env.DATA_DIR ?? 'data', 'files'));
const database = await openDatabase({ schema, url, migrationsFolder: MIGRATIONS_FOLDER });
try {
  const { moved, missing } = await moveFolderToDatabase(database.db, dir);
  console.log(`${moved} fichier(s) rangé(s) dans la base depuis ${dir} ; ${missing} introuvable(s).`);
  if (missing > 0) process.exitCode = 1;
} finally {
  await database.close();
}
