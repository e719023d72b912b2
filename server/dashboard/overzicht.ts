import 'server-only';
/**
 * The regisseur's overzicht (`/overzicht`, `GET /api/overzicht`): every plan the person is an active member of,
 * one row per family, most urgent first, with the early signals (lib/signals.ts) and their reasons. Correct the
 * moment it opens: SQL only (db/queries/dashboard.ts), no live document is loaded. Each row shows only what the
 * person's role may read in that plan (lib/policy.ts), and every view is an audit event (`dashboard.view`).
 */
import { loadDashboardFacts, standingOf, type DashboardFacts, type DashboardMember, type DashboardPlan, type Standing } from '@/db/queries/dashboard';
import type { Locale } from '@/i18n/config';
import type { OverzichtActivity, OverzichtResponse, OverzichtRow } from '@/lib/api/overzicht';
import { bigFiveCells, byUrgency, type UrgencyKey } from '@/lib/overzicht';
import { can, type PolicyMember } from '@/lib/policy';
import { isProfessionalRole } from '@/lib/roles';
import type { SectionKey } from '@/lib/sections';
import {
  daysBetween,
  dayOf,
  overdueActions,
  reviewDates,
  signalThresholdsOf,
  signalWeight,
  signalsOf,
  type FactRating,
  type PlanFacts,
  type SignalThresholds,
} from '@/lib/signals';
import { recordAudit, type Via } from '../audit/record';
import type { ServiceContext } from '../context';
import { Refusal } from '../refusal';
import { canStartPlans } from '../plans/start';
import { describer, short, type Describer } from './reasons';

/** Same words as any page that does not exist: the overzicht is not there for families, network or the region. */
export const overzichtNotFound = () => new Refusal('not_found', 'Deze pagina bestaat niet of je hebt er geen toegang toe.', { code: 'not_found' });

/**
 * Professionals have an overzicht: whoever holds a professional role in a plan, or works for a care organisation
 * and is in no plan as family. Families, their network and the region's roles (gemeente, beheerder) do not.
 */
const professional = (standing: Standing | null) =>
  Boolean(standing && !standing.regionRole && (standing.professionalPlans > 0 || (standing.professionalOrganisation && standing.familyPlans === 0)));

export async function hasOverzicht(ctx: Pick<ServiceContext, 'db'>, params: { userId: string }): Promise<boolean> {
  return professional(await standingOf(ctx.db, params));
}

/** Where a signed-in person starts: the overzicht for professionals, the region for its roles, else "Mijn plannen". */
export async function homePathOf(ctx: Pick<ServiceContext, 'db'>, params: { userId: string }): Promise<'/overzicht' | '/regio' | '/plannen'> {
  const standing = await standingOf(ctx.db, params);
  if (standing?.regionRole) return '/regio';
  return professional(standing) ? '/overzicht' : '/plannen';
}

const latest = (dates: (Date | null | undefined)[]): Date | null =>
  dates.reduce<Date | null>((max, d) => (d && (!max || d.getTime() > max.getTime()) ? d : max), null);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Rows of many plans, grouped by plan once (instead of a filter per plan). */
function byPlan<T extends { planId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.planId);
    if (list) list.push(row);
    else out.set(row.planId, [row]);
  }
  return out;
}

interface Grouped {
  members: Map<string, DashboardMember[]>;
  goals: Map<string, DashboardFacts['goals']>;
  actions: Map<string, DashboardFacts['actions']>;
  ratings: Map<string, DashboardFacts['ratings']>;
  safety: Map<string, DashboardFacts['safety'][number]>;
  broken: Map<string, DashboardFacts['brokenAgreements']>;
  evaluation: Map<string, DashboardFacts['evaluation'][number]>;
}

function group(all: DashboardFacts): Grouped {
  return {
    members: byPlan(all.members),
    goals: byPlan(all.goals),
    actions: byPlan(all.actions),
    ratings: byPlan(all.ratings),
    safety: new Map(all.safety.map((s) => [s.planId, s])),
    broken: byPlan(all.brokenAgreements),
    evaluation: new Map(all.evaluation.map((e) => [e.planId, e])),
  };
}

/** Each member's latest activity in the plan: audit trail, update log, their own ratings. */
function activityOf(members: DashboardMember[], ratingsOfPlan: FactRating[]): Map<string, Date | null> {
  const lastRatingBy = new Map<string, Date>();
  for (const r of ratingsOfPlan) lastRatingBy.set(r.raterId, r.createdAt);
  return new Map(members.map((m) => [m.userId, latest([m.lastSeen, m.lastEdit, lastRatingBy.get(m.userId)])]));
}

/** The facts of one plan as the rules take them. */
function factsOf(plan: DashboardPlan, all: DashboardFacts, g: Grouped, activity: Map<string, Date | null>): PlanFacts {
  const members = g.members.get(plan.planId) ?? [];
  const safety = g.safety.get(plan.planId);
  const evaluation = g.evaluation.get(plan.planId);
  return {
    status: plan.status,
    createdAt: plan.createdAt,
    hasCasusregisseur: plan.hasCasusregisseur,
    placement: all.placements.get(plan.planId) ?? null,
    goals: (g.goals.get(plan.planId) ?? []).map((x) => ({ id: x.goalId, title: x.title, domain: x.domain, status: x.status, reviewDate: x.reviewDate })),
    actions: (g.actions.get(plan.planId) ?? []).map((a) => ({ goalId: a.goalId, title: a.title, dueDate: a.dueDate, done: a.done, doneAt: a.doneAt })),
    ratings: g.ratings.get(plan.planId) ?? [],
    safety: safety ? { status: safety.status, reviewDate: safety.reviewDate } : null,
    brokenAgreements: g.broken.get(plan.planId) ?? [],
    evaluation: evaluation ? { stability: (evaluation.stability ?? {}) as Record<string, boolean>, latestReviewDate: evaluation.latestReviewDate } : null,
    lastChange: latest([all.lastWrite.get(plan.planId), ...members.map((m) => m.lastEdit)]),
    professionals: members
      .filter((m) => isProfessionalRole(m.role))
      .map((m) => ({ userId: m.userId, name: m.name, role: m.role, memberSince: m.memberSince, lastContact: activity.get(m.userId) ?? null })),
  };
}

/** The overzicht rows of a person, most urgent first. Does not audit (see `overzicht`). */
export async function overzichtRows(ctx: Pick<ServiceContext, 'db' | 'clock'>, params: { userId: string; locale: Locale }): Promise<OverzichtResponse> {
  const now = ctx.clock();
  const today = dayOf(now);
  const all = await loadDashboardFacts(ctx.db, { userId: params.userId });
  const grouped = group(all);
  const thresholdsBySettings = new Map<unknown, { thresholds: SignalThresholds; words: Describer }>();
  const keys = new Map<string, UrgencyKey>();
  let reviewSoonDays = 14;

  const rows = all.plans.map((plan): OverzichtRow => {
    const key = JSON.stringify(plan.regionSettings ?? null);
    let region = thresholdsBySettings.get(key);
    if (!region) {
      const thresholds = signalThresholdsOf(plan.regionSettings);
      region = { thresholds, words: describer(params.locale, thresholds) };
      thresholdsBySettings.set(key, region);
    }
    const { thresholds, words } = region;
    reviewSoonDays = thresholds.reviewSoonDays;
    const member: PolicyMember = { role: plan.role, status: 'actief', isCasusregisseur: plan.isCasusregisseur, overrides: plan.overrides };
    const sees = (section: SectionKey) => can(member, 'read', section);
    const members = grouped.members.get(plan.planId) ?? [];
    const activity = activityOf(members, grouped.ratings.get(plan.planId) ?? []);
    const facts = factsOf(plan, all, grouped, activity);
    const signals = signalsOf(facts, thresholds, now, sees);
    const tableHref = can(member, 'see', 'tafel') ? `/plannen/${plan.planId}?sectie=tafel` : null;

    const professionals: OverzichtActivity[] = members
      .filter((m) => isProfessionalRole(m.role))
      .map((m) => ({ name: m.name, role: m.role, at: iso(activity.get(m.userId) ?? null) }))
      .sort((a, b) => (b.at ?? '').localeCompare(a.at ?? '') || a.name.localeCompare(b.name, 'nl'));
    const family = latest(members.filter((m) => m.role === 'ouder' || m.role === 'jeugdige').map((m) => activity.get(m.userId)));

    const late = sees('doelen') ? overdueActions(facts.actions, today) : null;
    const next = reviewDates(facts, thresholds, today, sees)[0];
    const openEscalations = sees('veiligheid') ? facts.brokenAgreements.filter((a) => !a.escalated).length : null;
    const row: OverzichtRow = {
      planId: plan.planId,
      householdName: plan.householdName,
      status: plan.status,
      kader: plan.kader,
      role: plan.role,
      isCasusregisseur: plan.isCasusregisseur,
      bigFive: bigFiveCells(facts, sees),
      overdue: late ? { count: late.length, actions: late.slice(0, 3).map((a) => ({ title: short(a.title, 80), due: a.due, days: a.days })) } : null,
      nextReview: next ? { date: next.date, what: next.what, title: next.title ? short(next.title, 80) : null, passed: next.date < today } : null,
      safety: sees('veiligheid') && facts.safety ? facts.safety : null,
      openEscalations,
      familyActivity: iso(family),
      professionals,
      signals: signals.map((s) => ({ kind: s.kind, label: words.label(s.kind), reason: words.reason(s), tableHref })),
      urgency: signalWeight(signals),
    };
    keys.set(plan.planId, {
      householdName: plan.householdName,
      isCasusregisseur: plan.isCasusregisseur,
      signalWeight: row.urgency,
      overdueCount: late?.length ?? 0,
      oldestOverdue: late?.[0]?.due ?? null,
      reviewInDays: next ? daysBetween(today, next.date) : null,
    });
    return row;
  });

  rows.sort((a, b) => byUrgency(keys.get(a.planId) as UrgencyKey, keys.get(b.planId) as UrgencyKey, reviewSoonDays));
  return { generatedAt: now.toISOString(), today, rows };
}

/** The rows, and the view on the audit trail (`dashboard.view`, with the plans shown). */
async function viewed(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  params: { userId: string; via: Via; locale: Locale; source: 'page' | 'api' },
): Promise<OverzichtResponse> {
  const result = await overzichtRows(ctx, params);
  await recordAudit(ctx.db, {
    action: 'dashboard.view',
    actorUserId: params.userId,
    accessPoint: params.via.accessPoint,
    client: params.via.client,
    details: { via: params.source, count: result.rows.length, planIds: result.rows.map((r) => r.planId) },
  });
  return result;
}

/** The overzicht as a person opens it (page or API): refused for anyone without one, and audited. */
export async function overzicht(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  params: { userId: string; via: Via; locale: Locale; source: 'page' | 'api' },
): Promise<OverzichtResponse> {
  if (!(await hasOverzicht(ctx, params))) throw overzichtNotFound();
  return viewed(ctx, params);
}

/** What the page `/overzicht` loads; null for anyone without an overzicht (the page answers 404). */
export async function overzichtPage(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  params: { userId: string; via: Via; locale: Locale },
): Promise<{ data: OverzichtResponse; mayStart: boolean } | null> {
  if (!(await hasOverzicht(ctx, params))) return null;
  const data = await viewed(ctx, { ...params, source: 'page' });
  return { data, mayStart: await canStartPlans(ctx.db, { userId: params.userId }) };
}
