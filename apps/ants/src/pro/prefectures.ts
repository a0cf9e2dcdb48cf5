import { prefecturesResponseSchema } from '@permis/ants-api';
import type { HttpServer } from '@permis/platform';
import { prefecturesForPostalCode } from '@permis/referentiel/data';
import { z } from 'zod';
import { requireProCaller } from '../auth/proToken.ts';
import { proOperation } from '../doors/operation.ts';
import type { AntsServices } from '../services.ts';

/** The préfectures an office may attach its applications to: those of its postal code's département. */
export function prefectureRoutes(app: HttpServer, { db }: AntsServices) {
  app.get(
    '/api/pro/v1/prefectures',
    proOperation(
      {
        id: 'listPrefectures',
        summary: 'Les préfectures de rattachement possibles',
        description:
          "Celles du département du code postal de l'établissement : l'une d'elles va dans `dossier.prefectureCode`.",
        tag: 'Référentiel',
        answers: [{ description: 'Les préfectures et sous-préfectures.', schema: prefecturesResponseSchema }],
        errors: [],
      },
      {
        querystring: z.object({
          postalCode: z
            .string()
            .trim()
            .regex(/^\d{5}$/, 'Le code postal doit comporter 5 chiffres.'),
        }),
      },
    ),
    async (request) => {
      await requireProCaller(db, request);
      return { prefectures: prefecturesForPostalCode(request.query.postalCode) };
    },
  );
}
