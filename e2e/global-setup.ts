import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSystem } from '../scripts/system.ts';

/** Starts the whole system once for the browser tests, on fresh databases with the demo data. */
export default async function globalSetup() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'permis-e2e-'));
  const system = await startSystem({
    dataDir,
    antsPort: 3110,
    schoolPort: 3210,
    smtpPort: 1035,
    mailWebPort: 1090,
    franceConnectPort: 3310,
    seedDemo: true,
    logLevel: 'warn',
  });
  return async () => {
    await system.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
