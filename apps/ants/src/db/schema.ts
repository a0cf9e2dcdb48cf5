import {
  APPLICATION_STATES,
  type Candidate,
  type Dossier,
  type LegalRepresentative,
  type PieceFile,
} from '@permis/ants-api';
import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export { loginFailures } from '@permis/platform/loginThrottle';
export { rateWindows } from '@permis/platform/rateLimit';
export { sessions } from '@permis/platform/sessions';

/** Binary data (the images of an ePhoto), as Buffers on both drivers. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * A driving school's professional account on the national service: the establishment, identified
 * by its Cerfa agrément number. The people who sign in for it are its users (proUsers).
 */
export const proAccounts = pgTable(
  'pro_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agrementNumber: text('agrement_number').notNull(),
    schoolName: text('school_name').notNull(),
    addressLine: text('address_line').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    city: text('city').notNull().default(''),
    email: text('email').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('pro_accounts_agrement_idx').on(t.agrementNumber)],
);

/**
 * One person who signs in for an establishment: agrément + their own login + their own password
 * (the credentials a school software stores are one of them). The manager (« gestionnaire »)
 * invites the others and may disable them; each action in the audit trail names its user.
 */
export const proUsers = pgTable(
  'pro_users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proAccountId: uuid('pro_account_id')
      .notNull()
      .references(() => proAccounts.id),
    login: text('login').notNull(),
    /** Null until the invited user chose a password from the mailed link. */
    passwordHash: text('password_hash'),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    email: text('email').notNull(),
    manager: boolean('manager').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('pro_users_account_login_idx').on(t.proAccountId, t.login)],
);

/** The single-use link (hash only) an invited user follows to choose a password. */
export const proUserTokens = pgTable('pro_user_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  proUserId: uuid('pro_user_id')
    .notNull()
    .references(() => proUsers.id),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** An instructing agent (CERT or préfecture) who processes validated applications. */
export const agents = pgTable(
  'agents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    login: text('login').notNull(),
    passwordHash: text('password_hash').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    /** The instruction service the agent belongs to, e.g. "CERT de Nantes". */
    service: text('service').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('agents_login_idx').on(t.login)],
);

/** Who did what, when, why: every sign-in and, later, every transition of an application. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorType: text('actor_type').notNull(),
    actorId: uuid('actor_id'),
    /** Of a school's action: which of its users did it (null for its software's older tokens, jobs). */
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    reason: text('reason').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_target_idx').on(t.targetType, t.targetId)],
);

/** Bearer tokens of the professional API (hashed), obtained with the school's Cerfa credentials. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    proAccountId: uuid('pro_account_id')
      .notNull()
      .references(() => proAccounts.id),
    /** Whose credentials got it: the school's actions through it are theirs in the audit trail. */
    proUserId: uuid('pro_user_id')
      .notNull()
      .references(() => proUsers.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('api_tokens_account_idx').on(t.proAccountId), index('api_tokens_user_idx').on(t.proUserId)],
);

/** A candidate known to the national service (their personal account comes with the candidate space). */
export const candidates = pgTable(
  'candidates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    sex: text('sex', { enum: ['F', 'M'] }).notNull(),
    birthName: text('birth_name').notNull(),
    usageName: text('usage_name').notNull().default(''),
    firstName: text('first_name').notNull(),
    otherFirstNames: text('other_first_names').notNull().default(''),
    birthDate: text('birth_date').notNull(),
    birthCity: text('birth_city').notNull(),
    birthDepartment: text('birth_department').notNull().default(''),
    birthCountry: text('birth_country').notNull(),
    neph: text('neph'),
    mobile: text('mobile').notNull().default(''),
    /**
     * When the person confirmed the mobile with a code sent to it. Null: a school typed it, which
     * proves nothing; a demand's news then go by SMS only to the mobile typed on that demand.
     */
    mobileConfirmedAt: timestamp('mobile_confirmed_at', { withTimezone: true }),
    /** The personal account, created unactivated by a school's validation (seed 000). */
    loginId: text('login_id'),
    passwordHash: text('password_hash'),
    secretQuestion: text('secret_question'),
    secretAnswerHash: text('secret_answer_hash'),
    /** When the first activation link was sent: unactivated 7 days later, account and applications go. */
    invitedAt: timestamp('invited_at', { withTimezone: true }),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    /**
     * How the password and secret question were set: 'email' through a link mailed to the account's
     * address, 'franceconnect' by a session FranceConnect opened. Null: none, or set before this was
     * kept (an activation link could then reach a mobile a school typed); a FranceConnect sign-in
     * revokes such credentials and their sessions, since only the email or FranceConnect prove the person.
     */
    credentialsVia: text('credentials_via', { enum: ['email', 'franceconnect'] }),
    /**
     * Who vouched for the état civil: 'franceconnect' (the pivot), 'attestation' (the person swore
     * a demand's recap on honour, or sent their own). Null: only what schools typed, which proves
     * nothing and refuses nothing (decision 0016), even on an account whose email is proven.
     */
    identityVia: text('identity_via', { enum: ['franceconnect', 'attestation'] }),
    /** FranceConnect's subject for this person, once a FranceConnect sign-in found or made the account. */
    franceConnectSub: text('france_connect_sub'),
    /** This sign-in and the one before it: the home shows « Dernière connexion », the previous one. */
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    previousLoginAt: timestamp('previous_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('candidates_email_idx').on(t.email),
    uniqueIndex('candidates_france_connect_idx').on(t.franceConnectSub),
    uniqueIndex('candidates_login_idx').on(t.loginId),
    index('candidates_identity_idx').on(t.birthName, t.firstName, t.birthDate),
    // A FranceConnect identity is looked for by birth date and sex, its names compared in code.
    index('candidates_birth_idx').on(t.birthDate, t.sex),
  ],
);

export const applicationState = pgEnum('application_state', APPLICATION_STATES);

/** An online application (Cerfa 02 or 06). Its state changes only through applications/machine.ts. */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    type: text('type', { enum: ['02', '06'] }).notNull(),
    state: applicationState('state').notNull().default('draft'),
    /**
     * The school that handles it now (changes on transfer); null: the candidate's own demand, a
     * candidat libre's (decision 0013).
     */
    proAccountId: uuid('pro_account_id').references(() => proAccounts.id),
    /** The school that handed it over, if it was transferred. */
    previousProAccountId: uuid('previous_pro_account_id').references(() => proAccounts.id),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id),
    /** The candidate, legal representative and dossier as sent (validated by @permis/ants-api). */
    candidate: jsonb('candidate').$type<Candidate>().notNull(),
    legalRepresentative: jsonb('legal_representative').$type<LegalRepresentative>(),
    dossier: jsonb('dossier').$type<Dossier>().notNull(),
    paperMandate: boolean('paper_mandate').notNull().default(false),
    /** When the candidate's mail and SMS were queued after the school's validation (null: still to do). */
    candidateNotifiedAt: timestamp('candidate_notified_at', { withTimezone: true }),
    neph: text('neph'),
    /** The ePhoto code attached (kept with `ephoto_codes.application_id`, in the same transaction). */
    ephotoCode: text('ephoto_code'),
    /** The reason given with the last transition that had one (pièce to complete, rejection). */
    stateReason: text('state_reason'),
    /**
     * The kinds of pièces that have a file, kept with the files (`pieces/piecesSent.ts`) so that
     * every view of a demand says what a draft still waits for without reading its files.
     */
    piecesSent: text('pieces_sent').array().$type<PieceFile['kind'][]>().notNull().default(sql`'{}'::text[]`),
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash'),
    // Millisecond precision: the sync cursor (updatedAt, id) round-trips through JavaScript dates.
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('applications_number_idx').on(t.number),
    uniqueIndex('applications_idempotency_idx').on(t.proAccountId, t.idempotencyKey),
    index('applications_account_updated_idx').on(t.proAccountId, t.updatedAt, t.id),
    index('applications_previous_account_idx').on(t.previousProAccountId),
    index('applications_candidate_idx').on(t.candidateId),
  ],
);

/**
 * The schools an application was transferred away from: each keeps a "Transféré" row (seed 002)
 * with only the number, type and dates, however many transfers follow. A school that takes it
 * back holds it again and leaves this table.
 */
export const formerHolders = pgTable(
  'former_holders',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    proAccountId: uuid('pro_account_id')
      .notNull()
      .references(() => proAccounts.id),
    /** When it left this school (millisecond precision: the list's sync cursor). */
    leftAt: timestamp('left_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.proAccountId] }),
    index('former_holders_account_left_idx').on(t.proAccountId, t.leftAt, t.applicationId),
  ],
);

/** A file sent for a pièce justificative; its bytes are in the file store (pieces/fileStore.ts). */
export const pieceFiles = pgTable(
  'piece_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    kind: text('kind').$type<PieceFile['kind']>().notNull(),
    fileName: text('file_name').notNull(),
    storageName: text('storage_name').notNull(),
    mediaType: text('media_type').$type<PieceFile['mediaType']>().notNull(),
    size: integer('size').notNull(),
    pages: integer('pages').notNull(),
    /** SHA-256 of the bytes: the same file sent again for the same pièce is the one kept (null: before 1.4.0). */
    sha256: text('sha256'),
    comment: text('comment').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('piece_files_application_idx').on(t.applicationId, t.kind)],
);

/**
 * The bytes of the stored files, when the service runs on a PostgreSQL server: every instance reads
 * them, and they are written and removed in the transaction of the row that names them.
 */
export const storedFiles = pgTable('stored_files', {
  name: text('name').primaryKey(),
  bytes: bytea('bytes').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An approved photo booth (cabine agréée) allowed to issue ePhoto codes; its key is stored hashed. */
export const photoBooths = pgTable('photo_booths', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  address: text('address').notNull().default(''),
  apiKeyHash: text('api_key_hash').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An ePhoto code: a photo and a signature taken by an approved booth, usable once, by one
 * application (a Cerfa 02 and its later Cerfa 06 need two codes).
 */
export const ephotoCodes = pgTable(
  'ephoto_codes',
  {
    code: text('code').primaryKey(),
    boothId: uuid('booth_id')
      .notNull()
      .references(() => photoBooths.id),
    photo: bytea('photo').notNull(),
    signature: bytea('signature').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    applicationId: uuid('application_id').references(() => applications.id),
    /**
     * The candidate the code was first attached for: the photo is theirs, so once released (a
     * draft's code removed or replaced) it can serve only their applications, at any school.
     */
    candidateId: uuid('candidate_id').references(() => candidates.id),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('ephoto_codes_application_idx').on(t.applicationId)],
);

/**
 * What the service told a candidate about their demands (« Mes messages »): one row per change,
 * written in the change's own transaction, then handed once to the mail and SMS queues (`sentAt`).
 * The text is kept as sent, never with a link's token.
 */
export const candidateMessages = pgTable(
  'candidate_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id),
    applicationId: uuid('application_id').references(() => applications.id),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    sms: text('sms').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When it was handed to the mail and SMS queues (claimed by one sender only). */
    sentAt: timestamp('sent_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('candidate_messages_candidate_idx').on(t.candidateId, t.createdAt),
    index('candidate_messages_unsent_idx').on(t.createdAt).where(sql`sent_at is null`),
  ],
);

/** Single-use links sent to a candidate (activation, password reset): random, hashed, expiring. */
export const candidateTokens = pgTable(
  'candidate_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['activation', 'password_reset', 'email_change', 'attach'] }).notNull(),
    /** For an email change: the new address, which the link sent to it confirms; to attach: the other address. */
    newEmail: text('new_email'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('candidate_tokens_candidate_idx').on(t.candidateId, t.purpose)],
);

/** SMS kept for the development outbox page (SMS_PROVIDER=outbox); a real provider sends them instead. */
export const smsOutbox = pgTable('sms_outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  to: text('to').notNull(),
  text: text('text').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
});

/** NEPH order numbers, per year and département (the NEPH is built from them when an inscription is accepted). */
export const nephSequences = pgTable(
  'neph_sequences',
  {
    year: text('year').notNull(),
    department: text('department').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [uniqueIndex('neph_sequences_idx').on(t.year, t.department)],
);

/** A school's webhook (professional API): where the national service pushes its applications' changes. */
export const proWebhooks = pgTable('pro_webhooks', {
  proAccountId: uuid('pro_account_id')
    .primaryKey()
    .references(() => proAccounts.id),
  url: text('url').notNull(),
  /** The HMAC secret, AES-256-GCM sealed with ANTS_SECRET_KEY (it must be read back to sign). */
  secretSealed: text('secret_sealed').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The transactional outbox of webhook events: written in the same transaction as the change it
 * announces, delivered afterwards with retries and backoff (webhooks/dispatch.ts).
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proAccountId: uuid('pro_account_id')
      .notNull()
      .references(() => proAccounts.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [index('webhook_events_due_idx').on(t.status, t.nextAttemptAt)],
);

/**
 * "Nouvelle demande" being entered on the professional space, step by step: the body of each saved
 * step until the dossier, then the draft application it became (created with the entry as its
 * idempotency key, so a repeated last step never makes a second one).
 */
export const applicationEntries = pgTable(
  'application_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proAccountId: uuid('pro_account_id')
      .notNull()
      .references(() => proAccounts.id),
    /** The saved steps' bodies, by step (validated by @permis/ants-api's step schemas). */
    steps: jsonb('steps').notNull().default({}),
    applicationId: uuid('application_id').references(() => applications.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('application_entries_account_idx').on(t.proAccountId, t.updatedAt)],
);

// ─── Issue 35: a new mobile is confirmed by a code sent to it (candidates/mobileChange.ts) ───────

/**
 * A candidate's asked-for new mobile, until the code SMSed to it comes back: one at a time per
 * candidate (asking again replaces it), dropped after 5 wrong codes. The number is kept sealed
 * (SecretBox), the code only as its keyed digest (SecretBox.mac, bound to the candidate and the number).
 */
export const candidateMobileChanges = pgTable('candidate_mobile_changes', {
  candidateId: uuid('candidate_id')
    .primaryKey()
    .references(() => candidates.id, { onDelete: 'cascade' }),
  /** The new number as the candidate typed it (normalised), sealed. */
  newMobile: text('new_mobile').notNull(),
  codeHash: text('code_hash').notNull(),
  /** Wrong codes typed for this code. */
  failures: integer('failures').notNull().default(0),
  /** The code's end (10 minutes); the request stays, for « Renvoyer un code ». */
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
