/**
 * Factories for the overzicht and signals tests: the facts the overzicht reads, as real rows with chosen moments —
 * the read model (goals, actions, safety plan, agreements, evaluation), ratings, audit events and edits in the
 * update log. With an injected clock, a test puts each fact exactly N days before "now".
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  auditEvents,
  households,
  planMembers,
  plans,
  projectedActions,
  projectedAgreements,
  projectedEvaluation,
  projectedGoals,
  projectedSafety,
  ratings,
  regions,
  yjsUpdates,
} from '../db/schema';
import type { Kader, PlanRole, PlanStatus } from '../lib/roles';
import { docNameFor, type SectionKey } from '../lib/sections';
import { buildMember, buildRegion, buildUser, appointCasusregisseur } from './factories';

const DAY = 24 * 60 * 60 * 1000;

/** The moment `days` days before `now` (noon-ish, so day arithmetic in the Netherlands is unambiguous). */
export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY);
export const dayBefore = (now: Date, days: number) => daysBefore(now, days).toISOString().slice(0, 10);

export async function buildSignalRegion(db: Db, settings: Record<string, unknown> = {}) {
  const [row] = await db.insert(regions).values({ name: 'Regio Signalen', settings }).returning();
  if (!row) throw new Error('insert region returned nothing');
  return row;
}

/** A plan with a chosen start, in a region (a fresh one unless given). */
export async function buildDatedPlan(
  db: Db,
  params: { createdAt: Date; regionId?: string; name?: string; status?: PlanStatus; kader?: Kader },
): Promise<{ id: string; householdName: string }> {
  const regionId = params.regionId ?? (await buildRegion(db)).id;
  const name = params.name ?? 'Familie Test';
  const [household] = await db.insert(households).values({ regionId, name }).returning({ id: households.id });
  if (!household) throw new Error('insert household returned nothing');
  const [plan] = await db
    .insert(plans)
    .values({ householdId: household.id, status: params.status ?? 'actief', kader: params.kader ?? 'vrijwillig', createdAt: params.createdAt })
    .returning({ id: plans.id });
  if (!plan) throw new Error('insert plan returned nothing');
  return { id: plan.id, householdName: name };
}

/** A person in the plan from a chosen moment (optionally the casusregisseur). */
export async function buildDatedMember(
  db: Db,
  params: {
    planId: string;
    role: PlanRole;
    since: Date;
    name?: string;
    casusregisseur?: boolean;
    status?: 'actief' | 'wacht_op_toestemming' | 'beeindigd';
    userId?: string;
  },
) {
  const user = params.userId ? { id: params.userId } : await buildUser(db, { name: params.name ?? params.role });
  const member = await buildMember(db, { planId: params.planId, userId: user.id, role: params.role, status: params.status });
  // Memberships start "now" by default; move the start to the test's moment.
  await db.update(planMembers).set({ createdAt: params.since }).where(eq(planMembers.id, member.id));
  if (params.casusregisseur) await appointCasusregisseur(db, { planId: params.planId, userId: user.id });
  return { userId: user.id, memberId: member.id };
}

export async function buildGoal(
  db: Db,
  params: { planId: string; goalId: string; domain?: string; title?: string; status?: string; reviewDate?: string | null; position?: number },
) {
  await db.insert(projectedGoals).values({
    planId: params.planId,
    goalId: params.goalId,
    domain: params.domain ?? 'welzijn',
    title: params.title ?? 'Rust in huis',
    forWhom: '',
    owner: '',
    status: params.status ?? 'bezig',
    reviewDate: params.reviewDate ?? null,
    position: params.position ?? 0,
  });
}

export async function buildAction(
  db: Db,
  params: { planId: string; actionId: string; goalId: string; title?: string; dueDate?: string | null; done?: boolean; doneAt?: Date | null },
) {
  await db.insert(projectedActions).values({
    planId: params.planId,
    actionId: params.actionId,
    goalId: params.goalId,
    title: params.title ?? 'Bellen met school',
    owner: '',
    dueDate: params.dueDate ?? null,
    done: params.done ?? false,
    doneAt: params.doneAt ?? null,
  });
}

export async function buildRating(
  db: Db,
  params: {
    planId: string;
    raterId: string;
    raterRole: PlanRole;
    value: number;
    at: Date;
    goalId?: string;
    domain?: string;
    kind?: 'voortgang' | 'zelfredzaamheid' | 'veiligheid';
  },
) {
  await db.insert(ratings).values({
    planId: params.planId,
    kind: params.kind ?? 'voortgang',
    goalId: params.goalId ?? null,
    domain: params.domain ?? null,
    value: params.value,
    raterId: params.raterId,
    raterRole: params.raterRole,
    createdAt: params.at,
  });
}

export async function buildSafety(
  db: Db,
  params: {
    planId: string;
    status?: string;
    reviewDate?: string | null;
    agreements?: { id: string; status: 'geldt' | 'verbroken'; brokenAt?: string; escalated?: boolean }[];
  },
) {
  const agreements = params.agreements ?? [];
  await db.insert(projectedSafety).values({
    planId: params.planId,
    status: params.status ?? 'afgesproken',
    reviewDate: params.reviewDate ?? null,
    agreements: agreements.length,
    brokenAgreements: agreements.filter((a) => a.status === 'verbroken').length,
  });
  if (agreements.length > 0) {
    await db.insert(projectedAgreements).values(
      agreements.map((a) => ({
        planId: params.planId,
        agreementId: a.id,
        what: 'Afspraak',
        who: '',
        status: a.status,
        brokenAt: a.brokenAt ?? null,
        escalated: a.escalated ?? false,
      })),
    );
  }
}

export async function buildEvaluation(db: Db, params: { planId: string; stability?: Record<string, boolean>; latestReviewDate?: string | null }) {
  await db.insert(projectedEvaluation).values({
    planId: params.planId,
    stability: params.stability ?? {},
    reviews: params.latestReviewDate ? 1 : 0,
    latestReviewDate: params.latestReviewDate ?? null,
  });
}

/** An audit event of a member in the plan at a chosen moment (a read, or a change like `section.write`). */
export async function buildAuditEvent(db: Db, params: { planId: string; userId: string; action: string; at: Date; role?: string; section?: string }) {
  await db.insert(auditEvents).values({
    planId: params.planId,
    actorUserId: params.userId,
    actorRole: params.role ?? null,
    action: params.action,
    section: params.section ?? null,
    at: params.at,
  });
}

/** An edit by a person in the update log of one of the plan's sections, at a chosen moment. */
export async function buildEdit(db: Db, params: { planId: string; userId: string; at: Date; section?: SectionKey }) {
  await db
    .insert(yjsUpdates)
    .values({ doc: docNameFor(params.planId, params.section ?? 'doelen'), update: new Uint8Array([0, 0]), userId: params.userId, createdAt: params.at });
}
