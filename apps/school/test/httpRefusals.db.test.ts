import { refusalCases, refusalsNotAsDocumented } from '@permis/platform/testing';
import { MAX_PIECE_FILE_BYTES } from '@permis/referentiel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN, startSchool } from './harness.ts';

/**
 * The school's back office answers what Fastify and Node's HTTP parser refuse (bad URL encoding,
 * URL and headers too long, bodies too large or unreadable, refused types, broken framing) as
 * problem details in French with a stable code, never repeating the request, as the national
 * service does (they share the platform's HTTP server).
 */
let school: Awaited<ReturnType<typeof startSchool>>;
let baseUrl: string;
let session: Record<string, string>;
let studentId: string;
beforeAll(async () => {
  school = await startSchool();
  baseUrl = await school.app.listen({ host: '127.0.0.1', port: 0 });
  const login = await school.app.inject({ method: 'POST', url: '/api/auth/login', payload: LOGIN.secretaire });
  const cookie = login.cookies.find((c) => c.name === 'school_session')!;
  session = { cookie: `${cookie.name}=${cookie.value}`, 'x-csrf-token': login.json().csrfToken as string };
  const students = await school.app.inject({ method: 'GET', url: '/api/students', headers: session });
  studentId = (students.json().students as { id: string }[])[0]!.id;
});
afterAll(async () => {
  await school.close();
});

describe("the school service's refusals before a route runs", () => {
  it('answers them as problem details, on a signed-in user’s routes', async () => {
    const cases = refusalCases({
      paramRoute: '/api/students/{}',
      jsonRoute: { method: 'PUT', url: `/api/students/${studentId}` },
      headers: session,
      bodyLimit: 1024 * 1024,
      upload: { url: `/api/students/${studentId}/documents`, maxBytes: MAX_PIECE_FILE_BYTES },
    });
    expect(await refusalsNotAsDocumented(baseUrl, cases)).toEqual([]);
  });

  it('answers them as problem details on the sign-in route', async () => {
    const cases = refusalCases({
      paramRoute: '/api/students/{}',
      jsonRoute: { method: 'POST', url: '/api/auth/login' },
      bodyLimit: 1024 * 1024,
    });
    expect(await refusalsNotAsDocumented(baseUrl, cases)).toEqual([]);
  });
});
