import type { EphotoImage } from '@permis/ants-api';
import { eq } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { AntsDb } from '../db/index.ts';
import { ephotoCodes } from '../db/schema.ts';
import { antsError } from '../domain/errors.ts';

// The ePhoto attached to an application (its code, its two images), read by the school's, the
// candidate's and the agent's routes.

export { EPHOTO_IMAGES } from '@permis/ants-api';

/** The photo or the signature of the ePhoto attached to an application (the school's, the agent's). */
export async function sendEphotoImage(db: AntsDb, reply: FastifyReply, applicationId: string, image: EphotoImage) {
  const [bound] = await db.select().from(ephotoCodes).where(eq(ephotoCodes.applicationId, applicationId)).limit(1);
  if (!bound) throw antsError('EPHOTO_MISSING', "Aucune ePhoto n'est associée à cette demande.");
  const bytes = bound[image];
  return reply.type(bytes[0] === 0xff ? 'image/jpeg' : 'image/png').send(bytes);
}

/** The ePhoto code attached to an application, if any (in a transaction when given one). */
export async function attachedEphotoCode(db: Pick<AntsDb, 'select'>, applicationId: string): Promise<string | null> {
  const [bound] = await db
    .select({ code: ephotoCodes.code })
    .from(ephotoCodes)
    .where(eq(ephotoCodes.applicationId, applicationId))
    .limit(1);
  return bound?.code ?? null;
}
