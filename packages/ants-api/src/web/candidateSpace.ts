import { route } from '@permis/platform/route';
import { z } from 'zod';

/**
 * The candidate's space (seed 000) as its pages call it: each route's input and answer, once. The
 * server mounts these (`mount`), the pages call them (`call`): neither copies a shape.
 */

/** A line of the home's « what waits for you »: a sentence and where it leads. */
export const homeNotificationSchema = z.object({ text: z.string(), link: z.string() });
export type HomeNotification = z.infer<typeof homeNotificationSchema>;

export const candidateHomeSchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  /** The sign-in before this one (« Dernière connexion »), ISO 8601; null at the first. */
  previousLoginAt: z.string().nullable(),
  unreadMessages: z.number().int(),
  notifications: z.array(homeNotificationSchema),
});
export type CandidateHome = z.infer<typeof candidateHomeSchema>;

/** A message of « Mes messages »: what the service told the candidate of a demand. */
export const candidateMessageSchema = z.object({
  id: z.uuid(),
  subject: z.string(),
  body: z.string(),
  /** When it was sent, ISO 8601. */
  at: z.string(),
  read: z.boolean(),
  applicationNumber: z.string().nullable(),
});
export type CandidateMessage = z.infer<typeof candidateMessageSchema>;

export const candidateSpace = {
  home: route({ method: 'GET', path: '/api/candidate/home', response: candidateHomeSchema }),
  /** « Mes messages »: newest first, with the unread count. */
  messages: route({
    method: 'GET',
    path: '/api/candidate/messages',
    response: z.object({ messages: z.array(candidateMessageSchema), unread: z.number().int() }),
  }),
  /** Opened: read. Any id but one of the candidate's own messages is "not found". */
  readMessage: route({
    method: 'POST',
    path: '/api/candidate/messages/:id/read',
    params: z.object({ id: z.uuid('Message introuvable.') }),
    response: z.object({ unread: z.number().int() }),
  }),
};
