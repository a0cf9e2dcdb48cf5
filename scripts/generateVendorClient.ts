import { writeFileSync } from 'node:fs';
import { startAnts } from '../apps/ants/test/harness.ts';
import { typesOf } from '../packages/vendor-client/src/document.ts';

// The vendor client's types (packages/vendor-client/src/openapi.d.ts), from the document as the
// service publishes it, on an app started on a fresh test database.
const ants = await startAnts();
try {
  const document = (await ants.app.inject({ method: 'GET', url: '/api/pro/v1/openapi.json' })).json();
  writeFileSync(new URL('../packages/vendor-client/src/openapi.d.ts', import.meta.url), await typesOf(document));
} finally {
  await ants.close();
}
