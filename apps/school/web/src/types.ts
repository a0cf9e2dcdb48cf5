/**
 * The shapes the pages use, each from a contract, never typed again here: the back office's own
 * answers from @permis/school-api, what comes from the national service (préfectures, pièces,
 * declarations, legal representative) from @permis/ants-api, the places from @permis/referentiel.
 */
import type {
  Dossier as AntsDossier,
  LegalRepresentative as AntsLegalRepresentative,
  Prefecture as AntsPrefecture,
} from '@permis/ants-api';

export type {
  AdminApplicationRow,
  AdminList,
  CounterCell,
  CounterRow,
  CredentialsCheck,
  CurrentUser,
  Drift,
  NewUser,
  Office,
  OfficeForm,
  OfficeSummary,
  OnlineAction,
  OnlineApplication,
  OnlineOverview,
  Role,
  SchoolUser,
  SessionResponse,
  Student,
  StudentDocument,
  StudentSummary,
  SyncRun,
  UserRight,
  UserRightsResponse,
} from '@permis/school-api';

import type { DossierForm, onlineRoutes } from '@permis/school-api';
import type { z } from 'zod';

/** One application of a student, as the online routes name it (their path parameters). */
export type ApplicationTarget = z.input<typeof onlineRoutes.pieces.params>;

export type LegalRepresentative = AntsLegalRepresentative;

// The place fields, their check and its suggestions: the reference lists' contract (@permis/referentiel).
export type {
  FieldCheck,
  PlaceField,
  PlaceRecord,
  PlacesCheck,
  Suggestion as PlaceSuggestion,
} from '@permis/referentiel';

/**
 * The "Dossier 02 - 06" tab as stored: the paper part, the online part (every field of the national
 * contract's dossier, derived from it in the school's contract), the ePhoto codes.
 */
export type Dossier = DossierForm;

export type DeclarationKey = keyof AntsDossier['declarations'];

export type Prefecture = AntsPrefecture;

/** A pièce of an application with its files, as the national service describes it. */
export type { PieceStatus } from '@permis/ants-api';
