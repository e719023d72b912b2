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
import { MOVEMENT_ACTIONS } from '../lib/signals';

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
  settings: jsonb('settings')
    .notNull()
    .default(sql`'{}'::jsonb`),
  createdAt: createdAt(),
});

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: uuid('region_id')
    .notNull()
    .references(() => regions.id),
  name: text('name').notNull(),
  kind: organisationKind('kind').notNull(),
  createdAt: createdAt(),
});

// --- next-auth (v4 adapter tables; sessions are JWT, so no sessions table) ---

export const users = pgTable(
  'users',
  {
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
  },
  (t) => [uniqueIndex('users_email_idx').on(sql`lower(${t.email})`)],
);

export const accounts = pgTable(
  'accounts',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
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
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index('accounts_user_idx').on(t.userId)],
);

export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text('identifier').notNull(),
    /** Stored hashed by next-auth; single use (deleted when used). */
    token: text('token').notNull(),
    expires: timestamp('expires', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// --- households and plans ---

export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    /** How the family is named on screens, e.g. "Familie Jansen". */
    name: text('name').notNull(),
    /** The municipality the household lives in (the region view groups by it); null when not known. */
    municipality: text('municipality'),
    createdAt: createdAt(),
  },
  (t) => [index('households_region_idx').on(t.regionId, t.municipality)],
);

export const householdPeople = pgTable(
  'household_people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** ouder, kind or overig: the person's place in the household. */
    relation: text('relation', { enum: ['ouder', 'kind', 'overig'] }).notNull(),
    /** Kept because rights change at 12, 16 and 18 (Jeugdwet). */
    birthDate: date('birth_date', { mode: 'string' }),
    /** Holds parental authority. */
    gezag: boolean('gezag').notNull().default(false),
    userId: uuid('user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('household_people_household_idx').on(t.householdId)],
);

export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    status: planStatus('status').notNull().default('concept'),
    kader: kader('kader').notNull().default('vrijwillig'),
    summary: text('summary').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('plans_household_idx').on(t.householdId)],
);

export const planMembers = pgTable(
  'plan_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: planRole('role').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** Flags of DOMAIN.md: a parent with gezag, the lead provider. */
    gezag: boolean('gezag').notNull().default(false),
    hoofdaanbieder: boolean('hoofdaanbieder').notNull().default(false),
    basis: accessBasis('basis').notNull(),
    status: memberStatus('status').notNull().default('actief'),
    createdAt: createdAt(),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('plan_members_plan_user_idx').on(t.planId, t.userId), index('plan_members_user_idx').on(t.userId)],
);

/** Who holds casusregie or procesregie, with history: a new row per appointment, the old one ended. */
export const regieAssignments = pgTable(
  'regie_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    kind: regieKind('kind').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    appointedBy: uuid('appointed_by').references(() => users.id),
    reason: text('reason').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('regie_plan_idx').on(t.planId, t.kind)],
);

// --- live documents ---

/** Append-only Yjs update log per doc; compaction replaces many rows by one snapshot row. */
export const yjsUpdates = pgTable(
  'yjs_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    doc: text('doc').notNull(),
    update: bytea('update').notNull(),
    /** Null for server-made rows (seed, compaction snapshots). */
    userId: uuid('user_id').references(() => users.id),
    isSnapshot: boolean('is_snapshot').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('yjs_updates_doc_idx').on(t.doc, t.id),
    // The overzicht: a member's last edit in a plan (doc names are `plan:<uuid>:<section>`; characters 6–41 are the plan).
    index('yjs_updates_plan_user_idx').on(sql`substring(${t.doc}, 6, 36)`, t.userId, t.createdAt),
  ],
);

// --- audit (NEN 7513) ---

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const auditEvents = pgTable(
  'audit_events',
  {
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
    details: jsonb('details')
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [
    index('audit_plan_idx').on(t.planId, t.at),
    index('audit_actor_idx').on(t.actorUserId, t.at),
    // The region view counts events of one action in a period (e.g. broken safety agreements).
    index('audit_action_idx').on(t.action, t.at),
    // The overzicht: the last activity of each member in each of a professional's plans (one probe per member).
    index('audit_plan_actor_idx').on(t.planId, t.actorUserId, t.at),
    // The overzicht: the last change in a plan ("no movement for N weeks"), without walking past its reads.
    index('audit_plan_movement_idx')
      .on(t.planId, t.at)
      .where(sql.raw(`action in (${MOVEMENT_ACTIONS.map((a) => `'${a}'`).join(', ')})`)),
  ],
);

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
export const planSectionOverrides = pgTable(
  'plan_section_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    role: planRole('role').notNull(),
    section: text('section').notNull(),
    level: accessLevel('level').notNull(),
    setBy: uuid('set_by')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('overrides_plan_idx').on(t.planId, t.role)],
);

/** A single-use invitation to join a plan in a role; only the token's hash is stored. */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: planRole('role').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    gezag: boolean('gezag').notNull().default(false),
    hoofdaanbieder: boolean('hoofdaanbieder').notNull().default(false),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
    usedBy: uuid('used_by').references(() => users.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('invitations_token_idx').on(t.tokenHash), index('invitations_plan_idx').on(t.planId)],
);

export const consentDecision = pgEnum('consent_decision', ['gegeven', 'geweigerd', 'ingetrokken']);

/** Consent decisions about one membership, as history: the latest decision per person counts. */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    /** The membership the decision is about (a professional or network member waiting for, or holding, consent). */
    memberId: uuid('member_id')
      .notNull()
      .references(() => planMembers.id, { onDelete: 'cascade' }),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    /** ouder (with gezag) or jeugdige: in which capacity the decision was taken. */
    decidedAs: planRole('decided_as').notNull(),
    decision: consentDecision('decision').notNull(),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [index('consents_member_idx').on(t.memberId, t.createdAt)],
);

/** A comment thread anchored to a text range of a section (Yjs relative positions, base64). */
export const commentThreads = pgTable(
  'comment_threads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    section: text('section').notNull(),
    anchorStart: text('anchor_start').notNull(),
    anchorEnd: text('anchor_end').notNull(),
    /** The text that was selected when the thread started, shown when the anchor's text is gone. */
    quote: text('quote').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    resolvedBy: uuid('resolved_by').references(() => users.id),
  },
  (t) => [index('comment_threads_section_idx').on(t.planId, t.section)],
);

export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => commentThreads.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    authorRole: planRole('author_role').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('comments_thread_idx').on(t.threadId, t.createdAt)],
);

// --- issue 4: ratings, read model, versions and signatures, status history ---

export const ratingKind = pgEnum('rating_kind', ['voortgang', 'gas', 'zelfredzaamheid', 'veiligheid']);

/** A dated score by a named rater in a named role; never overwritten (a trigger refuses UPDATE and DELETE). */
export const ratings = pgTable(
  'ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    kind: ratingKind('kind').notNull(),
    /** The goal rated (its id inside the doelen doc), for voortgang and gas. */
    goalId: text('goal_id'),
    /** The life domain rated, for zelfredzaamheid. */
    domain: text('domain'),
    value: integer('value').notNull(),
    raterId: uuid('rater_id')
      .notNull()
      .references(() => users.id),
    raterRole: planRole('rater_role').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('ratings_plan_idx').on(t.planId, t.kind, t.createdAt),
    index('ratings_goal_idx').on(t.planId, t.goalId),
    // The region view: first and latest rating per plan and domain, over every plan of the region.
    index('ratings_kind_domain_idx').on(t.kind, t.domain, t.planId, t.createdAt),
  ],
);

/** Read model: goals as projected from the doelen doc (validated); for dashboards, never for editing. */
export const projectedGoals = pgTable(
  'projected_goals',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    goalId: text('goal_id').notNull(),
    domain: text('domain').notNull(),
    title: text('title').notNull(),
    forWhom: text('for_whom').notNull(),
    owner: text('owner').notNull(),
    status: text('status').notNull(),
    reviewDate: date('review_date', { mode: 'string' }),
    position: integer('position').notNull(),
    projectedAt: timestamp('projected_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.goalId] }), index('projected_goals_review_idx').on(t.reviewDate)],
);

export const projectedActions = pgTable(
  'projected_actions',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    actionId: text('action_id').notNull(),
    goalId: text('goal_id').notNull(),
    title: text('title').notNull(),
    owner: text('owner').notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    done: boolean('done').notNull(),
    /** When the projection first saw the action done (kept across projections); null while it is not done. */
    doneAt: timestamp('done_at', { withTimezone: true, mode: 'date' }),
    projectedAt: timestamp('projected_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.actionId] }), index('projected_actions_due_idx').on(t.done, t.dueDate)],
);

export const projectedSafety = pgTable('projected_safety', {
  planId: uuid('plan_id')
    .primaryKey()
    .references(() => plans.id, { onDelete: 'cascade' }),
  status: text('status').notNull(),
  reviewDate: date('review_date', { mode: 'string' }),
  agreements: integer('agreements').notNull(),
  brokenAgreements: integer('broken_agreements').notNull(),
  projectedAt: timestamp('projected_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const projectedAgreements = pgTable(
  'projected_agreements',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    agreementId: text('agreement_id').notNull(),
    what: text('what').notNull(),
    who: text('who').notNull(),
    status: text('status').notNull(),
    /** The day a broken agreement was recorded broken (YYYY-MM-DD), when it is. */
    brokenAt: date('broken_at', { mode: 'string' }),
    /** A broken agreement that was put to a table (doorbraak- or beschermingstafel). */
    escalated: boolean('escalated').notNull().default(false),
    projectedAt: timestamp('projected_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.agreementId] })],
);

/** A named version: a snapshot of every section of the plan, with a hash; immutable (trigger). */
export const planVersions = pgTable(
  'plan_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Section key → base64 Yjs state of that section at the moment of the snapshot. */
    snapshot: jsonb('snapshot').notNull(),
    /** SHA-256 over the canonical snapshot; a signature is on this hash. */
    hash: text('hash').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('plan_versions_plan_idx').on(t.planId, t.createdAt)],
);

export const planSignatures = pgTable(
  'plan_signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => planVersions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: planRole('role').notNull(),
    /** The version hash as the signer saw it. */
    hash: text('hash').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('plan_signatures_version_user_idx').on(t.versionId, t.userId)],
);

/** Lifecycle changes with the Big Five stability check (or the recorded reason) at that moment. */
export const planStatusChanges = pgTable(
  'plan_status_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    from: planStatus('from').notNull(),
    to: planStatus('to').notNull(),
    /** Domain → stable or not, as checked at the change. */
    stability: jsonb('stability')
      .notNull()
      .default(sql`'{}'::jsonb`),
    reason: text('reason'),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('plan_status_changes_plan_idx').on(t.planId, t.createdAt)],
);

// --- issue 8: the regisseur's overzicht and early signals ---

/** Read model: the evaluatie doc's Big Five stability check and its latest review (validated); for dashboards. */
export const projectedEvaluation = pgTable('projected_evaluation', {
  planId: uuid('plan_id')
    .primaryKey()
    .references(() => plans.id, { onDelete: 'cascade' }),
  /** Domain → marked stable in the Big Five check (a domain without an entry is not stable). */
  stability: jsonb('stability')
    .notNull()
    .default(sql`'{}'::jsonb`),
  reviews: integer('reviews').notNull(),
  /** The date of the latest periodic review (a date in the future is a planned one). */
  latestReviewDate: date('latest_review_date', { mode: 'string' }),
  projectedAt: timestamp('projected_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * A threatened out-of-home placement (dreigende uithuisplaatsing), set or lifted by the casusregisseur with a
 * reason: a row per change, never updated, so the history stays. The latest row of a plan is in force.
 */
export const placementThreats = pgTable(
  'placement_threats',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    threatened: boolean('threatened').notNull(),
    reason: text('reason').notNull(),
    setBy: uuid('set_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('placement_threats_plan_idx').on(t.planId, t.createdAt)],
);
