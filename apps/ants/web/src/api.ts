/** The JSON API of the national service: same origin, cookie session, CSRF token on state-changing requests. */

export type FieldError = { path: string; message: string };

export const NETWORK_ERROR_MESSAGE = 'Le service ne répond pas. Veuillez réessayer dans quelques instants.';

/** An error to show as is: the server's French message, or the network message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];

  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }

  /** The message of the field at `path`, if the server rejected it. */
  fieldMessage(path: string): string | undefined {
    return this.fields.find((field) => field.path === path)?.message;
  }
}

export type ProAccount = { id: string; agrementNumber: string; login: string; schoolName: string; city: string };
export type Agent = { id: string; login: string; firstName: string; lastName: string; service: string };

export type Candidate = { id: string; loginId: string; firstName: string; lastName: string };

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
};

export type PieceFile = { id: string; fileName: string };
export type Piece = { label: string; pages: number; maxPages: number; files: PieceFile[] };

/** The recap of an application, as the candidate reviews it before validating. */
export type CandidateApplication = {
  number: string;
  type: '02' | '06';
  typeLabel: string;
  state: string;
  stateLabel: string;
  neph: string | null;
  canValidate: boolean;
  school: string;
  prefecture: string;
  candidate: {
    sex: Sex;
    birthName: string;
    usageName?: string | null;
    firstName: string;
    otherFirstNames?: string | null;
    birthDate: string;
    birthCity: string;
    birthDepartment?: string | null;
    birthCountry: string;
    addressLine1: string;
    addressLine2?: string | null;
    postalCode: string;
    city: string;
    email: string;
    mobile?: string | null;
  };
  legalRepresentative: null | {
    quality: string;
    lastName: string;
    firstName: string;
    addressLine1: string;
    postalCode: string;
    city: string;
  };
  dossier: {
    requestedCategories: string[];
    heldCategories: string[];
    medicalVisitDate?: string;
    training: 'none' | 'aac' | 'supervised';
    declarations: { dataReuseOpposition?: boolean };
  };
  /** A heavy category, or a declared condition: the approved doctor's check comes first. */
  medicalVisitNeeded: boolean;
  /** No ePhoto on a Cerfa 02: the candidate posts the paper photo-signature form. */
  photoSignatureForm: boolean;
  pieces: Piece[];
};

/** The states an agent lists: the applications sent to instruction (the contract's `sent` set). */
export type AgentQueueState = 'under_instruction' | 'to_complete' | 'rejected' | 'accepted';

/** A line of the instruction queue. */
export type AgentApplicationRow = {
  number: string;
  type: '02' | '06';
  stateLabel: string;
  candidate: string;
  school: string;
  updatedAt: string;
};

export type AgentPiece = {
  kind: string;
  label: string;
  maxPages: number;
  required: boolean;
  pages: number;
  /** With the school's comment on each file. */
  files: (PieceFile & { comment: string })[];
};

/** An application as the agent instructs it. */
export type AgentApplication = {
  application: {
    number: string;
    type: '02' | '06';
    state: string;
    stateLabel: string;
    neph?: string | null;
    candidate: {
      birthName: string;
      firstName: string;
      otherFirstNames?: string | null;
      birthDate: string;
      birthCity: string;
      birthDepartment?: string | null;
      birthCountry: string;
      addressLine1: string;
      postalCode: string;
      city: string;
      email: string;
    };
    dossier: { requestedCategories: string[] };
  };
  prefecture: string;
  ephotoCode: string | null;
  pieces: AgentPiece[];
};

/** A mail or SMS that exhausted its retries. */
export type FailedDelivery = {
  id: string;
  channel: 'mail' | 'sms';
  to: string;
  summary: string;
  error: string;
  failedAt: string;
  attempts: number;
};

type AgentDecision = { application: AgentApplication['application'] };

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;

/** Remembers the CSRF token of the current session (from the login or session route). */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

type RequestOptions = { method?: string; body?: unknown };

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_ERROR_MESSAGE);
  }

  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, payload);
  return payload as T;
}

function toApiError(status: number, payload: unknown): ApiError {
  // Problem details (RFC 9457): `detail` is the French message to show, `code` and `fields` extensions.
  const problem = payload as { code?: unknown; detail?: unknown; fields?: unknown } | null;
  if (problem && typeof problem.detail === 'string') {
    const fields = Array.isArray(problem.fields) ? (problem.fields as FieldError[]) : [];
    return new ApiError(status, typeof problem.code === 'string' ? problem.code : 'ERROR', problem.detail, fields);
  }
  // A proxy or gateway answered instead of the service.
  return new ApiError(status, 'UNAVAILABLE', NETWORK_ERROR_MESSAGE);
}

/** Any thrown value as an ApiError, so that every failure has a message to show. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'UNEXPECTED', 'Une erreur inattendue est survenue. Veuillez réessayer.');
}

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
    apiRequest<{ token: string }>('/api/candidate/password-reset/answer', {
      method: 'POST',
      body: { loginId, secretAnswer },
    }),
  passwordReset: (token: string) =>
    apiRequest<{ firstName: string; lastName: string; loginId: string }>(passwordResetPath(token)),
  resetPassword: (token: string, body: { password: string; passwordConfirmation: string }) =>
    apiRequest<{ loginId: string; csrfToken: string }>(passwordResetPath(token), { method: 'POST', body }),
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
  agentApplications: (state: AgentQueueState) =>
    apiRequest<{ applications: AgentApplicationRow[] }>(`/api/agent/applications?state=${state}`),
  agentApplication: (number: string) => apiRequest<AgentApplication>(agentApplicationPath(number)),
  requestCompletion: (number: string, body: { piece: string; message: string }) =>
    apiRequest<AgentDecision & { reason: string }>(`${agentApplicationPath(number)}/request-completion`, {
      method: 'POST',
      body,
    }),
  rejectApplication: (number: string, reason: string) =>
    apiRequest<AgentDecision>(`${agentApplicationPath(number)}/reject`, { method: 'POST', body: { reason } }),
  acceptApplication: (number: string) =>
    apiRequest<AgentDecision>(`${agentApplicationPath(number)}/accept`, { method: 'POST' }),
  failedDeliveries: () => apiRequest<{ deliveries: FailedDelivery[] }>('/api/agent/deliveries'),
  retryDelivery: (delivery: Pick<FailedDelivery, 'channel' | 'id'>) =>
    apiRequest<{ retried: true }>(
      `/api/agent/deliveries/${delivery.channel}/${encodeURIComponent(delivery.id)}/retry`,
      { method: 'POST' },
    ),
  session: () => apiRequest<SessionInfo>('/api/session'),
  logout: () => apiRequest<void>('/api/logout', { method: 'POST' }),
};

const passwordResetPath = (token: string) => `/api/candidate/password-reset/${encodeURIComponent(token)}`;

/** The address of a candidate's application in the API; the files and documents are under it. */
export function candidateApplicationPath(number: string): string {
  return `/api/candidate/applications/${encodeURIComponent(number)}`;
}

/** The address of an application in the instruction API; its files are under it. */
export function agentApplicationPath(number: string): string {
  return `/api/agent/applications/${encodeURIComponent(number)}`;
}
