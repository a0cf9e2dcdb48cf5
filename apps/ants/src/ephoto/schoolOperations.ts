import {
  applicationNumberSchema,
  deletedSchema,
  ephotoCodeRequestSchema,
  ephotoResponseSchema,
  ephotoSetSchema,
} from '@permis/ants-api';
import { z } from 'zod';
import { findOwnApplication } from '../applications/find.ts';
import { schoolOperation } from '../pro/schoolOperation.ts';
import { EPHOTO_IMAGES, sendEphotoImage } from './attached.ts';
import { attachedEphoto, removeEphoto, setEphoto } from './schoolEphoto.ts';

const params = z.object({ number: applicationNumberSchema });

export const getEphoto = schoolOperation({
  method: 'GET',
  path: '/applications/:number/ephoto',
  doc: {
    id: 'getEphoto',
    summary: "Lire l'ePhoto de la demande",
    tag: 'ePhoto',
    answers: [{ description: 'Le code ePhoto associé, ou null.', schema: ephotoResponseSchema }],
    errors: ['NOT_FOUND'],
  },
  input: { params },
  run: async ({ db }, school, request) => ({
    ephoto: await attachedEphoto(db, (await findOwnApplication(db, school.id, request.params.number)).id),
  }),
});

export const getEphotoImages = EPHOTO_IMAGES.map((image) =>
  schoolOperation({
    method: 'GET',
    path: `/applications/:number/ephoto/${image}`,
    doc: {
      id: image === 'photo' ? 'getEphotoPhoto' : 'getEphotoSignature',
      summary: image === 'photo' ? "La photo de l'ePhoto" : "La signature de l'ePhoto",
      tag: 'ePhoto',
      answers: [{ description: "L'image prise par la cabine.", mediaTypes: ['image/jpeg', 'image/png'] }],
      errors: ['NOT_FOUND', 'EPHOTO_MISSING'],
    },
    input: { params },
    run: async ({ db }, school, request, reply) =>
      sendEphotoImage(db, reply, (await findOwnApplication(db, school.id, request.params.number)).id, image),
  }),
);

/** Add or replace the code of a draft. A code serves one application only, ever. */
export const setEphotoOperation = schoolOperation({
  method: 'PUT',
  path: '/applications/:number/ephoto',
  doc: {
    id: 'setEphoto',
    summary: 'Ajouter ou remplacer le code ePhoto',
    description: "Sur un brouillon ; un code ne sert qu'à une demande, et reste la photo de son candidat.",
    tag: 'ePhoto',
    body: true,
    answers: [{ description: 'Le code associé.', schema: ephotoSetSchema }],
    errors: ['NOT_FOUND', 'TRANSITION_REFUSED', 'EPHOTO_UNKNOWN', 'EPHOTO_ALREADY_USED', 'EPHOTO_EXPIRED'],
  },
  input: { params, body: ephotoCodeRequestSchema },
  run: async ({ db }, school, request) => ({
    ephoto: { code: await setEphoto(db, school, request.params.number, request.body.code) },
  }),
});

export const deleteEphoto = schoolOperation({
  method: 'DELETE',
  path: '/applications/:number/ephoto',
  doc: {
    id: 'deleteEphoto',
    summary: 'Retirer le code ePhoto',
    tag: 'ePhoto',
    answers: [{ description: 'Le code est rendu à son titulaire.', schema: deletedSchema }],
    errors: ['NOT_FOUND', 'TRANSITION_REFUSED', 'EPHOTO_MISSING'],
  },
  input: { params },
  run: async ({ db }, school, request) => {
    await removeEphoto(db, school, request.params.number);
    return { ok: true as const };
  },
});

/** The ePhoto of a school's demand: its code, its two images, adding and removing the code. */
export const EPHOTO_OPERATIONS = [getEphoto, ...getEphotoImages, setEphotoOperation, deleteEphoto];
