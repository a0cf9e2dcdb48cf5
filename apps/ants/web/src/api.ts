import type {
  ActivationForm,
  ActivationInfo,
  Agent,
  AgentApplication,
  AgentApplicationRow,
  AgentPiece,
  AgentQueueState,
  AntsErrorCode,
  ApplicationEntry,
  ApplicationRecap,
  CandidateAccount,
  CandidateApplicationRow,
  CandidateDocuments,
  CandidateHome,
  CandidateMessage,
  CreateApplication,
  EntrySummary,
  FailedDelivery,
  LoginResult,
  NewApplicationStepInput,
  OwnApplication,
  OwnApplicationView,
  PersonalData,
  PieceStatus,
  Prefecture,
  ProAccount,
  ProDashboard,
  ProInvitationInfo,
  PieceFile as ProPieceFile,
  ProUserInvitation,
  ProUserView,
  SavedStep,
  SecretQuestion,
  SessionInfo,
  Sex,
} from '@permis/ants-api';
// The routes without their schemas: the pages' bundle carries no zod (issue 37).
import {
  agentFiles,
  agentSpace,
  candidateLinks,
  candidateSpace,
  proSpace,
  sessionRoutes,
} from '@permis/ants-api/addresses';
import { type Answer, type CallInput, type LinkParams, pathOf, searchOf } from '@permis/platform/route';

export type {
  ActivationForm,
  ActivationInfo,
  Agent,
  AgentApplication,
  AgentApplicationRow,
  AgentPiece,
  AgentQueueState,
  ApplicationEntry,
  ApplicationRecap,
  CandidateApplicationRow,
  CandidateDocuments,
  CandidateHome,
  CandidateMessage,
  EntrySummary,
  FailedDelivery,
  LoginResult,
  OwnApplicationView,
  PersonalData,
  Prefecture,
  ProAccount,
  ProDashboard,
  ProInvitationInfo,
  ProUserInvitation,
  ProUserView,
  SecretQuestion,
  SessionInfo,
  Sex,
};
/** A signed-in candidate (`loginId` is null for an account only FranceConnect opens). */
export type Candidate = CandidateAccount;

import { createWebClient } from '@permis/web-client';

/** The JSON API of the national service: same origin, cookie session, CSRF token on state-changing requests. */

import { ApiError as AnyApiError, asApiError as anyApiError } from '@permis/web-client';

export type { FieldError } from '@permis/web-client';
/** An error of the national service: its code is one of the contract's (ANTS_ERRORS), or the page's own. */
export type ApiError = AnyApiError<AntsErrorCode>;
export const ApiError = AnyApiError;
/** Any thrown value as the service's error, with a French message to show. */
export const asApiError = (error: unknown): ApiError => anyApiError(error) as ApiError;

export const NETWORK_ERROR_MESSAGE = 'Le service ne répond pas. Veuillez réessayer dans quelques instants.';

const client = createWebClient({ networkMessage: NETWORK_ERROR_MESSAGE });
/** Remembers the CSRF token of the current session (from the login or session route). */
export const setCsrfToken = client.setCsrfToken;
export const apiRequest = client.request;
export const apiUpload = client.upload;
/** Calls a route of a contract (`@permis/ants-api`): its input and answer typed from it. */
export const apiCall = client.call;

/** A pièce of a recap, with its files. */
export type Piece = ApplicationRecap['pieces'][number];
export type PieceFile = Piece['files'][number];

/** The recap of an application in the agency's form: the candidate's review, the school's "Relisez-vous !". */
export type CandidateApplication = ApplicationRecap;

export const api = {
  proLogin: (body: BodyOf<typeof sessionRoutes.proLogin>) => apiCall(sessionRoutes.proLogin, { body }),
  agentLogin: (body: BodyOf<typeof sessionRoutes.agentLogin>) => apiCall(sessionRoutes.agentLogin, { body }),
  candidateLogin: (body: BodyOf<typeof sessionRoutes.candidateLogin>) =>
    apiCall(sessionRoutes.candidateLogin, { body }),
  activation: (token: string) => apiCall(candidateSpace.activation, { params: { token } }),
  activate: (token: string, body: ActivationForm) => apiCall(candidateSpace.activate, { params: { token }, body }),
  forgottenIdentifier: (email: string) => apiCall(candidateSpace.forgottenIdentifier, { body: { email } }),
  passwordResetLink: (loginId: string) => apiCall(candidateSpace.passwordResetLink, { body: { loginId } }),
  secretQuestion: (loginId: string) => apiCall(candidateSpace.passwordResetQuestion, { body: { loginId } }),
  answerSecretQuestion: (loginId: string, secretAnswer: string) =>
    apiCall(candidateSpace.passwordResetAnswer, { body: { loginId, secretAnswer } }),
  passwordReset: (token: string) => apiCall(candidateSpace.passwordReset, { params: { token } }),
  resetPassword: (token: string, body: BodyOf<typeof candidateSpace.resetPassword>) =>
    apiCall(candidateSpace.resetPassword, { params: { token }, body }),
  candidateHome: () => apiCall(candidateSpace.home),
  personalData: () => apiCall(candidateSpace.personalData),
  requestEmailChange: (body: BodyOf<typeof candidateSpace.requestEmailChange>) =>
    apiCall(candidateSpace.requestEmailChange, { body }),
  /** Addresses (masked) under which schools made demands for this FranceConnect-vouched person. */
  otherAddresses: () => apiCall(candidateSpace.otherAddresses),
  sendAttachLink: (id: string) => apiCall(candidateSpace.sendAttachLink, { params: { id } }),
  attachLink: (token: string) => apiCall(candidateSpace.attachLink, { params: { token } }),
  attach: (token: string) => apiCall(candidateSpace.attach, { params: { token } }),
  emailChange: (token: string) => apiCall(candidateSpace.emailChange, { params: { token } }),
  confirmEmailChange: (token: string) => apiCall(candidateSpace.confirmEmailChange, { params: { token } }),
  /** A new number gets a code by SMS (202, nothing changed yet); an empty one removes the number at once. */
  changeMobile: (body: BodyOf<typeof candidateSpace.changeMobile>) => apiCall(candidateSpace.changeMobile, { body }),
  confirmMobileChange: (body: BodyOf<typeof candidateSpace.confirmMobileChange>) =>
    apiCall(candidateSpace.confirmMobileChange, { body }),
  changeCandidatePassword: (body: BodyOf<typeof candidateSpace.changePassword>) =>
    apiCall(candidateSpace.changePassword, { body }),
  changeSecretQuestion: (body: BodyOf<typeof candidateSpace.changeSecretQuestion>) =>
    apiCall(candidateSpace.changeSecretQuestion, { body }),
  candidateDocuments: () => apiCall(candidateSpace.documents),
  franceConnect: () => apiCall(candidateSpace.franceConnect),
  /** « Mes messages »: newest first, with the unread count. */
  candidateMessages: () => apiCall(candidateSpace.messages),
  readCandidateMessage: (id: string) => apiCall(candidateSpace.readMessage, { params: { id } }),
  candidateApplications: () => apiCall(candidateSpace.applications),
  candidateApplication: (number: string) => apiCall(candidateSpace.application, { params: { number } }),
  confirmApplication: (number: string) =>
    apiCall(candidateSpace.confirm, { params: { number }, body: { attestation: true } }),
  refuseApplication: (number: string, reason: string) =>
    apiCall(candidateSpace.refuse, { params: { number }, body: { reason } }),
  agentApplications: (state: AgentQueueState) => apiCall(agentSpace.applications, { query: { state } }),
  agentApplication: (number: string) => apiCall(agentSpace.application, { params: { number } }),
  requestCompletion: (number: string, body: CallInput<typeof agentSpace.requestCompletion>['body']) =>
    apiCall(agentSpace.requestCompletion, { params: { number }, body }),
  rejectApplication: (number: string, reason: string) =>
    apiCall(agentSpace.reject, { params: { number }, body: { reason } }),
  acceptApplication: (number: string) => apiCall(agentSpace.accept, { params: { number } }),
  failedDeliveries: () => apiCall(agentSpace.deliveries),
  retryDelivery: ({ channel, id }: Pick<FailedDelivery, 'channel' | 'id'>) =>
    apiCall(agentSpace.retryDelivery, { params: { channel, id } }),
  /**
   * "Tableau de bord" of the school's professional space: `query` as in the page's address, which
   * the user may have typed: the service checks it (an unknown filter answers its French message).
   */
  proDashboard: (query: string) =>
    apiCall(proSpace.dashboard, {
      query: Object.fromEntries(new URLSearchParams(query)) as CallInput<typeof proSpace.dashboard>['query'],
    }),
  changeProPassword: (body: BodyOf<typeof proSpace.changePassword>) => apiCall(proSpace.changePassword, { body }),
  /** "Modifier la demande": the whole body of a draft, checked as a creation is. */
  updateDraft: (number: string, body: CreateApplication) => apiCall(proSpace.updateDraft, { params: { number }, body }),
  proAction: (number: string, action: keyof typeof PRO_ACTIONS) => apiCall(PRO_ACTIONS[action], { params: { number } }),
  proTransfer: (body: BodyOf<typeof proSpace.transfer>) => apiCall(proSpace.transfer, { body }),
  proApplication: (number: string) => apiCall(proSpace.application, { params: { number } }),
  /** "Nouvelle demande": an entry saved on the agency at each step. */
  /** A new entry; `fromNumber`: the Cerfa 06 of that accepted Cerfa 02, filled in from it. */
  startEntry: (fromNumber?: string) => apiCall(proSpace.startEntry, { body: fromNumber ? { fromNumber } : {} }),
  entriesInProgress: () => apiCall(proSpace.entries),
  entry: (id: string) => apiCall(proSpace.entry, { params: { id } }),
  saveEntryStep: <S extends SavedStep>(id: string, step: S, body: NewApplicationStepInput<S>) =>
    // The step's contract and its body go together (S): widened to any step's, which the compiler can follow.
    apiCall(proSpace.saveEntryStep[step] as (typeof proSpace.saveEntryStep)[SavedStep], {
      params: { id },
      body: body as NewApplicationStepInput<SavedStep>,
    }),
  proPrefectures: () => apiCall(proSpace.prefectures),
  proRecap: (number: string) => apiCall(proSpace.recap, { params: { number } }),
  proPieces: (number: string) => apiCall(proSpace.pieces, { params: { number } }),
  uploadPiece: (number: string, kind: string, file: File, comment: string) =>
    apiUpload<Answer<typeof proSpace.uploadPiece>>(
      `${pathOf(proSpace.uploadPiece.path, { number, kind })}${searchOf({ comment })}`,
      file,
    ),
  deletePieceFile: (number: string, fileId: string) =>
    apiCall(proSpace.deletePieceFile, { params: { number, fileId } }),
  candidatePrefectures: (postalCode: string) => apiCall(candidateSpace.prefectures, { query: { postalCode } }),
  ownApplication: (number: string) => apiCall(candidateSpace.own, { params: { number } }),
  createOwnApplication: (body: OwnApplication) => apiCall(candidateSpace.createOwn, { body }),
  ownApplicationEphoto: (number: string) => OWN_EPHOTO.get(number),
  submitOwnApplication: (number: string) =>
    apiCall(candidateSpace.ownSubmit, { params: { number }, body: { attestation: true } }),
  completeOwnApplication: (number: string) => apiCall(candidateSpace.ownComplete, { params: { number } }),
  withdrawOwnApplication: (number: string) => apiCall(candidateSpace.ownWithdraw, { params: { number } }),
  proEphoto: (number: string) => apiCall(proSpace.ephoto, { params: { number } }),
  setEphoto: (number: string, code: string) => apiCall(proSpace.setEphoto, { params: { number }, body: { code } }),
  removeEphoto: (number: string) => apiCall(proSpace.deleteEphoto, { params: { number } }),
  proDocuments: (number: string) => apiCall(proSpace.documents, { params: { number } }),
  /** « Comptes de l'établissement » (the manager's): the agrément's users, invitations, disabling. */
  proUsers: () => apiCall(proSpace.users),
  inviteProUser: (body: ProUserInvitation) => apiCall(proSpace.inviteUser, { body }),
  proUserAction: (userId: string, action: keyof typeof PRO_USER_ACTIONS) =>
    apiCall(PRO_USER_ACTIONS[action], { params: { userId } }),
  proInvitation: (token: string) => apiCall(proSpace.invitation, { params: { token } }),
  acceptProInvitation: (token: string, body: BodyOf<typeof proSpace.acceptInvitation>) =>
    apiCall(proSpace.acceptInvitation, { params: { token }, body }),
  proHistory: (number: string) => apiCall(proSpace.history, { params: { number } }),
  session: () => apiCall(sessionRoutes.session),
  /** `redirect`: the session came from FranceConnect, whose logout follows. */
  logout: () => apiCall(sessionRoutes.logout),
};

/** What a route of a contract takes as its body. */
type BodyOf<C extends Parameters<typeof apiCall>[0]> = CallInput<C> extends { body: infer B } ? B : never;

/** The actions of a demand's page, each its operation of the professional space. */
const PRO_ACTIONS = {
  validate: proSpace.validate,
  complete: proSpace.complete,
  delete: proSpace.deleteApplication,
};

const PRO_USER_ACTIONS = {
  invitation: proSpace.resendInvitation,
  disable: proSpace.disableUser,
  enable: proSpace.enableUser,
};

/** The address of a file or link the browser opens itself in the candidate's space, its parameters from the contract. */
export function candidateLinkPath<L extends keyof typeof candidateLinks>(
  link: L,
  params: LinkParams<(typeof candidateLinks)[L]>,
): string {
  return pathOf(candidateLinks[link].path, params as Record<string, string>);
}

/** Where a demand's pièces are read, sent and removed: the school's professional space, or the candidat libre's own demand. */
export type PiecesDoor = {
  list: (number: string) => Promise<{ pieces: PieceStatus[] }>;
  upload: (number: string, kind: string, file: File, comment: string) => Promise<{ file: ProPieceFile }>;
  remove: (number: string, fileId: string) => Promise<unknown>;
  filePath: (number: string, fileId: string) => string;
};

export const PRO_PIECES: PiecesDoor = {
  list: (number) => api.proPieces(number),
  upload: (number, kind, file, comment) => api.uploadPiece(number, kind, file, comment),
  remove: (number, fileId) => api.deletePieceFile(number, fileId),
  filePath: (number, fileId) => pathOf(proSpace.pieceFile.path, { number, fileId }),
};

export const OWN_PIECES: PiecesDoor = {
  list: async (number) => ({ pieces: (await api.ownApplication(number)).pieces }),
  upload: (number, kind, file, comment) =>
    apiUpload<Answer<typeof candidateSpace.ownUploadPiece>>(
      `${pathOf(candidateSpace.ownUploadPiece.path, { number, kind })}${searchOf({ comment })}`,
      file,
    ),
  remove: (number, fileId) => apiCall(candidateSpace.ownDeletePieceFile, { params: { number, fileId } }),
  filePath: (number, fileId) => candidateLinkPath('pieceFile', { number, fileId }),
};

/** Where a demand's ePhoto is read, set and removed: the school's professional space, or the candidat libre's own demand. */
export type EphotoDoor = {
  get: (number: string) => Promise<{ ephoto: ProEphoto | null }>;
  set: (number: string, code: string) => Promise<unknown>;
  remove: (number: string) => Promise<unknown>;
  imagePath: (number: string, image: 'photo' | 'signature') => string;
  /** The paper photo-signature form, for a Cerfa 02 without an ePhoto. */
  formPath: (number: string) => string;
};

export const PRO_EPHOTO: EphotoDoor = {
  get: (number) => api.proEphoto(number),
  set: (number, code) => api.setEphoto(number, code),
  remove: (number) => api.removeEphoto(number),
  imagePath: (number, image) =>
    pathOf((image === 'photo' ? proSpace.ephotoPhoto : proSpace.ephotoSignature).path, { number }),
  formPath: (number) => proDocumentPath(number, 'photo_signature_form'),
};

export const OWN_EPHOTO: EphotoDoor = {
  get: (number) => apiCall(candidateSpace.ownEphoto, { params: { number } }),
  set: (number, code) => apiCall(candidateSpace.ownSetEphoto, { params: { number }, body: { code } }),
  remove: (number) => apiCall(candidateSpace.ownDeleteEphoto, { params: { number } }),
  imagePath: (number, image) =>
    candidateLinkPath(image === 'photo' ? 'ownEphotoPhoto' : 'ownEphotoSignature', { number }),
  formPath: (number) => candidateLinkPath('document', { number, kind: 'photo_signature_form' }),
};

/** Where a document of a demand of the professional space is downloaded. */
export function proDocumentPath(number: string, kind: ProDocument['kind']): string {
  return pathOf(proSpace.document.path, { number, kind });
}

export type ProEphoto = NonNullable<Answer<typeof proSpace.ephoto>['ephoto']>;
export type ProDocument = Answer<typeof proSpace.documents>['documents'][number];

/** The address of a file an agent opens from a dossier (streamed, not JSON), its parameters from the contract. */
export function agentFilePath<F extends keyof typeof agentFiles>(
  file: F,
  params: LinkParams<(typeof agentFiles)[F]>,
): string {
  return pathOf(agentFiles[file].path, params as Record<string, string>);
}
