import type { CandidateMessage } from '@permis/ants-api';
import { notFound } from '@permis/platform';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { AntsDb } from '../db/index.ts';
import { applications, candidateMessages } from '../db/schema.ts';

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

/** Opened: read. Only the candidate's own message; any other id is "not found". Answers the unread count. */
export async function readMessage(db: AntsDb, candidateId: string, messageId: string): Promise<number> {
  const [own] = await db
    .update(candidateMessages)
    .set({ readAt: new Date() })
    .where(and(eq(candidateMessages.id, messageId), eq(candidateMessages.candidateId, candidateId)))
    .returning({ id: candidateMessages.id });
  if (!own) throw notFound('Message introuvable.');
  return unreadMessages(db, candidateId);
}
