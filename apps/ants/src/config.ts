import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readServiceConfig, type ServiceConfig } from '@permis/platform';

const here = path.dirname(fileURLToPath(import.meta.url));
export const MIGRATIONS_FOLDER = path.resolve(here, '../drizzle');

export type AntsConfig = ServiceConfig & {
  /** Where the pièces justificatives' files are kept (DATA_DIR/files). */
  filesDir: string;
};

export function readAntsConfig(env: NodeJS.ProcessEnv = process.env): AntsConfig {
  const base = readServiceConfig(
    'ants',
    {
      port: 3100,
      webDir: path.resolve(here, '../dist'),
      mailFrom: 'Agence Nationale des Titres Sécurisés <ne-pas-repondre@ants.localhost>',
    },
    env,
  );
  return { ...base, filesDir: path.join(base.dataDir, 'files') };
}
