import {
  API_ERRORS,
  type Candidate,
  type createApplicationSchema,
  inStateSet,
  parisToday,
  REGISTERED_ELSEWHERE,
  STATE_SETS,
  samePerson,
} from '@permis/ants-api';
import { pgErrorCode, prepared, sha256 } from '@permis/platform';
import { normalizePlaceName } from '@permis/referentiel';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AntsDb, AntsSession, AntsTx } from '../db/index.ts';
import { applications, candidates } from '../db/schema.ts';
import { candidateAudit, type SchoolActor, schoolAudit } from '../domain/actor.ts';
import { recordAudit } from '../domain/audit.ts';
import { antsError } from '../domain/errors.ts';
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
      candidate: applications.candidate,
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
  if (errors.length > 0) throw antsError('DATA_ERROR', API_ERRORS.DATA_ERROR.title, errors);

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
      await recordAudit(tx, {
        by: schoolAudit(school),
        action: 'application.create',
        target: 'application',
        targetId: inserted.id,
      });
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
 * The candidate a school's application is for: the account of its email (decision 0016). One email
 * is one candidate; what a school types says nothing of who the person is, so a draft claims no
 * identity and checks only the school's own demands (`assertMayApply` at creation); the one live
 * demand rule runs when the demand is sent. `current` is the draft being modified: it does not
 * block itself, and the candidate record only it made may take the corrected identity.
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
  const candidateId = await matchCandidate(tx, request, schoolId, current);
  await assertMayApply(tx, candidateId, request.type, schoolId, { currentId: current?.applicationId, at: 'creation' });
  return candidateId;
}

/**
 * A candidate has one live application of a type (an accepted Cerfa 02 aside), and a Cerfa 06 needs
 * the accepted Cerfa 02: for a school's demand as for the candidate's own (`holderId` null).
 * At creation only the holder's own demands count (the seed's « déjà enregistrée… reliez-la »): a
 * draft tells nothing of others' demands, and nothing others typed can stop it. When the demand is
 * sent, every other demand that has left its holder counts (a draft claims nothing), and the refusal
 * says the same whoever holds it.
 */
export async function assertMayApply(
  tx: AntsTx,
  candidateId: string,
  type: Request['type'],
  holderId: string | null,
  { currentId, at }: { currentId?: string; at: 'creation' | 'sending' },
): Promise<void> {
  const live = await liveApplications(tx).execute({ candidateId, type, currentId: currentId ?? null });
  const own = (a: { proAccountId: string | null }) => a.proAccountId === holderId;
  // A school creating learns nothing of others' demands; the candidate may: they are their own.
  const onlyOwn = at === 'creation' && holderId !== null;
  const blocking = live
    .filter((a) => !(type === '02' && inStateSet('granted', a.state)))
    .filter((a) => own(a) || (!onlyOwn && inStateSet('claims', a.state)));
  if (blocking.length > 0) {
    // The number only to whoever holds it: to another, it would open a takeover.
    const mine = blocking.find(own);
    const elsewhere =
      holderId === null
        ? 'Une école de conduite a déjà une demande de ce type en cours pour vous : rapprochez-vous d’elle, ou attendez son issue.'
        : REGISTERED_ELSEWHERE;
    throw antsError(
      'APPLICATION_ALREADY_REGISTERED',
      mine ? `${API_ERRORS.APPLICATION_ALREADY_REGISTERED.title} (demande n° ${mine.number})` : elsewhere,
    );
  }
  if (type === '06') {
    // A school's 06 needs the accepted 02 in its own hands (taken over by transfer otherwise): the
    // answer never tells a school that another holds one. The candidate's own may use any of theirs.
    const accepted02 = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(
        and(
          eq(applications.candidateId, candidateId),
          eq(applications.type, '02'),
          inArray(applications.state, [...STATE_SETS.granted]),
          holderId === null ? undefined : eq(applications.proAccountId, holderId),
        ),
      )
      .limit(1);
    if (accepted02.length === 0) {
      throw holderId === null
        ? antsError(
            'CERFA_02_NOT_ACCEPTED',
            "La demande de titre (Cerfa 06) n'est possible qu'une fois l'inscription au permis (Cerfa 02) acceptée.",
          )
        : antsError('CERFA_02_NOT_ACCEPTED');
    }
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
  if (!account) throw antsError('TOKEN_INVALID');
  const { birthCity: namedTown, ...body } = input;
  const identity = identityOf(account);
  const namesTown = identity.birthCity === '' && Boolean(namedTown);
  if (namesTown) identity.birthCity = namedTown!.toUpperCase();
  const request: Request = { ...body, paperMandate: false, candidate: { ...body.candidate, ...identity } };
  const errors = dataErrors(request, parisToday());
  if (errors.length > 0) throw antsError('DATA_ERROR', API_ERRORS.DATA_ERROR.title, errors);
  return db.transaction(async (tx) => {
    // One after the other for one candidate: never two live demands of a type.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`candidate:${account.email}`}))`);
    await assertMayApply(tx, candidateId, request.type, null, { at: 'creation' });
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
    await recordAudit(tx, {
      by: candidateAudit(candidateId),
      action: 'application.create',
      target: 'application',
      targetId: inserted.id,
    });
    return inserted;
  });
}

/** The identity a candidate's own demand carries: their account's, as the agency knows it. */
export function identityOf(account: typeof candidates.$inferSelect) {
  return { email: account.email, ...civilIdentity(account) };
}

/**
 * The état civil a demand carries, in the record's terms (birth name upper case, absent texts
 * empty): what an unproven record shows, and what a sworn recap makes the account's.
 */
export function typedCivilIdentity(typed: Candidate) {
  return {
    sex: typed.sex,
    birthName: typed.birthName.toUpperCase(),
    usageName: typed.usageName ?? '',
    firstName: typed.firstName,
    otherFirstNames: typed.otherFirstNames ?? '',
    birthDate: typed.birthDate,
    birthCity: typed.birthCity,
    birthDepartment: typed.birthDepartment ?? '',
    birthCountry: typed.birthCountry,
  };
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
    throw antsError('IDEMPOTENCY_KEY_REUSED');
  }
  return row;
}

/**
 * The candidate this application is for: the record of its email, or a new one. Where the person
 * vouched for its état civil (FranceConnect, or a demand sworn on honour), another identity is
 * refused as the seed says (two members of a family, or data that differ). Where nobody has (an
 * activated email proves the address, not the name a school typed on it), the record is only what
 * schools typed: it refuses nothing, but to the school
 * that typed two people (or one two ways) on one email itself, against its own live demands. Never a comparison with records of other emails: an
 * identity typed elsewhere proves nothing. The answers never say which stored value differs.
 * `current.ownCandidateId` is a record only the draft being modified made: it is not a match for
 * itself, and takes the corrected identity.
 */
async function matchCandidate(
  tx: AntsTx,
  request: Request,
  schoolId: string,
  current?: { applicationId: string; ownCandidateId?: string },
): Promise<string> {
  const c = request.candidate;
  const email = c.email.toLowerCase();
  const own = current?.ownCandidateId;
  const [byEmail] = await candidateByEmail(tx).execute({ email, own: own ?? null });
  if (byEmail) {
    // The état civil the person vouched for (FranceConnect, or a demand sworn on honour): the seed's divergences.
    const compared =
      byEmail.identityVia !== null
        ? [byEmail]
        : (
            await liveApplications(tx).execute({
              candidateId: byEmail.id,
              type: request.type,
              currentId: current?.applicationId ?? null,
            })
          )
            .filter((a) => a.proAccountId === schoolId)
            .map((a) => a.candidate);
    for (const stored of compared) {
      if (!samePerson(stored, c)) throw antsError('EMAIL_ALREADY_USED');
      if (!sameBirth(stored, c)) throw antsError('CANDIDATE_DATA_DIFFERS');
    }
    return byEmail.id;
  }
  const identity = { email, ...typedCivilIdentity(c), mobile: c.mobile };
  if (own) {
    await tx.update(candidates).set(identity).where(eq(candidates.id, own));
    return own;
  }
  const [created] = await insertCandidate(tx).execute(identity);
  return created!.id;
}

type Birth = Pick<Candidate, 'sex' | 'birthCity' | 'birthDepartment' | 'birthCountry'>;

/**
 * The same sex and birth place, compared as the agency writes places (case, accents, hyphens do not
 * count). What the stored record lacks is not compared: FranceConnect gives no town for a birth
 * abroad, a record may have no département.
 */
function sameBirth(stored: Birth, typed: Birth): boolean {
  const place = normalizePlaceName;
  return (
    stored.sex === typed.sex &&
    place(stored.birthCountry) === place(typed.birthCountry) &&
    (stored.birthCity === '' || place(stored.birthCity) === place(typed.birthCity)) &&
    (!stored.birthDepartment || stored.birthDepartment === typed.birthDepartment)
  );
}
