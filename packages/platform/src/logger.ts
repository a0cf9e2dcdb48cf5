import type { LoggerOptions } from 'pino';

/**
 * Logs never carry personal data or secrets: request URLs lose their query string, headers are not
 * logged, and any field below with a personal or secret name is replaced, at any of the first three
 * levels of a log object. Code logs ids, never names, emails or phone numbers.
 */
const SENSITIVE_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'antsPassword',
  'secret',
  'token',
  'csrfToken',
  'cookie',
  'authorization',
  'email',
  'mobile',
  'phone',
  'firstName',
  'lastName',
  'birthName',
  'usageName',
  'otherFirstNames',
  'birthDate',
  'birthCity',
  'address',
  'addressLine1',
  'addressLine2',
  'login',
  'secretAnswer',
];

export const REDACT_PATHS = SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export function loggerOptions(service: string, level: string): LoggerOptions {
  return {
    level,
    base: { service },
    redact: { paths: REDACT_PATHS, censor: '[masqué]' },
    serializers: {
      req(request: { method: string; url: string; id: string }) {
        return { id: request.id, method: request.method, path: logPath(request.url) };
      },
      res(reply: { statusCode: number }) {
        return { statusCode: reply.statusCode };
      },
    },
  };
}

/**
 * A request's path as logged: no query string, and no link token (activation, password reset: long
 * random segments) — whoever reads the logs must not be able to use them. Ids (UUIDs) and numbers stay.
 */
export function logPath(url: string): string {
  return (url.split('?')[0] ?? '')
    .split('/')
    .map((segment) =>
      segment.length >= 20 &&
      /[A-Za-z_-]/.test(segment) &&
      !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment)
        ? '…'
        : segment,
    )
    .join('/');
}

/**
 * An error as logged: its kind, its codes (SQLSTATE, constraint, table) and where it was thrown,
 * never its message. A driver's message carries the query's values ("invalid input syntax for type
 * integer: \"…\"", "Key (email)=(…) already exists", Drizzle's "params: …"), a JSON error quotes
 * the body: none may reach a log line. The request id ties the line to the user's report.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  const chain: Record<string, unknown>[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const e = current as {
      name?: unknown;
      code?: unknown;
      constraint?: unknown;
      table?: unknown;
      stack?: unknown;
      cause?: unknown;
    };
    chain.push({
      type: typeof e.name === 'string' ? e.name : 'Error',
      ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
      ...(typeof e.constraint === 'string' ? { constraint: e.constraint } : {}),
      ...(typeof e.table === 'string' ? { table: e.table } : {}),
      ...(typeof e.stack === 'string'
        ? {
            stack: e.stack
              .split('\n')
              .filter((line) => /^\s+at /.test(line))
              .slice(0, 12)
              .join('\n'),
          }
        : {}),
    });
    current = e.cause;
  }
  return chain.length > 0 ? { ...chain[0], causes: chain.slice(1) } : { type: typeof error };
}
