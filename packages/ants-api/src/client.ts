import type { PieceKind } from '@permis/referentiel';
import { z } from 'zod';
import type {
  Application,
  CreateApplication,
  HeldApplication,
  ListQuery,
  prefectureSchema,
  TransferRequest,
  tokenRequestSchema,
} from './applications.ts';
import type { DocumentKind, HistoryEntry, PieceFile, PieceStatus } from './responses.ts';

export type Prefecture = z.infer<typeof prefectureSchema>;
/** An error answered by the national service, or its absence (status 0, code UNAVAILABLE). */
export class AntsApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'AntsApiError';
  }
}

/** The members of a problem the client reads: a code it does not know yet is still shown. */
const answeredProblem = z.object({
  code: z.string(),
  detail: z.string(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export const UNAVAILABLE_MESSAGE =
  "Le site de l'ANTS ne répond pas pour le moment. Rien n'a été perdu : réessayez dans quelques instants.";

export type AntsClientOptions = {
  baseUrl: string;
  credentials: z.input<typeof tokenRequestSchema>;
  /** Per request; a slow national service answers UNAVAILABLE rather than freezing the caller. */
  timeoutMs?: number;
  fetch?: typeof fetch;
};

/**
 * The typed client of the professional API, used by the school back office. It gets (and renews)
 * its bearer token from the office's Cerfa credentials; every error is an AntsApiError.
 */
export function createAntsClient(options: AntsClientOptions) {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15000;
  let token: { value: string; expiresAt: number } | undefined;

  async function send(path: string, init: RequestInit & { auth?: boolean } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (init.auth !== false) headers.set('authorization', `Bearer ${await currentToken()}`);
    let response: Response;
    try {
      response = await doFetch(`${options.baseUrl}${path}`, {
        ...init,
        headers,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      throw new AntsApiError(0, 'UNAVAILABLE', UNAVAILABLE_MESSAGE);
    }
    if (response.ok) return response;
    // Problem details (RFC 9457); anything else (a proxy's page, a 5xx) is "unavailable".
    const problem = answeredProblem.safeParse(await response.json().catch(() => null));
    if (response.status >= 500 || !problem.success) {
      throw new AntsApiError(response.status, 'UNAVAILABLE', UNAVAILABLE_MESSAGE);
    }
    throw new AntsApiError(response.status, problem.data.code, problem.data.detail, problem.data.fields);
  }

  async function currentToken(): Promise<string> {
    if (token && token.expiresAt - 60_000 > Date.now()) return token.value;
    const response = await send('/api/pro/v1/token', {
      method: 'POST',
      auth: false,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(options.credentials),
    });
    const answer = (await response.json()) as { token: string; expiresAt: string };
    token = { value: answer.token, expiresAt: Date.parse(answer.expiresAt) };
    return token.value;
  }

  /** Calls the API; a token refused mid-way (expired, revoked) is renewed once. */
  async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
    try {
      return (await (await send(path, init)).json()) as T;
    } catch (error) {
      if (error instanceof AntsApiError && error.code === 'TOKEN_INVALID') {
        token = undefined;
        return (await (await send(path, init)).json()) as T;
      }
      throw error;
    }
  }

  const json = (method: string, body?: unknown, headers: Record<string, string> = {}): RequestInit => ({
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const n = (number: string) => encodeURIComponent(number);

  return {
    /** Checks the credentials (the "Erreur d'authentification" of the seed when wrong). */
    async authenticate(): Promise<void> {
      token = undefined;
      await currentToken();
    },
    prefectures: (postalCode: string) =>
      call<{ prefectures: Prefecture[] }>(`/api/pro/v1/prefectures?postalCode=${encodeURIComponent(postalCode)}`).then(
        (r) => r.prefectures,
      ),
    /** Same key, same request: the same application, however many times it is retried. */
    createApplication: (request: CreateApplication, idempotencyKey: string) =>
      call<{ application: HeldApplication }>(
        '/api/pro/v1/applications',
        json('POST', request, { 'idempotency-key': idempotencyKey }),
      ).then((r) => r.application),
    getApplication: (number: string) =>
      call<{ application: HeldApplication }>(`/api/pro/v1/applications/${n(number)}`).then((r) => r.application),
    /** Who did what, when, on the application, oldest first. */
    getApplicationHistory: (number: string) =>
      call<{ history: HistoryEntry[] }>(`/api/pro/v1/applications/${n(number)}/history`).then((r) => r.history),
    listApplications: (query: ListQuery = {}) => {
      const params = new URLSearchParams(
        Object.entries(query)
          .filter(([, v]) => v !== undefined && v !== '')
          .map(([k, v]) => [k, String(v)]),
      );
      return call<{
        applications: Application[];
        nextCursor: string | null;
        endCursor: string | null;
        remaining?: number;
      }>(`/api/pro/v1/applications?${params}`);
    },
    /** "Modifier la demande": replaces what was entered on a draft (the type does not change). */
    updateApplication: (number: string, request: CreateApplication) =>
      call<{ application: HeldApplication }>(`/api/pro/v1/applications/${n(number)}`, json('PUT', request)).then(
        (r) => r.application,
      ),
    deleteApplication: (number: string) =>
      call<{ application: HeldApplication }>(`/api/pro/v1/applications/${n(number)}`, { method: 'DELETE' }).then(
        (r) => r.application,
      ),
    validateApplication: (number: string) =>
      call<{ application: HeldApplication }>(`/api/pro/v1/applications/${n(number)}/validate`, { method: 'POST' }).then(
        (r) => r.application,
      ),
    /** Sends a "to complete" application back to instruction once the missing pièces are added. */
    completeApplication: (number: string) =>
      call<{ application: HeldApplication }>(`/api/pro/v1/applications/${n(number)}/complete`, { method: 'POST' }).then(
        (r) => r.application,
      ),
    transfer: (request: TransferRequest) =>
      call<{ application: HeldApplication }>('/api/pro/v1/transfers', json('POST', request)).then((r) => r.application),
    listPieces: (number: string) =>
      call<{ pieces: PieceStatus[] }>(`/api/pro/v1/applications/${n(number)}/pieces`).then((r) => r.pieces),
    uploadPiece: (number: string, kind: PieceKind, file: { name: string; bytes: Uint8Array }, comment = '') => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
      const query = comment ? `?comment=${encodeURIComponent(comment)}` : '';
      return call<{ file: PieceFile }>(`/api/pro/v1/applications/${n(number)}/pieces/${kind}${query}`, {
        method: 'POST',
        body: form,
      }).then((r) => r.file);
    },
    deletePieceFile: (number: string, fileId: string) =>
      call<{ ok: true }>(`/api/pro/v1/applications/${n(number)}/pieces/files/${fileId}`, { method: 'DELETE' }),
    setEphoto: (number: string, code: string) =>
      call<{ ephoto: { code: string } }>(`/api/pro/v1/applications/${n(number)}/ephoto`, json('PUT', { code })),
    getEphoto: (number: string) =>
      call<{ ephoto: { code: string; issuedAt: string; booth: string } | null }>(
        `/api/pro/v1/applications/${n(number)}/ephoto`,
      ).then((r) => r.ephoto),
    deleteEphoto: (number: string) =>
      call<{ ok: true }>(`/api/pro/v1/applications/${n(number)}/ephoto`, { method: 'DELETE' }),
    /** The photo or the signature image of the application's ePhoto ("Consulter la ePhoto"). */
    async ephotoImage(number: string, image: 'photo' | 'signature'): Promise<{ bytes: Uint8Array; mediaType: string }> {
      const response = await send(`/api/pro/v1/applications/${n(number)}/ephoto/${image}`);
      return {
        bytes: new Uint8Array(await response.arrayBuffer()),
        mediaType: response.headers.get('content-type') ?? '',
      };
    },
    /** Registers where the national service pushes this school's changes; answers the signing secret (once). */
    registerWebhook: (url: string) =>
      call<{ url: string; secret: string }>('/api/pro/v1/webhook', json('PUT', { url })),
    /** "Editer les documents": the eight documents, each with whether it exists yet and why not. */
    listDocuments: (number: string) =>
      call<{ documents: { kind: DocumentKind; label: string; help: string; available: boolean; reason?: string }[] }>(
        `/api/pro/v1/applications/${n(number)}/documents`,
      ).then((r) => r.documents),
    async downloadDocument(number: string, kind: string): Promise<Uint8Array> {
      const response = await send(`/api/pro/v1/applications/${n(number)}/documents/${encodeURIComponent(kind)}`);
      return new Uint8Array(await response.arrayBuffer());
    },
    async downloadPieceFile(number: string, fileId: string): Promise<{ bytes: Uint8Array; mediaType: string }> {
      const response = await send(`/api/pro/v1/applications/${n(number)}/pieces/files/${fileId}`);
      return {
        bytes: new Uint8Array(await response.arrayBuffer()),
        mediaType: response.headers.get('content-type') ?? '',
      };
    },
  };
}

export type AntsClient = ReturnType<typeof createAntsClient>;
