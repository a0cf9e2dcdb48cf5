import {
  type ApplicationState,
  type ApplicationType,
  type DocumentKind,
  inStateSet,
  STATE_SETS,
} from '@permis/ants-api';

export { DOCUMENT_KINDS, type DocumentKind } from '@permis/ants-api';

export const DOCUMENT_LABELS: Record<DocumentKind, { label: string; help: string }> = {
  medical_opinion: { label: 'Avis médical', help: 'Cerfa n°14880*01 - PERMIS DE CONDUIRE - AVIS MÉDICAL' },
  photo_signature_form: { label: 'Formulaire dépôt photo signature', help: '' },
  receipt: { label: 'Justificatif de la demande', help: '' },
  driving_rights: { label: 'Attestation des droits à conduire', help: '' },
  registration_certificate: { label: 'Attestation dépôt inscription au permis', help: '' },
  registration_facsimile: { label: 'Facsimilé inscription au permis', help: '' },
  cancellation_statement: { label: "Relevé d'information pour annulation", help: '' },
  invalidation_statement: { label: "Relevé d'information pour invalidation", help: '' },
};

export type AvailabilityFacts = {
  type: ApplicationType;
  state: ApplicationState;
  hasEphoto: boolean;
  /** A "Copie du jugement d'annulation" was sent: the candidate re-registers after losing a licence. */
  hasCancellationJudgment: boolean;
};

/** Whether the paper photo-signature form is the way for this application: no ePhoto, and a Cerfa 02 (seed 002). */
export function needsPhotoSignatureForm(type: ApplicationType, hasEphoto: boolean): boolean {
  return type === '02' && !hasEphoto;
}

/** Whether a document exists yet for an application, and if not, why (in French). */
export function availability(kind: DocumentKind, facts: AvailabilityFacts): { available: boolean; reason?: string } {
  const no = (reason: string) => ({ available: false, reason });
  if (inStateSet('erased', facts.state)) return no('La demande a été supprimée.');
  switch (kind) {
    case 'medical_opinion':
      return { available: true };
    case 'photo_signature_form':
      if (needsPhotoSignatureForm(facts.type, facts.hasEphoto)) return { available: true };
      return facts.hasEphoto
        ? no('Une ePhoto est associée à la demande.')
        : no('Le formulaire ne concerne que les demandes d’inscription (Cerfa 02).');
    case 'receipt':
      return STATE_SETS.sent.includes(facts.state)
        ? { available: true }
        : no('La demande n’a pas encore été transmise.');
    case 'registration_certificate':
      if (facts.type !== '02') return no('Document réservé aux demandes d’inscription (Cerfa 02).');
      return STATE_SETS.sent.includes(facts.state)
        ? { available: true }
        : no('La demande n’a pas encore été transmise.');
    case 'registration_facsimile':
      if (facts.type !== '02') return no('Document réservé aux demandes d’inscription (Cerfa 02).');
      return inStateSet('granted', facts.state) ? { available: true } : no('L’inscription n’est pas encore acceptée.');
    case 'driving_rights':
      if (facts.type !== '06') return no('Document réservé aux demandes de titre (Cerfa 06).');
      return inStateSet('granted', facts.state)
        ? { available: true }
        : no('La demande de titre n’est pas encore acceptée.');
    case 'cancellation_statement':
    case 'invalidation_statement':
      return facts.hasCancellationJudgment
        ? { available: true }
        : no('Aucune décision d’annulation ou d’invalidation n’est jointe à la demande.');
  }
}
