import { EPHOTO_IMAGES, sendEphotoImage } from '../applications/attachedEphoto.ts';
import { findOwnApplication } from '../applications/find.ts';
import { attachedEphoto, removeEphoto, setEphoto } from '../ephoto/schoolEphoto.ts';
import { schoolOperation } from './schoolOperation.ts';

export const getEphoto = schoolOperation('getEphoto', {
  doc: {
    summary: "Lire l'ePhoto de la demande",
    tag: 'ePhoto',
    answer: 'Le code ePhoto associé, ou null.',
    errors: ['NOT_FOUND'],
  },
  run: async ({ db }, school, request) => ({
    ephoto: await attachedEphoto(db, (await findOwnApplication(db, school.id, request.params.number)).id),
  }),
});

export const getEphotoImages = EPHOTO_IMAGES.map((image) =>
  schoolOperation(image === 'photo' ? 'getEphotoPhoto' : 'getEphotoSignature', {
    doc: {
      summary: image === 'photo' ? "La photo de l'ePhoto" : "La signature de l'ePhoto",
      tag: 'ePhoto',
      answer: "L'image prise par la cabine.",
      errors: ['NOT_FOUND', 'EPHOTO_MISSING'],
    },
    run: async ({ db }, school, request, reply) =>
      sendEphotoImage(db, reply, (await findOwnApplication(db, school.id, request.params.number)).id, image),
  }),
);

/** Add or replace the code of a draft. A code serves one application only, ever. */
export const setEphotoOperation = schoolOperation('setEphoto', {
  doc: {
    summary: 'Ajouter ou remplacer le code ePhoto',
    description: "Sur un brouillon ; un code ne sert qu'à une demande, et reste la photo de son candidat.",
    tag: 'ePhoto',
    body: true,
    answer: 'Le code associé.',
    errors: ['NOT_FOUND', 'TRANSITION_REFUSED', 'EPHOTO_UNKNOWN', 'EPHOTO_ALREADY_USED', 'EPHOTO_EXPIRED'],
  },
  run: async ({ db }, school, request) => ({
    ephoto: { code: await setEphoto(db, school, request.params.number, request.body.code) },
  }),
});

export const deleteEphoto = schoolOperation('deleteEphoto', {
  doc: {
    summary: 'Retirer le code ePhoto',
    tag: 'ePhoto',
    answer: 'Le code est rendu à son titulaire.',
    errors: ['NOT_FOUND', 'TRANSITION_REFUSED', 'EPHOTO_MISSING'],
  },
  run: async ({ db }, school, request) => {
    await removeEphoto(db, school, request.params.number);
    return { ok: true as const };
  },
});

/** The ePhoto of a school's demand: its code, its two images, adding and removing the code. */
export const EPHOTO_OPERATIONS = [getEphoto, ...getEphotoImages, setEphotoOperation, deleteEphoto];
