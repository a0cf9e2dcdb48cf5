import { createHash, randomInt, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import pg from 'pg';

/**
 * The baseline of the load figures: an HTTP server that does nothing but send the very statements
 * the national service sent for one request (captured from its query builder, `load.ts`), with
 * `pg` on a pool of the same size, unprepared, on one connection, with the transactions where
 * the service had them. Each request is for a school: where the captured statements had the
 * capture's school, it puts the request's (the hash of its bearer token, computed as the service
 * does, and its account and user, told in `x-bench-school`). `GET /get/:number` replays a read by
 * number (the request's number in place of the capture's); `GET /list` the list's first page;
 * `POST /create` a creation: it is sent the very request the service is sent (the same body and
 * idempotency key), parses the body the simplest way (JSON.parse) and puts the request's key,
 * email and birth name, and a fresh number, where the captured statements had the capture's; the
 * ids of the rows it inserts are carried into the statements after, as the service does. It
 * answers every row its statements read, as JSON (until 2026-12-08 only the last statement's: for
 * the list, the empty page of demands handed over, so the baseline wrote no page at all).
 */
type Statement = { query: string; params: unknown[] };
const [url, file, port] = process.argv.slice(2) as [string, string, string];
const captured = JSON.parse(readFileSync(file, 'utf8')) as {
  get: Statement[];
  list: Statement[];
  create: Statement[];
  /** The school and demand of the capture. */
  school: { hash: string; accountId: string; userId: string; number: string };
  markers: Record<string, string>;
  /** By table, the id the capture's insert got back (later statements carry it). */
  ids: Record<string, string>;
};
const pool = new pg.Pool({ connectionString: url, max: 10 });
let counter = 0;

function fresh(value: unknown, replace: [string, string][]): unknown {
  if (typeof value !== 'string') return value;
  let text = value;
  for (const [from, to] of replace) text = text.replaceAll(from, to);
  return text;
}

async function replay(statements: Statement[], replace: [string, string][]) {
  const client = await pool.connect();
  let open = false;
  try {
    // Every row the statements read, answered: the service writes them all into its answer (the
    // list's page is the rows of two statements, the demands held and those handed over).
    const read: unknown[] = [];
    for (const s of statements) {
      const answer = await client.query(
        s.query,
        s.params.map((p) => fresh(p, replace)),
      );
      if (/^begin/i.test(s.query)) open = true;
      else if (/^(commit|rollback)/i.test(s.query)) open = false;
      else read.push(...answer.rows);
      // A row inserted here has an id of its own: the statements after it use that one.
      const table = /^insert into "(\w+)"/i.exec(s.query)?.[1];
      const id = (answer.rows[0] as { id?: unknown } | undefined)?.id;
      if (table && captured.ids[table] && typeof id === 'string') replace.push([captured.ids[table]!, id]);
    }
    return read;
  } catch (error) {
    if (open) await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

async function bodyOf(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The request's school in place of the capture's. */
function schoolOf(request: http.IncomingMessage): [string, string][] {
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
  const [accountId, userId] = String(request.headers['x-bench-school'] ?? '').split(' ');
  const { school } = captured;
  return [
    [school.hash, createHash('sha256').update(token).digest('hex')],
    [school.accountId, accountId ?? ''],
    [school.userId, userId ?? ''],
  ];
}

http
  .createServer(async (request, response) => {
    try {
      let rows: unknown[];
      const sentBody = await bodyOf(request);
      const url = request.url ?? '';
      if (url === '/ready') {
        response.writeHead(200).end();
        return;
      }
      if (url.startsWith('/get/')) {
        rows = await replay(captured.get, [...schoolOf(request), [captured.school.number, url.slice('/get/'.length)]]);
      } else if (url === '/list') rows = await replay(captured.list, schoolOf(request));
      else {
        counter++;
        const m = captured.markers;
        // Sent without a body (a check by hand): fresh values of its own.
        const sent = sentBody
          ? (JSON.parse(sentBody) as { candidate: { email: string; birthName: string } })
          : {
              candidate: {
                email: `bare${counter}.${process.pid}@example.fr`,
                birthName: `BARE-${process.pid}-${counter}`,
              },
            };
        rows = await replay(captured.create, [
          ...schoolOf(request),
          [m.key!, String(request.headers['idempotency-key'] ?? randomUUID())],
          [m.email!, sent.candidate.email.toLowerCase()],
          [m.birthName!, sent.candidate.birthName.toUpperCase()],
          [m.number!, `90120260101${String(randomInt(0, 1e12)).padStart(12, '0')}`],
        ]);
      }
      const body = JSON.stringify({ rows });
      response.writeHead(request.method === 'GET' ? 200 : 201, { 'content-type': 'application/json' }).end(body);
    } catch (error) {
      response.writeHead(500).end(String((error as Error).message));
    }
  })
  .listen(Number(port), '127.0.0.1');
