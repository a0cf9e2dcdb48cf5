import {
  type AgentApplication,
  type AgentApplicationRow,
  type AgentPiece,
  type AgentQueueState,
  agentFiles,
  agentSpace,
  type CandidateHome,
  type CandidateMessage,
  type CreateApplication,
  candidateSpace,
  type DocumentKind,
  type FailedDelivery,
  type HeldApplication,
  type HistoryEntry,
  type NewApplicationStepInput,
  type OwnApplication,
  type Payment,
  type PieceStatus,
  type Prefecture,
  type PieceFile as ProPieceFile,
  type SavedStep,
} from '@permis/ants-api';
import { type CallInput, pathOf } from '@permis/platform/route';
import type { z } from 'zod';

export type { AgentApplication, AgentApplicationRow, AgentPiece, AgentQueueState, FailedDelivery, Prefecture };

import { createWebClient } from '@permis/web-client';
import type { ApplicationRecap as RecapOf } from '../../src/applications/recap.ts';
import type { ProDashboard } from '../../src/pro/dashboard.ts';
import type { ApplicationEntry, EntrySummary } from '../../src/pro/entries.ts';
import type { ProUserView } from '../../src/pro/users.ts';

export type { ApplicationEntry, CandidateHome, CandidateMessage, EntrySummary, ProDashboard, ProUserView };
export type ApplicationRecap = RecapOf;

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

/** The signed-in user of the professional space and their establishment (`id` is the establishment's). */
export type ProAccount = {
  id: string;
  agrementNumber: string;
  schoolName: string;
  city: string;
  login: string;
  firstName: string;
  lastName: string;
  email: string;
  manager: boolean;
};
export type ProUserInvitation = { login: string; firstName: string; lastName: string; email: string };
/** What an invitation link shows before the invited user chooses a password. */
export type ProInvitationInfo = {
  schoolName: string;
  agrementNumber: string;
  login: string;
  firstName: string;
  lastName: string;
};
export type Agent = { id: string; login: string; firstName: string; lastName: string; service: string };

/** `loginId` is null for an account only FranceConnect opens. */
export type Candidate = { id: string; loginId: string | null; firstName: string; lastName: string };
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

export type SessionInfo =
  | { kind: 'pro'; account: ProAccount; csrfToken: string }
  | { kind: 'agent'; agent: Agent; csrfToken: string }
  | { kind: 'candidate'; candidate: Candidate; csrfToken: string };

export type LoginResult = { kind: 'pro' | 'agent' | 'candidate'; csrfToken: string };

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
  proLogin: (body: { agrementNumber: string; login: string; password: string }) =>
    apiRequest<LoginResult>('/api/pro/login', { method: 'POST', body }),
  agentLogin: (body: { login: string; password: string }) =>
    apiRequest<LoginResult>('/api/agent/login', { method: 'POST', body }),
  candidateLogin: (body: { loginId: string; password: string }) =>
    apiRequest<LoginResult>('/api/candidate/login', { method: 'POST', body }),
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
  /** "Tableau de bord" of the school's professional space: `query` as in the page's address. */
  proDashboard: (query: string) => apiRequest<ProDashboard>(`/api/pro/web/applications${query}`),
  changeProPassword: (body: { currentPassword: string; password: string; passwordConfirmation: string }) =>
    apiRequest<{ revokedTokens: number; csrfToken: string }>('/api/pro/web/account/password', { method: 'POST', body }),
  /** "Modifier la demande": the whole body of a draft, checked as a creation is. */
  updateDraft: (number: string, body: CreateApplication) =>
    apiRequest<{ application: HeldApplication }>(proApplicationPath(number), { method: 'PUT', body }),
  proAction: (number: string, action: 'validate' | 'complete' | 'delete') =>
    apiRequest<{ application: HeldApplication }>(
      `/api/pro/web/applications/${encodeURIComponent(number)}${action === 'delete' ? '' : `/${action}`}`,
      { method: action === 'delete' ? 'DELETE' : 'POST' },
    ),
  proTransfer: (body: {
    number: string;
    holderAgrementNumber: string;
    candidate: { birthName: string; firstName: string; birthDate: string };
  }) => apiRequest<{ application: HeldApplication }>('/api/pro/web/transfers', { method: 'POST', body }),
  proApplication: (number: string) =>
    apiRequest<{ application: HeldApplication }>(`/api/pro/web/applications/${encodeURIComponent(number)}`),
  /** "Nouvelle demande": an entry saved on the agency at each step. */
  /** A new entry; `fromNumber`: the Cerfa 06 of that accepted Cerfa 02, filled in from it. */
  startEntry: (fromNumber?: string) =>
    apiRequest<{ entry: ApplicationEntry }>('/api/pro/web/entries', {
      method: 'POST',
      body: fromNumber ? { fromNumber } : {},
    }),
  entriesInProgress: () => apiRequest<{ entries: EntrySummary[] }>('/api/pro/web/entries'),
  entry: (id: string) => apiRequest<{ entry: ApplicationEntry }>(`/api/pro/web/entries/${encodeURIComponent(id)}`),
  saveEntryStep: <S extends SavedStep>(id: string, step: S, body: NewApplicationStepInput<S>) =>
    apiRequest<{ entry: ApplicationEntry }>(`/api/pro/web/entries/${encodeURIComponent(id)}/${step}`, {
      method: 'PUT',
      body,
    }),
  proPrefectures: () => apiRequest<{ prefectures: Prefecture[] }>('/api/pro/web/prefectures'),
  proRecap: (number: string) =>
    apiRequest<{ application: CandidateApplication }>(`${proApplicationPath(number)}/recap`),
  proPieces: (number: string) => apiRequest<{ pieces: PieceStatus[] }>(`${proApplicationPath(number)}/pieces`),
  uploadPiece: (number: string, kind: string, file: File, comment: string) =>
    apiUpload<{ file: ProPieceFile }>(
      `${proApplicationPath(number)}/pieces/${encodeURIComponent(kind)}?comment=${encodeURIComponent(comment)}`,
      file,
    ),
  deletePieceFile: (number: string, fileId: string) =>
    apiRequest<{ ok: true }>(`${proApplicationPath(number)}/pieces/files/${encodeURIComponent(fileId)}`, {
      method: 'DELETE',
    }),
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
  proEphoto: (number: string) => apiRequest<{ ephoto: ProEphoto | null }>(`${proApplicationPath(number)}/ephoto`),
  setEphoto: (number: string, code: string) =>
    apiRequest<{ ephoto: { code: string } }>(`${proApplicationPath(number)}/ephoto`, { method: 'PUT', body: { code } }),
  removeEphoto: (number: string) =>
    apiRequest<{ ok: true }>(`${proApplicationPath(number)}/ephoto`, { method: 'DELETE' }),
  proDocuments: (number: string) => apiRequest<{ documents: ProDocument[] }>(`${proApplicationPath(number)}/documents`),
  /** « Comptes de l'établissement » (the manager's): the agrément's users, invitations, disabling. */
  proUsers: () => apiRequest<{ users: ProUserView[] }>('/api/pro/web/users'),
  inviteProUser: (body: ProUserInvitation) =>
    apiRequest<{ user: ProUserView }>('/api/pro/web/users', { method: 'POST', body }),
  proUserAction: (userId: string, action: 'invitation' | 'disable' | 'enable') =>
    apiRequest<{ ok: true }>(`/api/pro/web/users/${encodeURIComponent(userId)}/${action}`, { method: 'POST' }),
  proInvitation: (token: string) => apiRequest<ProInvitationInfo>(`/api/pro/invitations/${encodeURIComponent(token)}`),
  acceptProInvitation: (token: string, body: { password: string; passwordConfirmation: string }) =>
    apiRequest<LoginResult>(`/api/pro/invitations/${encodeURIComponent(token)}`, { method: 'POST', body }),
  proHistory: (number: string) => apiRequest<{ history: HistoryEntry[] }>(`${proApplicationPath(number)}/history`),
  session: () => apiRequest<SessionInfo>('/api/session'),
  /** `redirect`: the session came from FranceConnect, whose logout follows. */
  logout: () => apiRequest<{ redirect?: string } | undefined>('/api/logout', { method: 'POST' }),
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
  filePath: (number, fileId) => `${proApplicationPath(number)}/pieces/files/${encodeURIComponent(fileId)}`,
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
  imagePath: (number, image) => `${proApplicationPath(number)}/ephoto/${image}`,
  formPath: (number) => `${proApplicationPath(number)}/documents/photo_signature_form`,
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
  return `/api/pro/web/applications/${encodeURIComponent(number)}`;
}

export type ProEphoto = { code: string; issuedAt: string; booth: string };
export type ProDocument = { kind: DocumentKind; label: string; help: string; available: boolean; reason?: string };

/** The address of a file an agent opens from a dossier (streamed, not JSON), its parameters from the contract. */
export function agentFilePath<F extends keyof typeof agentFiles>(
  file: F,
  params: z.input<(typeof agentFiles)[F]['params']>,
): string {
  return pathOf(agentFiles[file].path, params);
}
