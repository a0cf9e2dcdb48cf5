import net from 'node:net';

export type RawAnswer = {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
  /** Everything the server wrote, headers and body, as text (to look for an echo of the request). */
  text: string;
};

/**
 * Sends bytes exactly as given over a new connection and reads the one answer: what `inject` cannot
 * test, since Node's HTTP parser (request line, header sizes, Content-Length, chunks) never sees an
 * injected request. Null when the server closed without answering. Write errors are ignored: a
 * server may answer, then close, before a large body is all sent.
 */
export function rawHttp(baseUrl: string, request: string | Buffer, timeoutMs = 15_000): Promise<RawAnswer | null> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(parseAnswer(Buffer.concat(chunks)));
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (answerComplete(Buffer.concat(chunks))) finish();
    });
    socket.on('close', finish);
    socket.on('error', () => {
      // A reset after the answer (the server closed with request bytes unread): keep what came.
      setImmediate(finish);
    });
    socket.write(request, () => {});
  });
}

function splitHead(bytes: Buffer): { head: string; body: Buffer } | null {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return null;
  return { head: bytes.subarray(0, end).toString('latin1'), body: bytes.subarray(end + 4) };
}

function headersOf(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** The body of a chunked answer, or null while it is incomplete. */
function dechunk(body: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd < 0) return null;
    const size = Number.parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
    if (Number.isNaN(size)) return null;
    if (size === 0) return Buffer.concat(parts);
    const start = lineEnd + 2;
    if (body.length < start + size + 2) return null;
    parts.push(body.subarray(start, start + size));
    at = start + size + 2;
  }
}

/** The head and body of the final answer, past any interim one (100 Continue). */
function finalAnswer(bytes: Buffer): { head: string; body: Buffer } | null {
  let split = splitHead(bytes);
  while (split && /^HTTP\/1\.[01] 1\d\d /.test(split.head)) split = splitHead(split.body);
  return split;
}

function answerComplete(bytes: Buffer): boolean {
  const split = finalAnswer(bytes);
  if (!split) return false;
  const headers = headersOf(split.head);
  if (headers['content-length'] !== undefined) return split.body.length >= Number(headers['content-length']);
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) return dechunk(split.body) !== null;
  return false;
}

function parseAnswer(bytes: Buffer): RawAnswer | null {
  const split = finalAnswer(bytes);
  if (!split) return null;
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(split.head)?.[1] ?? 0);
  const headers = headersOf(split.head);
  const body = /chunked/i.test(headers['transfer-encoding'] ?? '') ? (dechunk(split.body) ?? split.body) : split.body;
  return { status, headers, body: body.toString('utf8'), text: bytes.toString('utf8') };
}
