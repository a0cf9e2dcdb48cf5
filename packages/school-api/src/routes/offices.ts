import { prefectureSchema } from '@permis/ants-api';
import { route } from '@permis/platform/route';
import { z } from 'zod';

/**
 * Offices. Every user sees their names and addresses; the "Agrément pour Cerfa" block belongs to
 * Espace Dirigeant › Paramètres › Bureaux. The ANTS password never leaves the server: only whether one is set.
 */

const text = (max: number) => z.string().trim().max(max).default('');

/** The office form of Espace Dirigeant › Paramètres › Bureaux (address and "Agrément pour Cerfa"). */
export const officeFormSchema = z.object({
  name: z.string().trim().min(1, 'Indiquez le nom du bureau.').max(100),
  addressLine: text(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, 'Le code postal doit comporter 5 chiffres.')
    .default(''),
  city: text(100),
  phone: text(20),
  cerfaAgrement: text(20).transform((v) => v.toUpperCase()),
  antsLogin: text(100),
  /** Empty keeps the stored password: it is never shown back. */
  antsPassword: z.string().max(200).default(''),
  /** The préfecture of rattachement, by its code (its name is the list's: « Préfecture de Rennes »). */
  prefectureCode: text(10),
});
export type OfficeForm = z.infer<typeof officeFormSchema>;

/** An office as the dirigeant sets it up. */
export const officeSchema = z.object({
  id: z.string(),
  name: z.string(),
  addressLine: z.string(),
  postalCode: z.string(),
  city: z.string(),
  phone: z.string(),
  cerfaAgrement: z.string().nullable(),
  antsLogin: z.string().nullable(),
  hasAntsPassword: z.boolean(),
  prefectureCode: z.string().nullable(),
  prefectureName: z.string().nullable(),
  /** What the national service said of the credentials when last saved; null: not asked yet. */
  antsCredentialsCheck: z.enum(['accepted', 'refused']).nullable(),
  antsCredentialsCheckedAt: z.iso.datetime().nullable(),
  /** When the national service last told this office something (a push or a completed update). */
  antsLastHeardAt: z.iso.datetime().nullable(),
  /** Where the national service pushes this office's changes, once registered. */
  webhookUrl: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Office = z.infer<typeof officeSchema>;

/** What every user sees of an office. */
export const officeSummarySchema = officeSchema
  .pick({ id: true, name: true, addressLine: true, postalCode: true, city: true })
  .extend({
    /** Whether its Agrément pour Cerfa is complete (needed for online applications). */
    hasAgrement: z.boolean(),
  });
export type OfficeSummary = z.infer<typeof officeSummarySchema>;

/** The national service's answer to the credentials just saved. */
export const CREDENTIALS_CHECKS = ['accepted', 'refused', 'unreachable', 'incomplete'] as const;
export type CredentialsCheck = (typeof CREDENTIALS_CHECKS)[number];

const officeParams = z.object({ id: z.uuid() });

export const officeRoutes = {
  /** Every user: the offices' names and addresses. */
  list: route({ method: 'GET', path: '/api/offices', response: z.object({ offices: z.array(officeSummarySchema) }) }),
  /** The dirigeant: the offices with their Agrément pour Cerfa. */
  setup: route({
    method: 'GET',
    path: '/api/dirigeant/offices',
    response: z.object({ offices: z.array(officeSchema) }),
  }),
  create: route({
    method: 'POST',
    path: '/api/dirigeant/offices',
    body: officeFormSchema,
    response: z.object({ office: officeSchema }),
    status: 201,
  }),
  /** Saved credentials are tried at once on the national service, and the push registered. */
  update: route({
    method: 'PUT',
    path: '/api/dirigeant/offices/:id',
    params: officeParams,
    body: officeFormSchema,
    response: z.object({
      office: officeSchema,
      webhook: z.enum(['registered', 'pending', 'none']),
      credentials: z.enum(CREDENTIALS_CHECKS),
    }),
  }),
  /** "Mettre à jour la liste des préfectures", with the credentials as typed. */
  prefectures: route({
    method: 'POST',
    path: '/api/dirigeant/offices/:id/prefectures',
    params: officeParams,
    body: officeFormSchema.pick({ postalCode: true, cerfaAgrement: true, antsLogin: true, antsPassword: true }),
    response: z.object({ prefectures: z.array(prefectureSchema) }),
  }),
};
