import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSystem } from '../scripts/system.ts';
import { E2E_PORTS } from './ports.ts';

/** Starts the whole system once for the browser tests, on fresh databases with the demo data. */
export default async function globalSetup() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'permis-e2e-'));
  const system = await startSystem({
    dataDir,
    antsPort: E2E_PORTS.ants,
    schoolPort: E2E_PORTS.school,
    smtpPort: E2E_PORTS.smtp,
    mailWebPort: E2E_PORTS.mailWeb,
    franceConnectPort: E2E_PORTS.franceConnect,
    seedDemo: true,
    logLevel: 'warn',
  });
  return async () => {
    await system.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
