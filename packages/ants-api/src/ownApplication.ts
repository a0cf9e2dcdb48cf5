import { z } from 'zod';
import { candidateSchema, dossierSchema, legalRepresentativeSchema } from './applications.ts';
import { MOTIFS, type Motif } from './newApplication.ts';

/**
 * « Ajouter une demande » of the candidate's space (seed 000): a candidat libre's own demand. The
 * identity is their account's (the État civil step shows it); they give the motif, their address
 * and contact, and the dossier, under the same rules as a school's demand (decision 0013).
 */
export const OWN_MOTIFS = ['first', 'extension', 'title'] as const satisfies readonly Motif[];

export const ownApplicationSchema = z.object({
  motif: z.enum(OWN_MOTIFS, { error: 'Choisissez le motif de votre demande.' }),
  candidate: candidateSchema.pick({
    addressLine1: true,
    addressLine2: true,
    postalCode: true,
    city: true,
    mobile: true,
  }),
  legalRepresentative: legalRepresentativeSchema.nullable().default(null),
  dossier: dossierSchema,
  /**
   * Born abroad, FranceConnect gives the country and no town: the candidate names it once (kept on
   * the account). Ignored when the account has a birth town.
   */
  birthCity: z.string().trim().max(100).optional(),
});
export type OwnApplication = z.input<typeof ownApplicationSchema>;

export const ownApplicationType = (motif: (typeof OWN_MOTIFS)[number]) => MOTIFS[motif].type;

/** « Paiement »: what a motif costs. Nothing is taken online: the step says what is due and how. */
export const paymentSchema = z.discriminatedUnion('due', [
  z.object({ due: z.literal(false), message: z.string() }),
  z.object({ due: z.literal(true), euros: z.number(), message: z.string() }),
]);
export type Payment = z.infer<typeof paymentSchema>;

/**
 * A registration to the licence (Cerfa 02, first licence or another category) costs nothing, nor
 * the first title after the exam (Cerfa 06); the timbre fiscal (25 €) is due only to renew a
 * licence its holder cannot present, lost or stolen (docs/rules.md), a motif the online demand does
 * not offer.
 */
export function paymentFor(motif: (typeof OWN_MOTIFS)[number]): Payment {
  if (motif === 'title') {
    return {
      due: false,
      message:
        "Aucun paiement n'est dû : le premier titre après la réussite à l'examen est gratuit. Un timbre fiscal n'est demandé que pour remplacer un permis perdu ou volé.",
    };
  }
  return {
    due: false,
    message:
      "Aucun paiement n'est dû : l'inscription au permis de conduire est gratuite. Un timbre fiscal n'est demandé que pour remplacer un permis perdu ou volé.",
  };
}

/** Where a school's name is shown (agents' console, recap), for a candidat libre's own demand. */
export const OWN_HOLDER_LABEL = 'Candidat libre (sans école de conduite)';
