import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export { sessions } from '@permis/platform/sessions';

/**
 * A driving school's professional account on the national service, identified by its Cerfa
 * agrément number + login + password (the credentials the school software stores per office).
 */
export const proAccounts = pgTable(
  'pro_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agrementNumber: text('agrement_number').notNull(),
    login: text('login').notNull(),
    passwordHash: text('password_hash').notNull(),
    schoolName: text('school_name').notNull(),
    addressLine: text('address_line').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    city: text('city').notNull().default(''),
    email: text('email').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('pro_accounts_agrement_login_idx').on(t.agrementNumber, t.login)],
);

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
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    reason: text('reason').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_target_idx').on(t.targetType, t.targetId)],
);
