import { route } from '@permis/platform/route';
import { z } from 'zod';
import { applicationNumberSchema, candidateSchema, pieceKindSchema } from '../applications.ts';
import { ownApplicationSchema, paymentSchema } from '../ownApplication.ts';
import {
  type EPHOTO_IMAGES,
  type EphotoImage,
  ephotoCodeRequestSchema,
  ephotoResponseSchema,
  ephotoSetSchema,
  pieceCommentSchema,
  pieceStatusSchema,
  prefecturesResponseSchema,
  uploadedPieceSchema,
} from '../responses.ts';
import { APPLICATION_STATES, APPLICATION_TYPES } from '../states.ts';
import { applicationRecapSchema } from './proSpace.ts';
import { linkTokenParams } from './session.ts';

/**
 * The candidate's space (seed 000) as its pages call it: each route's input and answer, once. The
 * server mounts these (`mount`), the pages call them (`call`): neither copies a shape.
 */

/** A line of the home's « what waits for you »: a sentence and where it leads. */
export const homeNotificationSchema = z.object({ text: z.string(), link: z.string() });
export type HomeNotification = z.infer<typeof homeNotificationSchema>;

export const candidateHomeSchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  /** The sign-in before this one (« Dernière connexion »), ISO 8601; null at the first. */
  previousLoginAt: z.string().nullable(),
  unreadMessages: z.number().int(),
  notifications: z.array(homeNotificationSchema),
});
export type CandidateHome = z.infer<typeof candidateHomeSchema>;

/** A message of « Mes messages »: what the service told the candidate of a demand. */
export const candidateMessageSchema = z.object({
  id: z.uuid(),
  subject: z.string(),
  body: z.string(),
  /** When it was sent, ISO 8601. */
  at: z.string(),
  read: z.boolean(),
  applicationNumber: z.string().nullable(),
});
export type CandidateMessage = z.infer<typeof candidateMessageSchema>;

/** The secret questions a candidate chooses from at activation (seed 000 shows the first). */
export const SECRET_QUESTIONS = [
  'Quel est le prénom de votre père ?',
  'Quel est le prénom de votre mère ?',
  'Quel est le nom de votre premier animal de compagnie ?',
  'Dans quelle ville êtes-vous allé(e) à l’école primaire ?',
  'Quel est le titre de votre livre préféré ?',
] as const;
export type SecretQuestion = (typeof SECRET_QUESTIONS)[number];

const sexSchema = z.enum(['F', 'M']);
export type Sex = z.infer<typeof sexSchema>;

/** What the activation link shows before the candidate chooses a password (« Bienvenue Pierre Martin »). */
export const activationInfoSchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  sex: sexSchema,
  secretQuestions: z.array(z.string()),
});
export type ActivationInfo = z.infer<typeof activationInfoSchema>;

const secretQuestion = z.enum(SECRET_QUESTIONS, { error: 'Choisissez une question secrète dans la liste.' });
const secretAnswer = z.string().trim().min(2, 'Indiquez la réponse à votre question secrète.').max(100);
const newPassword = { password: z.string().max(200), passwordConfirmation: z.string().max(200) };

export const activationFormSchema = z.object({
  sex: z.enum(['F', 'M'], { error: 'Indiquez votre sexe.' }),
  ...newPassword,
  secretQuestion,
  secretAnswer,
});
export type ActivationForm = z.input<typeof activationFormSchema>;

/** The candidate's identifier and their new session's CSRF token (activation, a new password). */
const signedInSchema = z.object({ loginId: z.string(), csrfToken: z.string() });
/** A sentence the page shows as it is (a mail sent, a code sent…). */
const noticeSchema = z.object({ message: z.string() });
const loginIdBody = z.object({
  loginId: z.string().trim().toLowerCase().min(1, 'Saisissez votre identifiant.').max(100),
});
/** Checked by the service, not only by the page's disabled button. */
const attestationBody = z.object({ attestation: z.boolean().optional() });
/** An account FranceConnect alone opens has no password to give. */
const currentPassword = z.string().max(200).optional();

/** « Mes données personnelles »: the identity as the agency knows it (read only), the contact, the credentials. */
export const personalDataSchema = z.object({
  identity: z.object({
    sex: sexSchema,
    birthName: z.string(),
    usageName: z.string(),
    firstName: z.string(),
    otherFirstNames: z.string(),
    birthDate: z.string(),
    birthCity: z.string(),
    birthDepartment: z.string(),
    birthCountry: z.string(),
  }),
  email: z.string(),
  /** A new address waiting for its link to be opened. */
  pendingEmail: z.string().nullable(),
  mobile: z.string(),
  /** A new number waiting for the code SMSed to it (issue 35). */
  pendingMobile: z.string().nullable(),
  loginId: z.string().nullable(),
  hasPassword: z.boolean(),
  secretQuestion: z.string().nullable(),
  secretQuestions: z.array(z.string()),
  franceConnect: z.boolean(),
});
export type PersonalData = z.infer<typeof personalDataSchema>;

/** The documents of a demand that are the candidate's (the others are the school's forms). */
export const CANDIDATE_DOCUMENTS = [
  'receipt',
  'registration_certificate',
  'registration_facsimile',
  'driving_rights',
  'photo_signature_form',
] as const;
export type CandidateDocumentKind = (typeof CANDIDATE_DOCUMENTS)[number];

/** « Mes documents »: a demand and its documents, each once it exists (`href` where it downloads). */
export const candidateDocumentsSchema = z.object({
  number: z.string(),
  type: z.enum(APPLICATION_TYPES),
  stateLabel: z.string(),
  documents: z.array(
    z.object({
      kind: z.enum(CANDIDATE_DOCUMENTS),
      label: z.string(),
      available: z.boolean(),
      reason: z.string().nullable(),
      href: z.string().nullable(),
    }),
  ),
});
export type CandidateDocuments = z.infer<typeof candidateDocumentsSchema>;

/** A line of « Mes démarches en cours ». */
export const candidateApplicationRowSchema = z.object({
  number: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  state: z.enum(APPLICATION_STATES),
  stateLabel: z.string(),
  /** Given once the registration is accepted. */
  neph: z.string().nullable(),
  canValidate: z.boolean(),
  /** The candidate's own demand (candidat libre), which they continue or complete themselves. */
  own: z.boolean(),
});
export type CandidateApplicationRow = z.infer<typeof candidateApplicationRowSchema>;

/** A candidat libre's own demand as its steps read it: its pièces and what is to pay. */
export const ownApplicationViewSchema = z.object({
  number: z.string(),
  type: z.enum(APPLICATION_TYPES),
  state: z.enum(APPLICATION_STATES),
  pieces: z.array(pieceStatusSchema),
  payment: paymentSchema,
});
export type OwnApplicationView = z.infer<typeof ownApplicationViewSchema>;

const number = applicationNumberSchema;
const applicationParams = z.object({ number });
const ownPath = '/api/candidate/own-applications';
/** An answer of 204, no body: the page receives nothing. */
const noContent = z.undefined();
const numberAndState = z.object({ number: z.string(), state: z.enum(APPLICATION_STATES) });

export const candidateSpace = {
  /** The activation link of the account a school's validation created. */
  activation: route({
    method: 'GET',
    path: '/api/candidate/activation/:token',
    params: linkTokenParams,
    response: activationInfoSchema,
  }),
  /** Activated: the identifier is mailed too, and the candidate is signed in. */
  activate: route({
    method: 'POST',
    path: '/api/candidate/activation/:token',
    params: linkTokenParams,
    body: activationFormSchema,
    response: signedInSchema,
  }),
  /** « Identifiant oublié ? »: the same answer whether or not an account matches. */
  forgottenIdentifier: route({
    method: 'POST',
    path: '/api/candidate/forgotten-identifier',
    body: z.object({
      email: z.string().trim().toLowerCase().email('Saisissez une adresse électronique valide.').max(200),
    }),
    response: noticeSchema,
    status: 202,
  }),
  /** « Mot de passe oublié ? » by a link mailed to the account's address. */
  passwordResetLink: route({
    method: 'POST',
    path: '/api/candidate/password-reset/link',
    body: loginIdBody,
    response: noticeSchema,
    status: 202,
  }),
  /** The secret question of an identifier (an unknown one gets a question too). */
  passwordResetQuestion: route({
    method: 'POST',
    path: '/api/candidate/password-reset/question',
    body: loginIdBody,
    response: z.object({ question: z.string() }),
  }),
  /** The right answer mails a reset link, as « Mot de passe oublié » by link does. */
  passwordResetAnswer: route({
    method: 'POST',
    path: '/api/candidate/password-reset/answer',
    body: loginIdBody.extend({
      secretAnswer: z.string().trim().min(1, 'Indiquez la réponse à votre question secrète.').max(100),
    }),
    response: noticeSchema,
    status: 202,
  }),
  passwordReset: route({
    method: 'GET',
    path: '/api/candidate/password-reset/:token',
    params: linkTokenParams,
    response: z.object({ firstName: z.string(), lastName: z.string(), loginId: z.string() }),
  }),
  /** The new password; the candidate is signed in (and out everywhere else). */
  resetPassword: route({
    method: 'POST',
    path: '/api/candidate/password-reset/:token',
    params: linkTokenParams,
    body: z.object(newPassword),
    response: signedInSchema,
  }),
  home: route({ method: 'GET', path: '/api/candidate/home', response: candidateHomeSchema }),
  /** « Mes messages »: newest first, with the unread count. */
  messages: route({
    method: 'GET',
    path: '/api/candidate/messages',
    response: z.object({ messages: z.array(candidateMessageSchema), unread: z.number().int() }),
  }),
  /** Opened: read. Any id but one of the candidate's own messages is "not found". */
  readMessage: route({
    method: 'POST',
    path: '/api/candidate/messages/:id/read',
    params: z.object({ id: z.uuid('Message introuvable.') }),
    response: z.object({ unread: z.number().int() }),
  }),
  personalData: route({ method: 'GET', path: '/api/candidate/personal-data', response: personalDataSchema }),
  /** A link goes to the new address; the address changes once it is opened. */
  requestEmailChange: route({
    method: 'POST',
    path: '/api/candidate/personal-data/email',
    body: z.object({
      email: z.string().trim().toLowerCase().pipe(z.email('Saisissez une adresse électronique valide.').max(200)),
    }),
    response: noticeSchema,
  }),
  /** Opened from the mail, possibly in another browser: the link is the proof, no session needed. */
  emailChange: route({
    method: 'GET',
    path: '/api/candidate/email-change/:token',
    params: linkTokenParams,
    response: z.object({ newEmail: z.string() }),
  }),
  confirmEmailChange: route({
    method: 'POST',
    path: '/api/candidate/email-change/:token',
    params: linkTokenParams,
    response: z.object({ email: z.string() }),
  }),
  /**
   * A new number gets a code by SMS (202, nothing changed yet); an empty one removes the number at
   * once (200, `{ mobile: '' }`).
   */
  changeMobile: route({
    method: 'POST',
    path: '/api/candidate/personal-data/mobile',
    body: candidateSchema.pick({ mobile: true }),
    response: z.union([
      z.object({ message: z.string(), pendingMobile: z.string() }),
      z.object({ mobile: z.literal('') }),
    ]),
    status: 202,
  }),
  confirmMobileChange: route({
    method: 'POST',
    path: '/api/candidate/personal-data/mobile/confirm',
    body: z.object({
      code: z
        .string()
        .trim()
        .regex(/^\d{6}$/, 'Saisissez le code à 6 chiffres reçu par SMS.'),
    }),
    response: z.object({ mobile: z.string() }),
  }),
  /** Every other session ends; this one goes on anew (an account FranceConnect opened gets its identifier). */
  changePassword: route({
    method: 'POST',
    path: '/api/candidate/personal-data/password',
    body: z.object({ currentPassword, ...newPassword }),
    response: signedInSchema,
  }),
  changeSecretQuestion: route({
    method: 'POST',
    path: '/api/candidate/personal-data/secret-question',
    body: z.object({ currentPassword, secretQuestion, secretAnswer }),
    response: z.object({ secretQuestion: z.string() }),
  }),
  /** Addresses (masked) under which schools made demands for this FranceConnect-vouched person. */
  otherAddresses: route({
    method: 'GET',
    path: '/api/candidate/other-addresses',
    response: z.object({ addresses: z.array(z.object({ id: z.uuid(), address: z.string() })) }),
  }),
  sendAttachLink: route({
    method: 'POST',
    path: '/api/candidate/other-addresses/:id/link',
    params: z.object({ id: z.uuid() }),
    response: noticeSchema,
    status: 202,
  }),
  /** Opened in the person's own session: the link proves the address, the session the person. */
  attachLink: route({
    method: 'GET',
    path: '/api/candidate/attach/:token',
    params: linkTokenParams,
    response: z.object({ address: z.string() }),
  }),
  attach: route({
    method: 'POST',
    path: '/api/candidate/attach/:token',
    params: linkTokenParams,
    response: z.object({ moved: z.number().int() }),
  }),
  /** « Mes documents »: every document of every demand, each once it exists. */
  documents: route({
    method: 'GET',
    path: '/api/candidate/documents',
    response: z.object({ applications: z.array(candidateDocumentsSchema) }),
  }),
  /** The sign-in page offers the FranceConnect button only where it is configured. */
  franceConnect: route({
    method: 'GET',
    path: '/api/candidate/franceconnect',
    response: z.object({ enabled: z.boolean() }),
  }),
  /** « Mes démarches en cours »: the demands made for the candidate and their own. */
  applications: route({
    method: 'GET',
    path: '/api/candidate/applications',
    response: z.object({ applications: z.array(candidateApplicationRowSchema) }),
  }),
  /** The recap of a demand in the agency's form, reviewed before it is validated. */
  application: route({
    method: 'GET',
    path: '/api/candidate/applications/:number',
    params: applicationParams,
    response: z.object({ application: applicationRecapSchema }),
  }),
  /** Validated with the sworn attestation; `photoSignatureForm`: the paper form is still to send. */
  confirm: route({
    method: 'POST',
    path: '/api/candidate/applications/:number/confirm',
    params: applicationParams,
    body: attestationBody,
    response: z.object({ number: z.string(), photoSignatureForm: z.boolean() }),
  }),
  /** The reason, if the candidate gives one, reaches the school with the state (its « Motif »). */
  refuse: route({
    method: 'POST',
    path: '/api/candidate/applications/:number/refuse',
    params: applicationParams,
    body: z
      .object({ reason: z.string().trim().max(500, 'Le motif est limité à 500 caractères.').default('') })
      .nullish(),
    response: z.object({ number: z.string() }),
  }),
  /** « Préfecture de rattachement »: those of the candidate's postal code, as for a school's. */
  prefectures: route({
    method: 'GET',
    path: '/api/candidate/prefectures',
    query: z.object({ postalCode: z.string().regex(/^\d{5}$/, 'Code postal invalide.') }),
    response: prefecturesResponseSchema,
  }),
  /** « Ajouter une demande »: a candidat libre's own draft (decision 0013). */
  createOwn: route({
    method: 'POST',
    path: ownPath,
    body: ownApplicationSchema,
    response: z.object({ number: z.string() }),
    status: 201,
  }),
  own: route({
    method: 'GET',
    path: `${ownPath}/:number`,
    params: applicationParams,
    response: ownApplicationViewSchema,
  }),
  /** One file as `multipart/form-data` (field `file`), read by the route: no JSON body. */
  ownUploadPiece: route({
    method: 'POST',
    path: `${ownPath}/:number/pieces/:kind`,
    params: z.object({ number, kind: pieceKindSchema }),
    query: z.object({ comment: pieceCommentSchema }),
    response: uploadedPieceSchema,
    status: 201,
  }),
  /** 204, no body. */
  ownDeletePieceFile: route({
    method: 'DELETE',
    path: `${ownPath}/:number/pieces/files/:fileId`,
    params: z.object({ number, fileId: z.uuid() }),
    response: noContent,
  }),
  /** « Photo / Signature »: the ePhoto code a booth or an approved photographer gave. */
  ownEphoto: route({
    method: 'GET',
    path: `${ownPath}/:number/ephoto`,
    params: applicationParams,
    response: ephotoResponseSchema,
  }),
  ownSetEphoto: route({
    method: 'PUT',
    path: `${ownPath}/:number/ephoto`,
    params: applicationParams,
    body: ephotoCodeRequestSchema,
    response: ephotoSetSchema,
  }),
  /** 204, no body. */
  ownDeleteEphoto: route({
    method: 'DELETE',
    path: `${ownPath}/:number/ephoto`,
    params: applicationParams,
    response: noContent,
  }),
  /** « Confirmation »: sent to instruction with the sworn attestation and the required pièces. */
  ownSubmit: route({
    method: 'POST',
    path: `${ownPath}/:number/submit`,
    params: applicationParams,
    body: attestationBody,
    response: numberAndState,
  }),
  /** The complement the agent asked for, sent by the candidate who holds the demand. */
  ownComplete: route({
    method: 'POST',
    path: `${ownPath}/:number/complete`,
    params: applicationParams,
    response: numberAndState,
  }),
  ownWithdraw: route({
    method: 'POST',
    path: `${ownPath}/:number/withdraw`,
    params: applicationParams,
    response: z.object({ number: z.string() }),
  }),
};

const ownEphotoImage = <const I extends EphotoImage>(image: I) =>
  ({ path: `${ownPath}/:number/ephoto/${image}`, params: applicationParams }) as const;

/**
 * What the browser opens itself: streamed files and downloads (not JSON, so no answer schema) and
 * the FranceConnect round trip. Their addresses and parameters are declared here all the same, for
 * the server's routes and the pages' links.
 */
export const candidateLinks = {
  pieceFile: {
    path: '/api/candidate/applications/:number/pieces/files/:fileId',
    params: z.object({ number, fileId: z.uuid() }),
  },
  document: {
    path: '/api/candidate/applications/:number/documents/:kind',
    params: z.object({ number, kind: z.enum(CANDIDATE_DOCUMENTS) }),
  },
  ownEphotoPhoto: ownEphotoImage('photo'),
  ownEphotoSignature: ownEphotoImage('signature'),
  /** « Télécharger mes données » (RGPD, right of access): a JSON file to keep. */
  personalDataExport: { path: '/api/candidate/personal-data/export', params: z.object({}) },
  /** « S'identifier avec FranceConnect »: a redirection to FranceConnect and back. */
  franceConnectLogin: { path: '/api/candidate/franceconnect/login', params: z.object({}) },
} as const satisfies Record<string, { path: string; params: z.ZodObject }>;

/** The two ePhoto images of a candidat libre's own demand, by image. */
export const OWN_EPHOTO_IMAGES = {
  photo: candidateLinks.ownEphotoPhoto,
  signature: candidateLinks.ownEphotoSignature,
} as const satisfies Record<(typeof EPHOTO_IMAGES)[number], unknown>;
