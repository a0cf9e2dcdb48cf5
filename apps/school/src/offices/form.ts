import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max).default('');

/** The office form of Espace Dirigeant › Paramètres › Bureaux (address and "Agrément pour Cerfa"). */
export const officeForm = z.object({
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
  prefectureCode: text(10),
  prefectureName: text(100),
});

export type OfficeForm = z.infer<typeof officeForm>;
