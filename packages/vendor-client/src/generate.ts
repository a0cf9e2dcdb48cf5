import { writeFileSync } from 'node:fs';
import { startAnts } from '../../../apps/ants/test/harness.ts';
import { typesOf } from './document.ts';

// The document as the service publishes it, from an app started on a fresh test database.
const ants = await startAnts();
try {
  const document = (await ants.app.inject({ method: 'GET', url: '/api/pro/v1/openapi.json' })).json();
  writeFileSync(new URL('./openapi.d.ts', import.meta.url), await typesOf(document));
} finally {
  await ants.close();
}
