import {
  type Agent,
  type AgentApplication,
  type AgentApplicationRow,
  type AgentPiece,
  type AgentQueueState,
  type ApplicationEntry,
  type ApplicationRecap,
  agentFiles,
  agentSpace,
  type CandidateAccount,
  type CandidateHome,
  type CandidateMessage,
  type CreateApplication,
  candidateSpace,
  type EntrySummary,
  type FailedDelivery,
  type LoginResult,
  type NewApplicationStepInput,
  type OwnApplication,
  type Payment,
  type PieceStatus,
  type Prefecture,
  type ProAccount,
  type ProDashboard,
  type ProInvitationInfo,
  type PieceFile as ProPieceFile,
  type ProUserInvitation,
  type ProUserView,
  proSpace,
  type SavedStep,
  type SessionInfo,
  sessionRoutes,
} from '@permis/ants-api';
import { type Answer, type CallInput, pathOf, searchOf } from '@permis/platform/route';
import type { z } from 'zod';

export type {
  Agent,
  AgentApplication,
  AgentApplicationRow,
  AgentPiece,
  AgentQueueState,
  ApplicationEntry,
  ApplicationRecap,
  CandidateHome,
  CandidateMessage,
  EntrySummary,
  FailedDelivery,
  LoginResult,
  Prefecture,
  ProAccount,
  ProDashboard,
  ProInvitationInfo,
  ProUserInvitation,
  ProUserView,
  SessionInfo,
};
/** A signed-in candidate (`loginId` is null for an account only FranceConnect opens). */
export type Candidate = CandidateAccount;

import { createWebClient } from '@permis/web-client';

/** The JSON API of the national service: same origin, cookie session, CSRF token on state-changing requests. */

export { ApiError, asApiError, type FieldError } from '@permis/web-client';

export const NETWORK_ERROR_MESSAGE = 'Le service ne répond pas. Veuillez réessayer dans quelques instants.';

const client = createWebClient({ networkMessage: NETWORK_ERROR_MESSAGE });
/** Remembers the CSRF token of the current session (from the login or session route). */
export const setCsrfToken = client.setCsrfToken;
export const apiRequest = client.request;
export const apiUpload = client.upload;
/** Calls a route of a contract (`@permis/ants-api`): its input and answer typed from it. */
export const apiCall = client.call;

export type PersonalData = {
  identity: {
    sex: 'F' | 'M';
    birthName: string;
    usageName: string;
    firstName: string;
    otherFirstNames: string;
    birthDate: string;
    birthCity: string;
    birthDepartment: string;
    birthCountry: string;
  };
  email: string;
  pendingEmail: string | null;
  mobile: string;
  /** A new number waiting for the code SMSed to it (issue 35). */
  pendingMobile: string | null;
  loginId: string | null;
  hasPassword: boolean;
  secretQuestion: string | null;
  secretQuestions: string[];
  franceConnect: boolean;
};
export type CandidateDocuments = {
  number: string;
  type: '02' | '06';
  stateLabel: string;
  documents: { kind: string; label: string; available: boolean; reason: string | null; href: string | null }[];
};

export type Sex = 'F' | 'M';

/** What the activation link shows before the candidate chooses a password. */
export type ActivationInfo = { firstName: string; lastName: string; sex: Sex; secretQuestions: string[] };

export type ActivationForm = {
  sex: Sex;
  password: string;
  passwordConfirmation: string;
  secretQuestion: string;
  secretAnswer: string;
};

/** A line of "Mes démarches en cours". */
export type CandidateApplicationRow = {
  number: string;
  firstName: string;
  lastName: string;
  createdAt: string;
  updatedAt: string;
  state: string;
  stateLabel: string;
  /** Given once the registration is accepted. */
  neph: string | null;
  canValidate: boolean;
  /** The candidate's own demand (candidat libre). */
  own: boolean;
};

export type PieceFile = { id: string; fileName: string };
export type Piece = { label: string; pages: number; maxPages: number; files: PieceFile[] };

/** The recap of an application in the agency's form: the candidate's review, the school's "Relisez-vous !". */
export type CandidateApplication = ApplicationRecap;

export const api = {
  proLogin: (body: BodyOf<typeof sessionRoutes.proLogin>) => apiCall(sessionRoutes.proLogin, { body }),
  agentLogin: (body: BodyOf<typeof sessionRoutes.agentLogin>) => apiCall(sessionRoutes.agentLogin, { body }),
  candidateLogin: (body: BodyOf<typeof sessionRoutes.candidateLogin>) =>
    apiCall(sessionRoutes.candidateLogin, { body }),
  activation: (token: string) => apiRequest<ActivationInfo>(`/api/candidate/activation/${encodeURIComponent(token)}`),
  activate: (token: string, body: ActivationForm) =>
    apiRequest<{ loginId: string; csrfToken: string }>(`/api/candidate/activation/${encodeURIComponent(token)}`, {
      method: 'POST',
      body,
    }),
  forgottenIdentifier: (email: string) =>
    apiRequest<{ message: string }>('/api/candidate/forgotten-identifier', { method: 'POST', body: { email } }),
  passwordResetLink: (loginId: string) =>
    apiRequest<{ message: string }>('/api/candidate/password-reset/link', { method: 'POST', body: { loginId } }),
  secretQuestion: (loginId: string) =>
    apiRequest<{ question: string }>('/api/candidate/password-reset/question', { method: 'POST', body: { loginId } }),
  answerSecretQuestion: (loginId: string, secretAnswer: string) =>
    apiRequest<{ message: string }>('/api/candidate/password-reset/answer', {
      method: 'POST',
      body: { loginId, secretAnswer },
    }),
  passwordReset: (token: string) =>
    apiRequest<{ firstName: string; lastName: string; loginId: string }>(passwordResetPath(token)),
  resetPassword: (token: string, body: { password: string; passwordConfirmation: string }) =>
    apiRequest<{ loginId: string; csrfToken: string }>(passwordResetPath(token), { method: 'POST', body }),
  candidateHome: () => apiCall(candidateSpace.home),
  personalData: () => apiRequest<PersonalData>('/api/candidate/personal-data'),
  requestEmailChange: (body: { email: string }) =>
    apiRequest<{ message: string }>('/api/candidate/personal-data/email', { method: 'POST', body }),
  /** Addresses (masked) under which schools made demands for this FranceConnect-vouched person. */
  otherAddresses: () => apiRequest<{ addresses: { id: string; address: string }[] }>('/api/candidate/other-addresses'),
  sendAttachLink: (id: string) =>
    apiRequest<{ message: string }>(`/api/candidate/other-addresses/${encodeURIComponent(id)}/link`, {
      method: 'POST',
    }),
  attachLink: (token: string) => apiRequest<{ address: string }>(`/api/candidate/attach/${encodeURIComponent(token)}`),
  attach: (token: string) =>
    apiRequest<{ moved: number }>(`/api/candidate/attach/${encodeURIComponent(token)}`, { method: 'POST' }),
  emailChange: (token: string) =>
    apiRequest<{ newEmail: string }>(`/api/candidate/email-change/${encodeURIComponent(token)}`),
  confirmEmailChange: (token: string) =>
    apiRequest<{ email: string }>(`/api/candidate/email-change/${encodeURIComponent(token)}`, { method: 'POST' }),
  /** A new number gets a code by SMS (202, nothing changed yet); an empty one removes the number at once. */
  changeMobile: (body: { mobile: string }) =>
    apiRequest<{ message: string; pendingMobile: string } | { mobile: '' }>('/api/candidate/personal-data/mobile', {
      method: 'POST',
      body,
    }),
  confirmMobileChange: (body: { code: string }) =>
    apiRequest<{ mobile: string }>('/api/candidate/personal-data/mobile/confirm', { method: 'POST', body }),
  changeCandidatePassword: (body: { currentPassword?: string; password: string; passwordConfirmation: string }) =>
    apiRequest<{ loginId: string; csrfToken: string }>('/api/candidate/personal-data/password', {
      method: 'POST',
      body,
    }),
  changeSecretQuestion: (body: { currentPassword?: string; secretQuestion: string; secretAnswer: string }) =>
    apiRequest<{ secretQuestion: string }>('/api/candidate/personal-data/secret-question', { method: 'POST', body }),
  candidateDocuments: () => apiRequest<{ applications: CandidateDocuments[] }>('/api/candidate/documents'),
  franceConnect: () => apiRequest<{ enabled: boolean }>('/api/candidate/franceconnect'),
  /** « Mes messages »: newest first, with the unread count. */
  candidateMessages: () => apiCall(candidateSpace.messages),
  readCandidateMessage: (id: string) => apiCall(candidateSpace.readMessage, { params: { id } }),
  candidateApplications: () => apiRequest<{ applications: CandidateApplicationRow[] }>('/api/candidate/applications'),
  candidateApplication: (number: string) =>
    apiRequest<{ application: CandidateApplication }>(candidateApplicationPath(number)),
  confirmApplication: (number: string) =>
    apiRequest<{ number: string; photoSignatureForm: boolean }>(`${candidateApplicationPath(number)}/confirm`, {
      method: 'POST',
      body: { attestation: true },
    }),
  refuseApplication: (number: string, reason: string) =>
    apiRequest<{ number: string }>(`${candidateApplicationPath(number)}/refuse`, {
      method: 'POST',
      body: { reason },
    }),
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
  candidatePrefectures: (postalCode: string) =>
    apiRequest<{ prefectures: Prefecture[] }>(
      `/api/candidate/prefectures?postalCode=${encodeURIComponent(postalCode)}`,
    ),
  ownApplication: (number: string) =>
    apiRequest<OwnApplicationView>(`${OWN_APPLICATIONS}/${encodeURIComponent(number)}`),
  createOwnApplication: (body: OwnApplication) =>
    apiRequest<{ number: string }>(OWN_APPLICATIONS, { method: 'POST', body }),
  ownApplicationEphoto: (number: string) => OWN_EPHOTO.get(number),
  submitOwnApplication: (number: string) =>
    apiRequest<{ number: string; state: string }>(`${OWN_APPLICATIONS}/${encodeURIComponent(number)}/submit`, {
      method: 'POST',
      body: { attestation: true },
    }),
  completeOwnApplication: (number: string) =>
    apiRequest<{ number: string; state: string }>(`${OWN_APPLICATIONS}/${encodeURIComponent(number)}/complete`, {
      method: 'POST',
    }),
  withdrawOwnApplication: (number: string) =>
    apiRequest<{ number: string }>(`${OWN_APPLICATIONS}/${encodeURIComponent(number)}/withdraw`, { method: 'POST' }),
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

const passwordResetPath = (token: string) => `/api/candidate/password-reset/${encodeURIComponent(token)}`;

/** The address of a candidate's application in the API; the files and documents are under it. */
export function candidateApplicationPath(number: string): string {
  return `/api/candidate/applications/${encodeURIComponent(number)}`;
}

/** The address of a demand in the professional space's API; its pièces, ePhoto and documents are under it. */
const OWN_APPLICATIONS = '/api/candidate/own-applications';

export type OwnApplicationView = {
  number: string;
  type: '02' | '06';
  state: string;
  pieces: PieceStatus[];
  payment: Payment;
};

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
    apiUpload<{ file: ProPieceFile }>(
      `${OWN_APPLICATIONS}/${encodeURIComponent(number)}/pieces/${encodeURIComponent(kind)}?comment=${encodeURIComponent(comment)}`,
      file,
    ),
  remove: (number, fileId) =>
    apiRequest<void>(`${OWN_APPLICATIONS}/${encodeURIComponent(number)}/pieces/files/${encodeURIComponent(fileId)}`, {
      method: 'DELETE',
    }),
  filePath: (number, fileId) =>
    `/api/candidate/applications/${encodeURIComponent(number)}/pieces/files/${encodeURIComponent(fileId)}`,
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

const ownPath = (number: string) => `${OWN_APPLICATIONS}/${encodeURIComponent(number)}`;
export const OWN_EPHOTO: EphotoDoor = {
  get: (number) => apiRequest<{ ephoto: ProEphoto | null }>(`${ownPath(number)}/ephoto`),
  set: (number, code) => apiRequest<unknown>(`${ownPath(number)}/ephoto`, { method: 'PUT', body: { code } }),
  remove: (number) => apiRequest<void>(`${ownPath(number)}/ephoto`, { method: 'DELETE' }),
  imagePath: (number, image) => `${ownPath(number)}/ephoto/${image}`,
  formPath: (number) => `${candidateApplicationPath(number)}/documents/photo_signature_form`,
};

export function proApplicationPath(number: string): string {
  return pathOf(proSpace.application.path, { number });
}

/** Where a document of a demand of the professional space is downloaded. */
export function proDocumentPath(number: string, kind: ProDocument['kind']): string {
  return pathOf(proSpace.document.path, { number, kind });
}

export type ProEphoto = NonNullable<Answer<typeof proSpace.ephoto>['ephoto']>;
export type ProDocument = Answer<typeof proSpace.documents>['documents'][number];

/** The address of a file an agent opens from a dossier (streamed, not JSON), its parameters from the contract. */
export function agentFilePath<F extends keyof typeof agentFiles>(
  file: F,
  params: z.input<(typeof agentFiles)[F]['params']>,
): string {
  return pathOf(agentFiles[file].path, params);
}
