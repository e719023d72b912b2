/**
 * The SQL schema: server-authoritative records (ARCHITECTURE.md "Live documents"). Live section content lives
 * in `yjs_updates`; everything else that decides access or must be trusted is a row here.
 * Indexes are declared next to their tables.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
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
import { ACCESS_BASES, KADERS, PLAN_ROLES, PLAN_STATUSES, REGIE_KINDS } from '../lib/roles';

/** Binary Yjs updates; node-postgres hands back a Buffer, PGlite a Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const planRole = pgEnum('plan_role', PLAN_ROLES);
export const planStatus = pgEnum('plan_status', PLAN_STATUSES);
export const kader = pgEnum('kader', KADERS);
export const accessBasis = pgEnum('access_basis', ACCESS_BASES);
export const regieKind = pgEnum('regie_kind', REGIE_KINDS);
export const memberStatus = pgEnum('member_status', ['actief', 'wacht_op_toestemming', 'beeindigd']);
export const organisationKind = pgEnum('organisation_kind', ['lokaal_team', 'aanbieder', 'gi', 'verwijzer', 'gemeente', 'tafel']);
export const regionRole = pgEnum('region_role', ['gemeente', 'beheerder']);

export const regions = pgTable('regions', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** Region settings such as section labels; validated with zod where read. */
  settings: jsonb('settings').notNull().default(sql`'{}'::jsonb`),
  createdAt: createdAt(),
});

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: uuid('region_id').notNull().references(() => regions.id),
  name: text('name').notNull(),
  kind: organisationKind('kind').notNull(),
  createdAt: createdAt(),
});

// --- next-auth (v4 adapter tables; sessions are JWT, so no sessions table) ---

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name'),
  email: text('email').notNull(),
  emailVerified: timestamp('email_verified', { withTimezone: true, mode: 'date' }),
  image: text('image'),
  organisationId: uuid('organisation_id').references(() => organisations.id),
  /** Region-level role (gemeente, beheerder); never grants plan access. */
  regionRole: regionRole('region_role'),
  /** Demo people can sign in with the demo provider, and only while demo mode is on. */
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('users_email_idx').on(sql`lower(${t.email})`)]);

export const accounts = pgTable('accounts', {
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  type: text('type').notNull(),
  provider: text('provider').notNull(),
  providerAccountId: text('provider_account_id').notNull(),
  refreshToken: text('refresh_token'),
  accessToken: text('access_token'),
  expiresAt: integer('expires_at'),
  tokenType: text('token_type'),
  scope: text('scope'),
  idToken: text('id_token'),
  sessionState: text('session_state'),
}, (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index('accounts_user_idx').on(t.userId)]);

export const verificationTokens = pgTable('verification_tokens', {
  identifier: text('identifier').notNull(),
  /** Stored hashed by next-auth; single use (deleted when used). */
  token: text('token').notNull(),
  expires: timestamp('expires', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [primaryKey({ columns: [t.identifier, t.token] })]);

// --- households and plans ---

export const households = pgTable('households', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: uuid('region_id').notNull().references(() => regions.id),
  /** How the family is named on screens, e.g. "Familie Jansen". */
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const householdPeople = pgTable('household_people', {
  id: uuid('id').primaryKey().defaultRandom(),
  householdId: uuid('household_id').notNull().references(() => households.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  /** ouder, kind or overig: the person's place in the household. */
  relation: text('relation', { enum: ['ouder', 'kind', 'overig'] }).notNull(),
  /** Kept because rights change at 12, 16 and 18 (Jeugdwet). */
  birthDate: date('birth_date', { mode: 'string' }),
  /** Holds parental authority. */
  gezag: boolean('gezag').notNull().default(false),
  userId: uuid('user_id').references(() => users.id),
  createdAt: createdAt(),
}, (t) => [index('household_people_household_idx').on(t.householdId)]);

export const plans = pgTable('plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  householdId: uuid('household_id').notNull().references(() => households.id),
  status: planStatus('status').notNull().default('concept'),
  kader: kader('kader').notNull().default('vrijwillig'),
  summary: text('summary').notNull().default(''),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [index('plans_household_idx').on(t.householdId)]);

export const planMembers = pgTable('plan_members', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id),
  role: planRole('role').notNull(),
  organisationId: uuid('organisation_id').references(() => organisations.id),
  /** Flags of DOMAIN.md: a parent with gezag, the lead provider. */
  gezag: boolean('gezag').notNull().default(false),
  hoofdaanbieder: boolean('hoofdaanbieder').notNull().default(false),
  basis: accessBasis('basis').notNull(),
  status: memberStatus('status').notNull().default('actief'),
  createdAt: createdAt(),
  endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
}, (t) => [
  uniqueIndex('plan_members_plan_user_idx').on(t.planId, t.userId),
  index('plan_members_user_idx').on(t.userId),
]);

/** Who holds casusregie or procesregie, with history: a new row per appointment, the old one ended. */
export const regieAssignments = pgTable('regie_assignments', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  kind: regieKind('kind').notNull(),
  userId: uuid('user_id').notNull().references(() => users.id),
  appointedBy: uuid('appointed_by').references(() => users.id),
  reason: text('reason').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
}, (t) => [index('regie_plan_idx').on(t.planId, t.kind)]);

// --- live documents ---

/** Append-only Yjs update log per doc; compaction replaces many rows by one snapshot row. */
export const yjsUpdates = pgTable('yjs_updates', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  doc: text('doc').notNull(),
  update: bytea('update').notNull(),
  /** Null for server-made rows (seed, compaction snapshots). */
  userId: uuid('user_id').references(() => users.id),
  isSnapshot: boolean('is_snapshot').notNull().default(false),
  createdAt: createdAt(),
}, (t) => [index('yjs_updates_doc_idx').on(t.doc, t.id)]);

// --- audit (NEN 7513) ---

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const auditEvents = pgTable('audit_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  actorUserId: uuid('actor_user_id'),
  actorRole: text('actor_role'),
  onBehalfOf: text('on_behalf_of'),
  action: text('action').notNull(),
  planId: uuid('plan_id'),
  section: text('section'),
  basis: text('basis'),
  accessPoint: text('access_point'),
  client: text('client'),
  details: jsonb('details').notNull().default(sql`'{}'::jsonb`),
}, (t) => [index('audit_plan_idx').on(t.planId, t.at), index('audit_actor_idx').on(t.actorUserId, t.at)]);

/** Mails written while no SMTP server is configured (dev/demo): shown on the local outbox page. */
export const outboxMails = pgTable('outbox_mails', {
  id: uuid('id').primaryKey().defaultRandom(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  url: text('url'),
  createdAt: createdAt(),
});

// --- issue 3: overrides, invitations, consent, comments ---

export const accessLevel = pgEnum('access_level', ['none', 'read', 'comment', 'edit']);

/** A plan's change to the default matrix for one role and section; ended rows are history. */
export const planSectionOverrides = pgTable('plan_section_overrides', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  role: planRole('role').notNull(),
  section: text('section').notNull(),
  level: accessLevel('level').notNull(),
  setBy: uuid('set_by').notNull().references(() => users.id),
  reason: text('reason').notNull(),
  createdAt: createdAt(),
  endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
}, (t) => [index('overrides_plan_idx').on(t.planId, t.role)]);

/** A single-use invitation to join a plan in a role; only the token's hash is stored. */
export const invitations = pgTable('invitations', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  email: text('email').notNull(),
  name: text('name').notNull(),
  role: planRole('role').notNull(),
  organisationId: uuid('organisation_id').references(() => organisations.id),
  gezag: boolean('gezag').notNull().default(false),
  hoofdaanbieder: boolean('hoofdaanbieder').notNull().default(false),
  tokenHash: text('token_hash').notNull(),
  invitedBy: uuid('invited_by').notNull().references(() => users.id),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
  usedBy: uuid('used_by').references(() => users.id),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
}, (t) => [uniqueIndex('invitations_token_idx').on(t.tokenHash), index('invitations_plan_idx').on(t.planId)]);

export const consentDecision = pgEnum('consent_decision', ['gegeven', 'geweigerd', 'ingetrokken']);

/** Consent decisions about one membership, as history: the latest decision per person counts. */
export const consents = pgTable('consents', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  /** The membership the decision is about (a professional or network member waiting for, or holding, consent). */
  memberId: uuid('member_id').notNull().references(() => planMembers.id, { onDelete: 'cascade' }),
  decidedBy: uuid('decided_by').notNull().references(() => users.id),
  /** ouder (with gezag) or jeugdige: in which capacity the decision was taken. */
  decidedAs: planRole('decided_as').notNull(),
  decision: consentDecision('decision').notNull(),
  reason: text('reason'),
  createdAt: createdAt(),
}, (t) => [index('consents_member_idx').on(t.memberId, t.createdAt)]);

/** A comment thread anchored to a text range of a section (Yjs relative positions, base64). */
export const commentThreads = pgTable('comment_threads', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  section: text('section').notNull(),
  anchorStart: text('anchor_start').notNull(),
  anchorEnd: text('anchor_end').notNull(),
  /** The text that was selected when the thread started, shown when the anchor's text is gone. */
  quote: text('quote').notNull(),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: createdAt(),
  resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
  resolvedBy: uuid('resolved_by').references(() => users.id),
}, (t) => [index('comment_threads_section_idx').on(t.planId, t.section)]);

export const comments = pgTable('comments', {
  id: uuid('id').primaryKey().defaultRandom(),
  threadId: uuid('thread_id').notNull().references(() => commentThreads.id, { onDelete: 'cascade' }),
  authorId: uuid('author_id').notNull().references(() => users.id),
  authorRole: planRole('author_role').notNull(),
  body: text('body').notNull(),
  createdAt: createdAt(),
}, (t) => [index('comments_thread_idx').on(t.threadId, t.createdAt)]);
