import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readServiceConfig, type ServiceConfig } from '@permis/platform';

const here = path.dirname(fileURLToPath(import.meta.url));
export const MIGRATIONS_FOLDER = path.resolve(here, '../drizzle');

export type AntsConfig = ServiceConfig;

export function readAntsConfig(env: NodeJS.ProcessEnv = process.env): AntsConfig {
  return readServiceConfig(
    'ants',
    {
      port: 3100,
      webDir: path.resolve(here, '../dist'),
      mailFrom: 'Agence Nationale des Titres Sécurisés <ne-pas-repondre@ants.localhost>',
    },
    env,
  );
}
