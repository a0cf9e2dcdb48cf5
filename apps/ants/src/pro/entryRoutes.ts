import { proSpace } from '@permis/ants-api';
import { type HttpServer, mount } from '@permis/platform';
import { prefecturesForPostalCode } from '@permis/referentiel/data';
import { requirePro } from '../auth/context.ts';
import type { AntsServices } from '../services.ts';
import { entriesInProgress, getEntry, SAVED_STEPS, saveEntryStep, startEntry } from './entries.ts';

/** "Nouvelle demande" on the professional space: an entry saved on the agency at each step. */
export function entryRoutes(app: HttpServer, ctx: AntsServices) {
  const { db } = ctx;
  const proSession = { access: 'proSession' };

  // An empty entry, or the Cerfa 06 of an accepted Cerfa 02 (`fromNumber`).
  mount(app, proSpace.startEntry, proSession, async (request) => ({
    entry: await startEntry(db, (await requirePro(ctx, request)).id, request.body?.fromNumber),
  }));

  mount(app, proSpace.entries, proSession, async (request) => ({
    entries: await entriesInProgress(db, (await requirePro(ctx, request)).id),
  }));

  // The préfectures the office may attach a demand to (those of its postal code, as the API's list).
  mount(app, proSpace.prefectures, proSession, async (request) => ({
    prefectures: prefecturesForPostalCode((await requirePro(ctx, request)).postalCode),
  }));

  mount(app, proSpace.entry, proSession, async (request) => ({
    entry: await getEntry(db, (await requirePro(ctx, request)).id, request.params.id),
  }));

  for (const step of SAVED_STEPS) {
    mount(app, proSpace.saveEntryStep[step], proSession, async (request) => ({
      entry: await saveEntryStep(db, await requirePro(ctx, request), request.params.id, step, request.body),
    }));
  }
}
