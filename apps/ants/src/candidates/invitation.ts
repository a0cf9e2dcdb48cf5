import { ACTION_FROM } from '@permis/ants-api';
import type { MailQueue } from '@permis/platform';
import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import { typedCivilIdentity } from '../applications/create.ts';
import type { AntsDb } from '../db/index.ts';
import { applications, candidates } from '../db/schema.ts';
import { recordAudit } from '../domain/audit.ts';
import { internationalMobile, type SmsQueue } from '../notify/sms.ts';
import { issueLink } from './links.ts';
import { SIGNATURE } from './mails.ts';
import { keepSentMessage } from './messages.ts';

export const ACTIVATION_DAYS = 7;
export const INVITATION_QUEUE = 'candidate-invitation';

export type Notifier = { mail: MailQueue; sms: SmsQueue; publicUrl: string };

/**
 * The candidate step that follows a school's validation (seed 000): a candidate without an account
 * gets one, unactivated, and an email + SMS with a single-use activation link valid 7 days; a
 * candidate with an account is invited to log in. Runs as a job, after the validation committed.
 */
export async function inviteCandidate(db: AntsDb, notifier: Notifier, applicationId: string): Promise<void> {
  // Claimed first, in one statement: two runs at once (the sweep racing the queue, two jobs side
  // by side, two instances) send one invitation. A run that fails gives the claim back for its retry.
  const [claimed] = await db
    .update(applications)
    .set({ candidateNotifiedAt: new Date() })
    .where(
      and(
        eq(applications.id, applicationId),
        // Invited to confirm it: the states the candidate's confirmation starts from.
        inArray(applications.state, [...ACTION_FROM.confirm]),
        isNull(applications.candidateNotifiedAt),
      ),
    )
    .returning({ id: applications.id });
  if (!claimed) return;
  try {
    await notifyCandidate(db, notifier, applicationId);
  } catch (error) {
    await db.update(applications).set({ candidateNotifiedAt: null }).where(eq(applications.id, applicationId));
    throw error;
  }
}

/**
 * The invitation is queued after the validation commits; if that ever failed (service stopped in
 * between), this sweep finds the validated applications whose candidate was never notified and
 * queues them again. `grace` leaves time to the normal path.
 */
export async function requeueMissedInvitations(
  db: AntsDb,
  queue: (applicationId: string) => Promise<void>,
  now = new Date(),
  graceMs = 5 * 60 * 1000,
): Promise<number> {
  const missed = await db
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        // Invited to confirm it: the states the candidate's confirmation starts from.
        inArray(applications.state, [...ACTION_FROM.confirm]),
        isNull(applications.candidateNotifiedAt),
        lt(applications.updatedAt, new Date(now.getTime() - graceMs)),
      ),
    );
  for (const { id } of missed) await queue(id);
  return missed.length;
}

async function notifyCandidate(db: AntsDb, notifier: Notifier, applicationId: string): Promise<void> {
  const [row] = await db
    .select({ application: applications, candidate: candidates })
    .from(applications)
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .where(eq(applications.id, applicationId))
    .limit(1);
  if (!row) return;
  const { candidate, application } = row;
  // The contacts of the application being validated, never ones an earlier school left on the
  // record. The SMS only tells the news: what opens the account goes to the email alone (seed 000,
  // « le lien disponible dans le courrier électronique »), since a school may type any mobile.
  const typed = application.candidate;
  const entered = typed.mobile ?? '';
  const mobile = internationalMobile(entered);
  const unproven = !candidate.activatedAt && candidate.franceConnectSub === null;
  if (unproven) {
    // Nobody has proven this address yet: the account shows what the validating school typed, as
    // the demand the person is asked to check does (their name on the activation page, their mobile).
    await db.transaction(async (tx) => {
      await tx
        .update(candidates)
        .set({ mobile: entered, mobileConfirmedAt: null, ...typedCivilIdentity(typed) })
        .where(eq(candidates.id, candidate.id));
      await recordAudit(tx, {
        by: { actorType: 'school', actorId: application.proAccountId, actorUserId: null },
        action: 'candidate.contacts_from_application',
        target: 'candidate',
        targetId: candidate.id,
      });
    });
  }

  if (candidate.activatedAt) {
    await notifier.mail.enqueue(
      {
        to: candidate.email,
        subject: 'Votre école de conduite a effectué une démarche pour vous',
        text: [
          'Bonjour,',
          '',
          'Votre école de conduite a effectué une démarche pour vous. Plus qu’une seule étape pour valider les informations saisies.',
          '',
          `Connectez-vous à votre compte ANTS avec vos identifiants habituels pour vérifier et valider la demande n° ${application.number} :`,
          `${notifier.publicUrl}/monespace/connexion`,
          ...SIGNATURE,
        ].join('\n'),
      },
      { urgent: true },
    );
    if (mobile) {
      await notifier.sms.enqueue({
        to: mobile,
        text: `ANTS : votre école de conduite a saisi une demande de permis pour vous. Connectez-vous à votre compte pour la valider : ${notifier.publicUrl}/monespace/connexion`,
      });
    }
    await keepSentMessage(db, {
      candidateId: candidate.id,
      applicationId,
      kind: 'invitation',
      subject: 'Votre école de conduite a effectué une démarche pour vous',
      body: `Votre école de conduite a saisi la demande n° ${application.number} pour vous. Vérifiez-la et validez-la depuis « Mes démarches en cours ».`,
    });
    return;
  }

  // One activation link at a time: a new invitation replaces an unused one.
  // Seed 000: the 7 days run « à compter de la réception de ce courrier électronique »: each mail
  // starts them again, so that a demand another school validated earlier never shortens this one's.
  const invitedAt = new Date();
  const token = await db.transaction(async (tx) => {
    const issued = await issueLink(tx, {
      candidateId: candidate.id,
      purpose: 'activation',
      expiresAt: new Date(invitedAt.getTime() + ACTIVATION_DAYS * 24 * 3600 * 1000),
    });
    await tx.update(candidates).set({ invitedAt }).where(eq(candidates.id, candidate.id));
    return issued;
  });
  const link = `${notifier.publicUrl}/monespace/activer/${token}`;
  // The wording of the agency's mail, as seed 000 reproduces it.
  await notifier.mail.enqueue(
    {
      to: candidate.email,
      subject: 'Activez votre compte ANTS pour valider votre demande de permis de conduire',
      text: [
        'Bonjour,',
        '',
        'Votre école de conduite a effectué une démarche pour vous. Plus qu’une seule étape pour valider les informations saisies.',
        '',
        'Pour cela, cliquez sur le lien ci-dessous qui vous permettra d’activer la création de votre compte ANTS puis laissez-vous guider par le message pour valider la demande formulée par votre école de conduite.',
        '',
        'Cliquez sur le lien ci-dessous pour confirmer votre adresse électronique et définir votre mot de passe :',
        '',
        link,
        '',
        '* Attention, sans connexion de votre part dans les 7 jours le compte sera supprimé.',
        '',
        '* Une fois votre compte activé, vous recevrez par courriel votre identifiant de connexion afin de profiter de tous les services pratiques du site.',
        ...SIGNATURE,
      ].join('\n'),
    },
    { urgent: true },
  );
  if (mobile) {
    await notifier.sms.enqueue({
      to: mobile,
      text: "ANTS : votre école de conduite a terminé la saisie d'une demande de permis. Activez votre compte sous 7 jours avec le lien du courriel que l'ANTS vient de vous envoyer, puis validez la demande.",
    });
  }
  // In « Mes messages » once the account is activated; the link itself is never stored.
  await keepSentMessage(db, {
    candidateId: candidate.id,
    applicationId,
    kind: 'invitation',
    subject: 'Activez votre compte ANTS pour valider votre demande de permis de conduire',
    body: `Votre école de conduite a saisi la demande n° ${application.number} pour vous. Un lien personnel d’activation de votre compte vous a été envoyé par courriel (valable 7 jours) ; vous pouvez ensuite valider la demande depuis « Mes démarches en cours ».`,
  });
}
