import { type HttpServer, notFound } from '@permis/platform';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { requireCandidate } from '../auth/context.ts';
import type { AntsDb } from '../db/index.ts';
import { applications, candidateMessages } from '../db/schema.ts';
import type { AntsServices } from '../services.ts';

export type CandidateMessage = {
  id: string;
  subject: string;
  body: string;
  at: string;
  read: boolean;
  applicationNumber: string | null;
};

/**
 * A message sent by its own path (the invitation, whose mail carries a single-use link) kept in
 * « Mes messages » as sent: the news sender never sends it again, and the link is not in it.
 */
export async function keepSentMessage(
  db: AntsDb,
  message: { candidateId: string; applicationId: string; kind: string; subject: string; body: string },
): Promise<void> {
  await db.insert(candidateMessages).values({ ...message, sms: '', sentAt: new Date() });
}

/** How many of the candidate's messages are unread (the count beside « Mes messages »). */
export async function unreadMessages(db: AntsDb, candidateId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(candidateMessages)
    .where(and(eq(candidateMessages.candidateId, candidateId), isNull(candidateMessages.readAt)));
  return row?.n ?? 0;
}

/** « Mes messages »: what the service told the candidate of their demands, newest first. */
export async function listMessages(db: AntsDb, candidateId: string): Promise<CandidateMessage[]> {
  const rows = await db
    .select({ message: candidateMessages, number: applications.number })
    .from(candidateMessages)
    .leftJoin(applications, eq(applications.id, candidateMessages.applicationId))
    .where(eq(candidateMessages.candidateId, candidateId))
    .orderBy(desc(candidateMessages.createdAt), desc(candidateMessages.id))
    .limit(500);
  return rows.map(({ message, number }) => ({
    id: message.id,
    subject: message.subject,
    body: message.body,
    at: message.createdAt.toISOString(),
    read: message.readAt !== null,
    applicationNumber: number,
  }));
}

export function candidateMessageRoutes(app: HttpServer, ctx: AntsServices) {
  const { db } = ctx;
  app.get('/api/candidate/messages', { config: { access: 'candidate' } }, async (request) => {
    const me = await requireCandidate(ctx, request);
    return { messages: await listMessages(db, me.id), unread: await unreadMessages(db, me.id) };
  });
  // Opened: read. Only the candidate's own message; any other id is "not found".
  app.post(
    '/api/candidate/messages/:id/read',
    { config: { access: 'candidate' }, schema: { params: z.object({ id: z.uuid('Message introuvable.') }) } },
    async (request) => {
      const me = await requireCandidate(ctx, request);
      const [own] = await db
        .update(candidateMessages)
        .set({ readAt: new Date() })
        .where(and(eq(candidateMessages.id, request.params.id), eq(candidateMessages.candidateId, me.id)))
        .returning({ id: candidateMessages.id });
      if (!own) throw notFound('Message introuvable.');
      return { unread: await unreadMessages(db, me.id) };
    },
  );
}
