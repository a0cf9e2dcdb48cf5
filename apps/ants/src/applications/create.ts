import {
  API_ERRORS,
  type createApplicationSchema,
  parisToday,
  REGISTERED_ELSEWHERE,
  STATE_SETS,
} from '@permis/ants-api';
import { pgErrorCode, prepared, sha256 } from '@permis/platform';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AntsDb, AntsSession, AntsTx } from '../db/index.ts';
import { applications, auditEvents, candidates } from '../db/schema.ts';
import { candidateAudit, type SchoolActor, schoolAudit } from '../pro/actor.ts';
import { proError } from '../pro/errors.ts';
import type { ApplicationRow } from './machine.ts';
import { insertApplication } from './number.ts';
import { dataErrors } from './rules.ts';

type Request = z.output<typeof createApplicationSchema>;

// The statements every creation runs, built once (issue 17: building them was a seventh of its CPU).
const { placeholder } = sql;
/** Not the candidate record the draft being modified made (null: no such record, every row). */
const notOwn = sql`${candidates.id} is distinct from ${placeholder('own')}`;

const applicationByKey = prepared((on: AntsSession) =>
  on
    .select()
    .from(applications)
    .where(
      and(eq(applications.proAccountId, placeholder('schoolId')), eq(applications.idempotencyKey, placeholder('key'))),
    )
    .limit(1)
    .prepare('application_by_key'),
);

const candidateByEmail = prepared((on: AntsSession) =>
  on
    .select()
    .from(candidates)
    .where(and(eq(candidates.email, placeholder('email')), notOwn))
    .limit(1)
    .prepare('candidate_by_email'),
);

const candidateTwin = prepared((on: AntsSession) =>
  on
    .select({ id: candidates.id })
    .from(candidates)
    .where(
      and(
        eq(candidates.birthName, placeholder('birthName')),
        eq(candidates.firstName, placeholder('firstName')),
        eq(candidates.birthDate, placeholder('birthDate')),
        ne(candidates.email, placeholder('email')),
        notOwn,
      ),
    )
    .limit(1)
    .prepare('candidate_twin'),
);

const insertCandidate = prepared((on: AntsSession) =>
  on
    .insert(candidates)
    .values({
      email: placeholder('email'),
      sex: placeholder('sex'),
      birthName: placeholder('birthName'),
      usageName: placeholder('usageName'),
      firstName: placeholder('firstName'),
      otherFirstNames: placeholder('otherFirstNames'),
      birthDate: placeholder('birthDate'),
      birthCity: placeholder('birthCity'),
      birthDepartment: placeholder('birthDepartment'),
      birthCountry: placeholder('birthCountry'),
      mobile: placeholder('mobile'),
    })
    .returning({ id: candidates.id })
    .prepare('insert_candidate'),
);

const liveApplications = prepared((on: AntsSession) =>
  on
    .select({
      id: applications.id,
      number: applications.number,
      state: applications.state,
      proAccountId: applications.proAccountId,
    })
    .from(applications)
    .where(
      and(
        eq(applications.candidateId, placeholder('candidateId')),
        eq(applications.type, placeholder('type')),
        inArray(applications.state, [...STATE_SETS.live]),
        sql`${applications.id} is distinct from ${placeholder('currentId')}`,
      ),
    )
    .prepare('live_applications'),
);

const auditCreation = prepared((on: AntsSession) =>
  on
    .insert(auditEvents)
    .values({
      actorType: placeholder('actorType'),
      actorId: placeholder('actorId'),
      actorUserId: placeholder('actorUserId'),
      action: 'application.create',
      targetType: 'application',
      targetId: placeholder('targetId'),
    })
    .prepare('audit_application_create'),
);

/**
 * Creates a draft for a school. The idempotency key makes a retry (after a timeout, a cut
 * connection) return the application the first call created, never a second one.
 */
export async function createApplication(
  db: AntsDb,
  school: SchoolActor,
  idempotencyKey: string,
  request: Request,
): Promise<{ row: ApplicationRow; created: boolean }> {
  const schoolId = school.id;
  const requestHash = sha256(JSON.stringify(request));
  const replay = await findByKey(db, schoolId, idempotencyKey);
  if (replay) return { row: sameRequest(replay, requestHash), created: false };

  const errors = dataErrors(request, parisToday());
  if (errors.length > 0) throw proError('DATA_ERROR', API_ERRORS.DATA_ERROR.title, errors);

  try {
    return await db.transaction(async (tx) => {
      // Same key, or same candidate, at the same time: one after the other, so a retry racing its
      // first attempt finds it, and a candidate never gets two live applications of one type.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`key:${schoolId}:${idempotencyKey}`}))`);
      const raced = await findByKey(tx, schoolId, idempotencyKey);
      if (raced) return { row: sameRequest(raced, requestHash), created: false };
      const candidateId = await candidateFor(tx, schoolId, request);
      const inserted = await insertApplication(tx, {
        type: request.type,
        proAccountId: schoolId,
        candidateId,
        candidate: request.candidate,
        legalRepresentative: request.legalRepresentative,
        dossier: request.dossier,
        paperMandate: request.paperMandate,
        idempotencyKey,
        requestHash,
      });
      await auditCreation(tx).execute({ ...schoolAudit(school), targetId: inserted.id });
      return { row: inserted, created: true };
    });
  } catch (error) {
    // Two copies of the same request raced: the loser returns the winner's application.
    if (pgErrorCode(error) === '23505') {
      const winner = await findByKey(db, schoolId, idempotencyKey);
      if (winner) return { row: sameRequest(winner, requestHash), created: false };
    }
    throw error;
  }
}

/**
 * The candidate a school's application is for, checked as a creation checks it: one email is one
 * candidate, a candidate has one live application of a type (an accepted Cerfa 02 aside), and a
 * Cerfa 06 needs the accepted Cerfa 02. `current` is the draft being modified: it does not block
 * itself, and the candidate record only it made may take the corrected identity.
 */
export async function candidateFor(
  tx: AntsTx,
  schoolId: string,
  request: Request,
  current?: { applicationId: string; ownCandidateId?: string },
): Promise<string> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`candidate:${request.candidate.email.toLowerCase()}`}))`,
  );
  const candidateId = await matchCandidate(tx, request, current?.ownCandidateId);
  await assertMayApply(tx, candidateId, request.type, schoolId, current?.applicationId);
  return candidateId;
}

/**
 * A candidate has one live application of a type (an accepted Cerfa 02 aside), and a Cerfa 06 needs
 * the accepted Cerfa 02: for a school's demand as for the candidate's own (`holderId` null). A
 * draft blocks only its own kind of holder: a school's draft, which the candidate never saw, does
 * not stop their own demand, nor their own draft a school's; the check runs again when a demand is
 * sent (`assertReadyToSend`), so two never leave together.
 */
export async function assertMayApply(
  tx: AntsTx,
  candidateId: string,
  type: Request['type'],
  holderId: string | null,
  currentId?: string,
): Promise<void> {
  const live = await liveApplications(tx).execute({ candidateId, type, currentId: currentId ?? null });
  const otherKind = (a: { proAccountId: string | null }) => (a.proAccountId === null) !== (holderId === null);
  const blocking = live
    .filter((a) => !(type === '02' && a.state === 'accepted'))
    .filter((a) => !(a.state === 'draft' && otherKind(a)));
  if (blocking.length > 0) {
    // The number only to whoever holds it (a school, or the candidate for their own): to another, it would open a takeover.
    const own = blocking.find((a) => a.proAccountId === holderId);
    const elsewhere =
      holderId === null
        ? 'Une école de conduite a déjà une demande de ce type en cours pour vous : rapprochez-vous d’elle, ou attendez son issue.'
        : blocking.some((a) => a.proAccountId === null)
          ? 'Le candidat a déposé lui-même une demande de ce type (candidat libre) : elle doit aboutir, ou il doit y renoncer, avant la vôtre.'
          : REGISTERED_ELSEWHERE;
    throw proError(
      'APPLICATION_ALREADY_REGISTERED',
      own ? `${API_ERRORS.APPLICATION_ALREADY_REGISTERED.title} (demande n° ${own.number})` : elsewhere,
    );
  }
  if (type === '06') {
    const accepted02 = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(
        and(eq(applications.candidateId, candidateId), eq(applications.type, '02'), eq(applications.state, 'accepted')),
      )
      .limit(1);
    if (accepted02.length === 0) throw proError('CERFA_02_NOT_ACCEPTED');
  }
}

/**
 * The candidat libre's own demand (decision 0013), created as a draft they hold: the identity is
 * their account's (never typed again), no paper mandate, and the same rules as a school's demand.
 */
export async function createOwnApplication(
  db: AntsDb,
  candidateId: string,
  input: Omit<Request, 'paperMandate' | 'candidate'> & {
    candidate: Omit<Request['candidate'], keyof ReturnType<typeof identityOf>>;
    /** The birth town of an account that has none (born abroad, FranceConnect gives the country only). */
    birthCity?: string;
  },
): Promise<ApplicationRow> {
  const [account] = await db.select().from(candidates).where(eq(candidates.id, candidateId)).limit(1);
  if (!account) throw proError('TOKEN_INVALID');
  const { birthCity: namedTown, ...body } = input;
  const identity = identityOf(account);
  const namesTown = identity.birthCity === '' && Boolean(namedTown);
  if (namesTown) identity.birthCity = namedTown!.toUpperCase();
  const request: Request = { ...body, paperMandate: false, candidate: { ...body.candidate, ...identity } };
  const errors = dataErrors(request, parisToday());
  if (errors.length > 0) throw proError('DATA_ERROR', API_ERRORS.DATA_ERROR.title, errors);
  return db.transaction(async (tx) => {
    // One after the other for one candidate: never two live demands of a type.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`candidate:${account.email}`}))`);
    await assertMayApply(tx, candidateId, request.type, null);
    if (namesTown) {
      await tx
        .update(candidates)
        .set({ birthCity: identity.birthCity })
        .where(and(eq(candidates.id, candidateId), eq(candidates.birthCity, '')));
    }
    const inserted = await insertApplication(tx, {
      type: request.type,
      proAccountId: null,
      candidateId,
      candidate: request.candidate,
      legalRepresentative: request.legalRepresentative,
      dossier: request.dossier,
      paperMandate: false,
    });
    await auditCreation(tx).execute({ ...candidateAudit(candidateId), targetId: inserted.id });
    return inserted;
  });
}

/** The identity a candidate's own demand carries: their account's, as the agency knows it. */
export function identityOf(account: typeof candidates.$inferSelect) {
  return { email: account.email, ...civilIdentity(account) };
}

/** A candidate record's état civil: what « Mes données personnelles » shows and a demand carries. */
export function civilIdentity(account: typeof candidates.$inferSelect) {
  const { sex, birthName, usageName, firstName, otherFirstNames, birthDate, birthCity, birthDepartment, birthCountry } =
    account;
  return { sex, birthName, usageName, firstName, otherFirstNames, birthDate, birthCity, birthDepartment, birthCountry };
}

async function findByKey(on: AntsSession, schoolId: string, key: string) {
  const [row] = await applicationByKey(on).execute({ schoolId, key });
  return row;
}

function sameRequest(row: ApplicationRow, requestHash: string): ApplicationRow {
  if (row.requestHash !== requestHash) {
    throw proError('IDEMPOTENCY_KEY_REUSED');
  }
  return row;
}

/**
 * The candidate this application is for. One email is one candidate: the same email with another
 * identity is refused (two members of a family), and so is a known candidate whose data differ.
 * The answers never say which stored value differs: a school could guess another's candidate
 * field by field. `own` is a candidate record only the draft being modified made (never invited,
 * no other application): it is not a match for itself, and takes the corrected identity.
 */
async function matchCandidate(tx: AntsTx, request: Request, own?: string): Promise<string> {
  const c = request.candidate;
  const email = c.email.toLowerCase();
  const [byEmail] = await candidateByEmail(tx).execute({ email, own: own ?? null });
  if (byEmail) {
    const sameIdentity =
      byEmail.birthName === c.birthName.toUpperCase() &&
      byEmail.firstName.toUpperCase() === c.firstName.toUpperCase() &&
      byEmail.birthDate === c.birthDate;
    if (!sameIdentity) throw proError('EMAIL_ALREADY_USED');
    const differs =
      byEmail.sex !== c.sex ||
      byEmail.birthCity !== c.birthCity ||
      byEmail.birthDepartment !== c.birthDepartment ||
      byEmail.birthCountry !== c.birthCountry;
    if (differs) throw proError('CANDIDATE_DATA_DIFFERS');
    return byEmail.id;
  }
  // The same person known under another email: the school must fix the fiche, not create a twin.
  const [twin] = await candidateTwin(tx).execute({
    birthName: c.birthName.toUpperCase(),
    firstName: c.firstName,
    birthDate: c.birthDate,
    email,
    own: own ?? null,
  });
  if (twin) throw proError('CANDIDATE_DATA_DIFFERS');
  const identity = {
    email,
    sex: c.sex,
    birthName: c.birthName.toUpperCase(),
    usageName: c.usageName,
    firstName: c.firstName,
    otherFirstNames: c.otherFirstNames,
    birthDate: c.birthDate,
    birthCity: c.birthCity,
    birthDepartment: c.birthDepartment,
    birthCountry: c.birthCountry,
    mobile: c.mobile,
  };
  if (own) {
    await tx.update(candidates).set(identity).where(eq(candidates.id, own));
    return own;
  }
  const [created] = await insertCandidate(tx).execute(identity);
  return created!.id;
}
