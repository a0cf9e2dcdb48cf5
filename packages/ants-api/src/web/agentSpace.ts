import { route } from '@permis/platform/route';
import { z } from 'zod';
import { applicationNumberSchema, heldApplicationSchema, pieceKindSchema } from '../applications.ts';
import { EPHOTO_IMAGES, pieceStatusSchema } from '../responses.ts';
import { AGENT_FIRST_QUEUE, STATE_SETS, type StatesIn } from '../stateSets.ts';
import { APPLICATION_TYPES } from '../states.ts';

/**
 * The agents' instruction console as its pages call it: the queue, a dossier, the three decisions,
 * and the mail and SMS that could not be delivered. The server mounts these (`mount`), the pages
 * call them (`call`): neither copies a shape.
 */

/** The states an agent lists: the applications sent to instruction (the `sent` set). */
export const agentQueueStateSchema = z.enum(STATE_SETS.sent as [StatesIn<'sent'>, ...StatesIn<'sent'>[]]);
export type AgentQueueState = z.infer<typeof agentQueueStateSchema>;

/** A line of the instruction queue. */
export const agentApplicationRowSchema = z.object({
  number: z.string(),
  type: z.enum(APPLICATION_TYPES),
  stateLabel: z.string(),
  /** Birth name and first name. */
  candidate: z.string(),
  /** The school's name, or the candidat libre's label for a demand of their own. */
  school: z.string(),
  /** ISO 8601. */
  updatedAt: z.iso.datetime(),
});
export type AgentApplicationRow = z.infer<typeof agentApplicationRowSchema>;

/** A pièce of the catalogue with the files sent for it (each with the school's comment). */
export const agentPieceSchema = pieceStatusSchema;
export type AgentPiece = z.infer<typeof agentPieceSchema>;

/** An application as the agent instructs it. */
export const agentApplicationSchema = z.object({
  application: heldApplicationSchema,
  /** The préfecture's name, as the service resolves the dossier's code (empty if unknown). */
  prefecture: z.string(),
  ephotoCode: z.string().nullable(),
  pieces: z.array(agentPieceSchema),
});
export type AgentApplication = z.infer<typeof agentApplicationSchema>;

/** The answer to a decision: the application in its new state. */
export const agentDecisionSchema = z.object({ application: heldApplicationSchema });
export type AgentDecision = z.infer<typeof agentDecisionSchema>;
/** A completion asked: with the reason the school and the candidate read (it names the pièce). */
export const agentCompletionSchema = agentDecisionSchema.extend({ reason: z.string() });
export type AgentCompletion = z.infer<typeof agentCompletionSchema>;

export const DELIVERY_CHANNELS = ['mail', 'sms'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** A mail or SMS that exhausted its retries. */
export const failedDeliverySchema = z.object({
  id: z.string(),
  channel: z.enum(DELIVERY_CHANNELS),
  to: z.string(),
  /** The mail's subject, the SMS's text. */
  summary: z.string(),
  /** The last error. */
  error: z.string(),
  /** ISO 8601. */
  failedAt: z.iso.datetime(),
  attempts: z.number().int(),
});
export type FailedDelivery = z.infer<typeof failedDeliverySchema>;

const applicationParams = z.object({ number: applicationNumberSchema });

export const agentSpace = {
  /** The applications in one state of instruction, the longest waiting first. */
  applications: route({
    method: 'GET',
    path: '/api/agent/applications',
    query: z.object({ state: agentQueueStateSchema.default(AGENT_FIRST_QUEUE) }),
    response: z.object({ applications: z.array(agentApplicationRowSchema) }),
  }),
  application: route({
    method: 'GET',
    path: '/api/agent/applications/:number',
    params: applicationParams,
    response: agentApplicationSchema,
  }),
  /** Asks for one missing pièce. */
  requestCompletion: route({
    method: 'POST',
    path: '/api/agent/applications/:number/request-completion',
    params: applicationParams,
    body: z.object({ piece: pieceKindSchema, message: z.string().trim().max(500).default('') }),
    response: agentCompletionSchema,
  }),
  reject: route({
    method: 'POST',
    path: '/api/agent/applications/:number/reject',
    params: applicationParams,
    body: z.object({ reason: z.string().trim().min(5, 'Indiquez le motif du rejet.').max(500) }),
    response: agentDecisionSchema,
  }),
  /** Assigns the candidate's NEPH. */
  accept: route({
    method: 'POST',
    path: '/api/agent/applications/:number/accept',
    params: applicationParams,
    response: agentDecisionSchema,
  }),
  /** The mail and SMS that failed after every retry, newest first. */
  deliveries: route({
    method: 'GET',
    path: '/api/agent/deliveries',
    response: z.object({ deliveries: z.array(failedDeliverySchema) }),
  }),
  /** Sends a failed mail or SMS again; one no longer failed is "not found". */
  retryDelivery: route({
    method: 'POST',
    path: '/api/agent/deliveries/:channel/:id/retry',
    params: z.object({
      channel: z.enum(DELIVERY_CHANNELS, { error: 'Canal inconnu.' }),
      id: z.uuid('Envoi inconnu.'),
    }),
    response: z.object({ retried: z.literal(true) }),
  }),
};

/**
 * The files a dossier shows: streamed bytes, not JSON, so no answer schema; their addresses and
 * parameters are declared here all the same, for the server's routes and the pages' links.
 */
export const agentFiles = {
  /** The ePhoto the agent checks against the identity document. */
  ephotoImage: {
    path: '/api/agent/applications/:number/ephoto/:image',
    params: applicationParams.extend({ image: z.enum(EPHOTO_IMAGES) }),
  },
  pieceFile: {
    path: '/api/agent/applications/:number/pieces/files/:fileId',
    params: applicationParams.extend({ fileId: z.uuid() }),
  },
} as const;
