import path from 'node:path';
import { ensurePageBuilt } from './pages.ts';

/** `npm run build`: both services' pages, each rebuilt only when its sources changed (scripts/pages.ts). */
const root = path.resolve(import.meta.dirname, '..');
for (const app of ['ants', 'school']) {
  const built = await ensurePageBuilt({ appDir: path.join(root, `apps/${app}`) });
  console.log(built ? `Page de « ${app} » construite.` : `Page de « ${app} » à jour : rien à construire.`);
}
