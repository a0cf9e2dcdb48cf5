import type { LegalRepresentative } from '@permis/ants-api';
import type { PieceKind } from '@permis/referentiel';
import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
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
export { sessions } from '@permis/platform/sessions';

/** A driving school (auto-école): the tenant. Everything below belongs to exactly one school. */
export const schools = pgTable('schools', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An office (bureau / agence) of a school, with its "Agrément pour Cerfa" credentials. */
export const offices = pgTable(
  'offices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    name: text('name').notNull(),
    addressLine: text('address_line').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    city: text('city').notNull().default(''),
    phone: text('phone').notNull().default(''),
    cerfaAgrement: text('cerfa_agrement'),
    antsLogin: text('ants_login'),
    /** AES-256-GCM sealed (platform/secrets): never returned by the API, never logged. */
    antsPasswordSealed: text('ants_password_sealed'),
    prefectureCode: text('prefecture_code'),
    /** Where the last complete "Mettre à jour depuis le site de la préfecture" stopped (modification cursor). */
    syncCursor: text('sync_cursor'),
    /** The national service's webhook for this office: the address registered and its signing secret (sealed). */
    webhookUrl: text('webhook_url'),
    webhookSecretSealed: text('webhook_secret_sealed'),
    /** What the national service said of the credentials when they were last saved; null: not asked yet. */
    antsCredentialsCheck: text('ants_credentials_check', { enum: ['accepted', 'refused'] }),
    antsCredentialsCheckedAt: timestamp('ants_credentials_checked_at', { withTimezone: true }),
    /** The last time the national service told this office something (a push or a completed update). */
    antsLastHeardAt: timestamp('ants_last_heard_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('offices_school_idx').on(t.schoolId)],
);

export const userRole = pgEnum('user_role', ['dirigeant', 'secretaire', 'moniteur']);

/** A person who signs in to the back office. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    officeId: uuid('office_id').references(() => offices.id),
    login: text('login').notNull(),
    email: text('email').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    role: userRole('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_login_idx').on(t.login), index('users_school_idx').on(t.schoolId)],
);

/** One row per user and right: granted (Oui) or refused (Non), as in "Droits utilisateurs". */
export const userRights = pgTable(
  'user_rights',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    right: text('right').notNull(),
    granted: boolean('granted').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.right] })],
);

/** A student (élève): the "fiche élève" of Espace Clients. */
export const students = pgTable(
  'students',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    /** The responsible office: its credentials are used for this student's online applications. */
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    sex: text('sex', { enum: ['F', 'M'] }).notNull(),
    birthName: text('birth_name').notNull(),
    usageName: text('usage_name').notNull().default(''),
    firstName: text('first_name').notNull(),
    otherFirstNames: text('other_first_names').notNull().default(''),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    birthCity: text('birth_city').notNull().default(''),
    birthDepartment: text('birth_department').notNull().default(''),
    birthCountry: text('birth_country').notNull().default('FRANCE'),
    addressLine: text('address_line').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    city: text('city').notNull().default(''),
    email: text('email').notNull(),
    mobile: text('mobile').notNull().default(''),
    /** Required for a minor (the national service checks it too). */
    legalRepresentative: jsonb('legal_representative').$type<LegalRepresentative>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('students_school_idx').on(t.schoolId),
    // One email per student within a school: the national service refuses a shared one.
    uniqueIndex('students_school_email_idx').on(t.schoolId, t.email),
  ],
);

/** Who did what, when: rights changes and, later, every action on an application. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    details: text('details').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_school_at_idx').on(t.schoolId, t.at)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** The student's documents (scans kept on the fiche), which can be sent as pièces justificatives. */
export const studentDocuments = pgTable(
  'student_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('student_documents_student_idx').on(t.studentId)],
);

/** The "Dossier 02 - 06" tab of a student (paper and online parts), as typed by the school. */
export const studentDossiers = pgTable('student_dossiers', {
  studentId: uuid('student_id')
    .primaryKey()
    .references(() => students.id, { onDelete: 'cascade' }),
  /** Validated by `dossierFormSchema` (students/dossier.ts). */
  form: jsonb('form').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/**
 * The school's copy of an online application on the national service ("Informations concernant
 * les demandes faites en ligne"), refreshed after every action and by "Mettre à jour".
 */
export const onlineApplications = pgTable(
  'online_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    /** Null for an application not (yet) linked to a student. */
    studentId: uuid('student_id').references(() => students.id, { onDelete: 'set null' }),
    type: text('type', { enum: ['02', '06'] }).notNull(),
    number: text('number').notNull(),
    /** "Prénom NOM" as the national service has it (the list's Elève column when not linked). */
    candidateName: text('candidate_name').notNull().default(''),
    antsId: uuid('ants_id').notNull(),
    state: text('state').notNull(),
    stateLabel: text('state_label').notNull(),
    stateReason: text('state_reason'),
    /** A draft's required pièces without a file on the national service (its status says it waits for them). */
    missingPieces: text('missing_pieces').array().$type<PieceKind[]>().notNull().default(sql`'{}'::text[]`),
    neph: text('neph'),
    /** The ePhoto code attached on the national service, if any. */
    ephotoCode: text('ephoto_code'),
    transferred: boolean('transferred').notNull().default(false),
    paperMandate: boolean('paper_mandate').notNull().default(false),
    remoteCreatedAt: timestamp('remote_created_at', { withTimezone: true, precision: 3 }).notNull(),
    remoteUpdatedAt: timestamp('remote_updated_at', { withTimezone: true, precision: 3 }).notNull(),
    syncedAt: timestamp('synced_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The request this software made the draft with (null for one entered elsewhere): the draft on the
     * national service keeps these data, so the fiche is compared with them to tell when they drifted.
     */
    sent: jsonb('sent'),
  },
  (t) => [
    // One row per office that has seen the application: after a transfer between two offices of the
    // school, the office it left keeps its "Transféré" row and the new holder its live one.
    uniqueIndex('online_applications_office_number_idx').on(t.schoolId, t.officeId, t.number),
    index('online_applications_number_idx').on(t.schoolId, t.number),
    index('online_applications_student_idx').on(t.studentId),
    index('online_applications_office_idx').on(t.officeId, t.remoteUpdatedAt),
  ],
);

/**
 * How many online applications each office has per type and state: the counters of "Demandes en
 * ligne" and the list's total, read in a few rows whatever the office's size. Kept by statement
 * triggers on `online_applications` (migration 0008), in the transaction of every write to it: no
 * code path can forget them.
 */
export const officeCounts = pgTable(
  'office_counts',
  {
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    state: text('state').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.type, t.state] })],
);

/**
 * A "Mettre à jour depuis le site de la préfecture" of one office: run by the `ants-sync` job, page
 * after page; the cursor and counts are saved with each page, so a run killed mid-way resumes where
 * it stopped. The page reads it for the progress bar.
 */
export const syncRuns = pgTable(
  'sync_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    status: text('status', { enum: ['queued', 'running', 'waiting', 'done', 'failed'] }).notNull(),
    /** Optional date windows (yyyy-mm-dd): createdFrom, createdTo, updatedFrom, updatedTo. */
    windows: jsonb('windows').$type<Record<string, string>>().notNull().default({}),
    cursor: text('cursor'),
    fetched: integer('fetched').notNull().default(0),
    total: integer('total'),
    error: text('error'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('sync_runs_office_idx').on(t.officeId, t.createdAt)],
);
