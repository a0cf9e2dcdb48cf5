import { route } from '@permis/platform/route';
import { z } from 'zod';
import {
  applicationNumberSchema,
  candidateViewSchema,
  dossierSchema,
  heldApplicationSchema,
  legalRepresentativeSchema,
} from '../applications.ts';
import { newApplicationStepSchemas, type SavedStep } from '../newApplication.ts';
import { prefecturesResponseSchema } from '../responses.ts';
import { atDoor, schoolOperations } from '../schoolOperations.ts';
import { APPLICATION_STATES, APPLICATION_TYPES, TRANSFERRED } from '../states.ts';
import { linkTokenParams, loginResultSchema } from './session.ts';

/**
 * The school's professional space (`/api/pro/web`, signed in with its Cerfa agrément, login and
 * password) as its pages call it: each route's input and answer, once. The operations it shares
 * with the professional API are the ones of schoolOperations.ts, at this door's prefix.
 */
export const PRO_SPACE_PREFIX = '/api/pro/web';

const isoDate = z.iso.date('Date invalide (AAAA-MM-JJ).');
const schoolViewState = z.enum([...APPLICATION_STATES, TRANSFERRED]);

/** "Tableau de bord": filters of the school's demands, as the page's address holds them. */
export const dashboardQuerySchema = z.object({
  type: z.enum(APPLICATION_TYPES).optional(),
  state: schoolViewState.optional(),
  /** A number (or its beginning), or a part of the candidate's name. */
  q: z.string().trim().max(100, 'La recherche est limitée à 100 caractères.').optional(),
  createdFrom: isoDate.optional(),
  createdTo: isoDate.optional(),
  sort: z.enum(['updated', 'created', 'number', 'name']).default('updated'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type DashboardQuery = z.output<typeof dashboardQuerySchema>;

/** A line of the dashboard; a handed-over demand has no candidate name. */
export const dashboardRowSchema = z.object({
  number: z.string(),
  type: z.enum(APPLICATION_TYPES),
  state: schoolViewState,
  stateLabel: z.string(),
  candidateName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DashboardRow = z.infer<typeof dashboardRowSchema>;

export const proDashboardSchema = z.object({
  /** The seed's counters per Cerfa type, each a filter of the list. */
  counters: z.array(
    z.object({
      type: z.enum(APPLICATION_TYPES),
      counters: z.array(
        z.object({ state: schoolViewState, label: z.string(), meaning: z.string(), count: z.number().int() }),
      ),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  rows: z.array(dashboardRowSchema),
});
export type ProDashboard = z.infer<typeof proDashboardSchema>;

/** "Modifier le mot de passe" of the signed-in user. */
export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1, 'Saisissez votre mot de passe actuel.').max(200),
  password: z.string().max(200),
  passwordConfirmation: z.string().max(200),
});

/**
 * The recap of a demand in the agency's form (seed 000): the school's « Relisez-vous ! » before its
 * validation, and the candidate's review before theirs (each reads the state in its own words).
 */
export const applicationRecapSchema = z.object({
  number: z.string(),
  type: z.enum(APPLICATION_TYPES),
  typeLabel: z.string(),
  state: z.enum(APPLICATION_STATES),
  stateLabel: z.string(),
  neph: z.string().nullable(),
  canValidate: z.boolean(),
  school: z.string(),
  prefecture: z.string(),
  candidate: candidateViewSchema,
  legalRepresentative: legalRepresentativeSchema.nullable(),
  dossier: dossierSchema,
  paperMandate: z.boolean(),
  ephotoCode: z.string().nullable(),
  medicalVisitNeeded: z.boolean(),
  photoSignatureForm: z.boolean(),
  /** The pièces with files, and their files. */
  pieces: z.array(
    z.object({
      label: z.string(),
      pages: z.number().int(),
      maxPages: z.number().int(),
      files: z.array(z.object({ id: z.string(), fileName: z.string() })),
    }),
  ),
});
export type ApplicationRecap = z.infer<typeof applicationRecapSchema>;

const steps = newApplicationStepSchemas;
/** The steps an entry saved, as the service answers them (the mobile already normalised). */
export const savedStepsSchema = z.object({
  mandate: steps.mandate.optional(),
  motif: steps.motif.optional(),
  civilStatus: steps.civilStatus.optional(),
  address: steps.address.extend({ candidate: steps.address.shape.candidate.extend({ mobile: z.string() }) }).optional(),
  dossier: steps.dossier.optional(),
} satisfies Record<SavedStep, z.ZodType>);

/** "Nouvelle demande": an entry saved on the agency at each step. */
export const applicationEntrySchema = z.object({
  id: z.uuid(),
  steps: savedStepsSchema,
  /** The draft the entry became once its dossier was saved; null before. */
  application: heldApplicationSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ApplicationEntry = z.infer<typeof applicationEntrySchema>;
const entryAnswer = z.object({ entry: applicationEntrySchema });

/** A line of "Demandes en cours de saisie". */
export const entrySummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  typeLabel: z.string(),
  updatedAt: z.string(),
});
export type EntrySummary = z.infer<typeof entrySummarySchema>;

const entryParams = z.object({ id: z.uuid() });
const saveEntryStep = <const S extends SavedStep>(step: S) =>
  route({
    method: 'PUT',
    path: `/api/pro/web/entries/:id/${step}`,
    params: entryParams,
    body: newApplicationStepSchemas[step],
    response: entryAnswer,
  });

const name = (label: string) =>
  z.string().trim().min(1, `Indiquez le ${label}.`).max(60, `Le ${label} ne doit pas dépasser 60 caractères.`);

/** « Ajouter un utilisateur »: who they are and the login they will sign in with. */
export const proUserInvitationSchema = z.object({
  login: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,40}$/, "L'identifiant compte de 3 à 40 caractères : lettres sans accent, chiffres, . _ -"),
  firstName: name('prénom'),
  lastName: name('nom').transform((v) => v.toUpperCase()),
  email: z.string().trim().toLowerCase().max(254).email("L'adresse électronique n'est pas valide."),
});
export type ProUserInvitation = z.input<typeof proUserInvitationSchema>;

/** A user of the establishment, in « Comptes de l'établissement ». */
export const proUserViewSchema = z.object({
  id: z.uuid(),
  login: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  manager: z.boolean(),
  /** invited: the link was sent, no password chosen yet. */
  status: z.enum(['active', 'invited', 'disabled']),
  lastLoginAt: z.string().nullable(),
  you: z.boolean(),
});
export type ProUserView = z.infer<typeof proUserViewSchema>;

/** What an invitation link shows before the invited user chooses a password. */
export const proInvitationInfoSchema = z.object({
  schoolName: z.string(),
  agrementNumber: z.string(),
  login: z.string(),
  firstName: z.string(),
  lastName: z.string(),
});
export type ProInvitationInfo = z.infer<typeof proInvitationInfoSchema>;

const userParams = z.object({ userId: z.uuid('Utilisateur introuvable.') });
const done = z.object({ ok: z.literal(true) });
const userAction = <const A extends 'invitation' | 'disable' | 'enable'>(action: A) =>
  route({ method: 'POST', path: `/api/pro/web/users/:userId/${action}`, params: userParams, response: done });

/** The operations shared with the professional API, at the space's prefix. */
const shared = <const K extends keyof typeof schoolOperations>(id: K) => atDoor(PRO_SPACE_PREFIX, schoolOperations[id]);

export const proSpace = {
  /** "Tableau de bord": counters, search, sort and pages of the school's demands. */
  dashboard: route({
    method: 'GET',
    path: '/api/pro/web/applications',
    query: dashboardQuerySchema,
    response: proDashboardSchema,
  }),
  /** Every bearer token of the account is revoked, every other session ends; this one goes on anew. */
  changePassword: route({
    method: 'POST',
    path: '/api/pro/web/account/password',
    body: passwordChangeSchema,
    response: z.object({ revokedTokens: z.number().int(), csrfToken: z.string() }),
  }),
  application: shared('getApplication'),
  history: shared('getApplicationHistory'),
  /** "Modifier la demande": the whole body of a draft, checked as a creation is. */
  updateDraft: shared('updateApplication'),
  deleteApplication: shared('deleteApplication'),
  validate: shared('validateApplication'),
  complete: shared('completeApplication'),
  transfer: shared('transferApplication'),
  /** "Récapitulatif": the demand in the agency's form, reread before the school validates it. */
  recap: route({
    method: 'GET',
    path: '/api/pro/web/applications/:number/recap',
    params: z.object({ number: applicationNumberSchema }),
    response: z.object({ application: applicationRecapSchema }),
  }),
  pieces: shared('listPieces'),
  uploadPiece: shared('uploadPieceFile'),
  pieceFile: shared('downloadPieceFile'),
  deletePieceFile: shared('deletePieceFile'),
  ephoto: shared('getEphoto'),
  ephotoPhoto: shared('getEphotoPhoto'),
  ephotoSignature: shared('getEphotoSignature'),
  setEphoto: shared('setEphoto'),
  deleteEphoto: shared('deleteEphoto'),
  documents: shared('listDocuments'),
  document: shared('downloadDocument'),
  /** A new entry; `fromNumber`: the Cerfa 06 of that accepted Cerfa 02, filled in from it. */
  startEntry: route({
    method: 'POST',
    path: '/api/pro/web/entries',
    body: z.object({ fromNumber: applicationNumberSchema.optional() }).optional(),
    response: entryAnswer,
    status: 201,
  }),
  entries: route({
    method: 'GET',
    path: '/api/pro/web/entries',
    response: z.object({ entries: z.array(entrySummarySchema) }),
  }),
  entry: route({ method: 'GET', path: '/api/pro/web/entries/:id', params: entryParams, response: entryAnswer }),
  /** Each saved step of an entry, at its own address. */
  saveEntryStep: {
    mandate: saveEntryStep('mandate'),
    motif: saveEntryStep('motif'),
    civilStatus: saveEntryStep('civilStatus'),
    address: saveEntryStep('address'),
    dossier: saveEntryStep('dossier'),
  } satisfies Record<SavedStep, unknown>,
  /** The préfectures the office may attach a demand to (those of its postal code, as the API's list). */
  prefectures: route({ method: 'GET', path: '/api/pro/web/prefectures', response: prefecturesResponseSchema }),
  /** « Comptes de l'établissement » (the manager's): the agrément's users, invitations, disabling. */
  users: route({
    method: 'GET',
    path: '/api/pro/web/users',
    response: z.object({ users: z.array(proUserViewSchema) }),
  }),
  inviteUser: route({
    method: 'POST',
    path: '/api/pro/web/users',
    body: proUserInvitationSchema,
    response: z.object({ user: proUserViewSchema }),
    status: 201,
  }),
  resendInvitation: userAction('invitation'),
  disableUser: userAction('disable'),
  enableUser: userAction('enable'),
  /** The page of an invitation link (no session yet), where the invited user chooses a password. */
  invitation: route({
    method: 'GET',
    path: '/api/pro/invitations/:token',
    params: linkTokenParams,
    response: proInvitationInfoSchema,
  }),
  acceptInvitation: route({
    method: 'POST',
    path: '/api/pro/invitations/:token',
    params: linkTokenParams,
    body: z.object({ password: z.string().max(200), passwordConfirmation: z.string().max(200) }),
    response: loginResultSchema,
  }),
};
