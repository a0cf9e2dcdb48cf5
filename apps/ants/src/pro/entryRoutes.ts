import { applicationNumberSchema, newApplicationStepSchemas } from '@permis/ants-api';
import type { HttpServer } from '@permis/platform';
import { prefecturesForPostalCode } from '@permis/referentiel/data';
import { z } from 'zod';
import { requirePro } from '../auth/context.ts';
import type { AntsServices } from '../services.ts';
import { entriesInProgress, getEntry, SAVED_STEPS, saveEntryStep, startEntry } from './entries.ts';

const entryParams = z.object({ id: z.uuid() });

/** "Nouvelle demande" on the professional space: an entry saved on the agency at each step. */
export function entryRoutes(app: HttpServer, ctx: AntsServices) {
  const { db } = ctx;
  const proSession = { config: { access: 'proSession' } } as const;

  // An empty entry, or the Cerfa 06 of an accepted Cerfa 02 (`fromNumber`).
  app.post(
    '/api/pro/web/entries',
    { ...proSession, schema: { body: z.object({ fromNumber: applicationNumberSchema.optional() }).optional() } },
    async (request, reply) =>
      reply.status(201).send({
        entry: await startEntry(db, (await requirePro(ctx, request)).id, request.body?.fromNumber),
      }),
  );

  app.get('/api/pro/web/entries', proSession, async (request) => ({
    entries: await entriesInProgress(db, (await requirePro(ctx, request)).id),
  }));

  // The préfectures the office may attach a demand to (those of its postal code, as the API's list).
  app.get('/api/pro/web/prefectures', proSession, async (request) => ({
    prefectures: prefecturesForPostalCode((await requirePro(ctx, request)).postalCode),
  }));

  app.get('/api/pro/web/entries/:id', { ...proSession, schema: { params: entryParams } }, async (request) => ({
    entry: await getEntry(db, (await requirePro(ctx, request)).id, request.params.id),
  }));

  for (const step of SAVED_STEPS) {
    app.put(
      `/api/pro/web/entries/:id/${step}`,
      { ...proSession, schema: { params: entryParams, body: newApplicationStepSchemas[step] } },
      async (request) => ({
        entry: await saveEntryStep(db, await requirePro(ctx, request), request.params.id, step, request.body),
      }),
    );
  }
}
