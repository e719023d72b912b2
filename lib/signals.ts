/**
 * Early signals (DOMAIN.md "Escalation": triggers should come early, not only after a placement). Pure rules over
 * the facts of one plan as SQL holds them (read model, ratings, audit trail, update log) and an injected "now": no
 * I/O, so every rule is tested to the day. The server turns a signal into its plain-Dutch reason
 * (server/dashboard/reasons.ts, messages `signals.reason.*`).
 *
 * All day arithmetic is in calendar days in the Netherlands (Europe/Amsterdam): a rule "N weeks" fires on the day
 * that is N × 7 days after the last movement, never a day earlier.
 */
import { z } from 'zod';
import type { PlanRole, PlanStatus } from './roles';
import type { SectionKey } from './sections';

// --- the audit actions that are "movement" in a plan (a change, not a read) ---

/**
 * Audit actions that change a plan's content or ratings. db/schema.ts declares a partial index with exactly this
 * list (`audit_plan_movement_idx`), so a change here needs a migration.
 */
export const MOVEMENT_ACTIONS = [
  'section.write',
  'rating.create',
  'safety.rate',
  'comment.create',
  'comment.reply',
  'plan.status_change',
  'safety.agreement_broken',
  'version.sign',
] as const;

// --- kinds, weights and region settings ---

/** In order of urgency: the first kinds weigh most. */
export const SIGNAL_KINDS = ['placement', 'brokenAgreement', 'noRegisseur', 'stalled', 'overdue', 'reviewPassed', 'goalFlat', 'professionalSilent'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export const SIGNAL_WEIGHTS: Record<SignalKind, number> = {
  placement: 5,
  brokenAgreement: 4,
  noRegisseur: 3,
  stalled: 3,
  overdue: 2,
  reviewPassed: 2,
  goalFlat: 1,
  professionalSilent: 1,
};

export function isSignalKind(value: string): value is SignalKind {
  return (SIGNAL_KINDS as readonly string[]).includes(value);
}

/** The thresholds of the rules; a region sets its own in `regions.settings.signals`. */
export const SignalThresholds = z.object({
  /** No rating, no action done, no edit for this many weeks. */
  stalledWeeks: z.number().int().min(1).max(52).default(8),
  /** An action more than this many days past its date. */
  overdueDays: z.number().int().min(0).max(365).default(14),
  /** A professional in the plan without any contact with it for this many weeks. */
  silentWeeks: z.number().int().min(1).max(52).default(6),
  /** The number of a rater's latest ratings of a goal that stayed flat or fell. */
  flatRatings: z.number().int().min(2).max(10).default(3),
  /** A periodic evaluation is due this many weeks after the previous one (or the plan's start). */
  evaluationWeeks: z.number().int().min(4).max(104).default(26),
  /** A review within this many days counts as "due soon" in the order of the overzicht. */
  reviewSoonDays: z.number().int().min(0).max(90).default(14),
  /** The region's own words for a signal's short label (its vocabulary); the messages' words otherwise. */
  labels: z.partialRecord(z.enum(SIGNAL_KINDS), z.string().trim().min(1).max(60)).default({}),
});
export type SignalThresholds = z.infer<typeof SignalThresholds>;

const RegionSignalSettings = z.object({ signals: SignalThresholds.prefault({}) });

/** The region's thresholds from its settings (anything invalid falls back to the defaults, field by field). */
export function signalThresholdsOf(settings: unknown): SignalThresholds {
  const parsed = RegionSignalSettings.safeParse(settings ?? {});
  if (parsed.success) return parsed.data.signals;
  const raw = (settings as { signals?: Record<string, unknown> } | null)?.signals ?? {};
  const defaults = SignalThresholds.parse({});
  const out: Record<string, unknown> = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof SignalThresholds)[]) {
    const field = SignalThresholds.shape[key].safeParse(raw[key]);
    if (field.success) out[key] = field.data;
  }
  return out as SignalThresholds;
}

// --- days in the Netherlands ---

const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (YYYY-MM-DD) of a moment in the Netherlands. */
export function dayOf(moment: Date): string {
  return DAY_FORMAT.format(moment);
}

const utc = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

export function addDays(day: string, days: number): string {
  return new Date(utc(day) + days * DAY_MS).toISOString().slice(0, 10);
}

// --- the facts of one plan ---

export const OPEN_STATUSES: readonly PlanStatus[] = ['concept', 'actief', 'afschalen'];
const REVIEWED_STATUSES: readonly PlanStatus[] = ['actief', 'afschalen'];
const OPEN_GOAL = new Set(['open', 'bezig']);

/** Professionals expected to keep in touch with the plan (a referrer gets feedback; a table is temporary). */
export const CONTACT_ROLES: readonly PlanRole[] = ['lokaal_team', 'aanbieder', 'gi'];

export interface FactGoal {
  id: string;
  title: string;
  domain: string;
  status: string;
  reviewDate: string | null;
}

export interface FactAction {
  goalId: string;
  title: string;
  dueDate: string | null;
  done: boolean;
  doneAt: Date | null;
}

export interface FactRating {
  kind: 'voortgang' | 'gas' | 'zelfredzaamheid' | 'veiligheid';
  goalId: string | null;
  domain: string | null;
  value: number;
  raterId: string;
  raterName: string | null;
  createdAt: Date;
}

export interface FactProfessional {
  userId: string;
  name: string;
  role: PlanRole;
  memberSince: Date;
  /** The latest of their audit events, edits and ratings in this plan; null when there is none. */
  lastContact: Date | null;
}

export interface PlanFacts {
  status: PlanStatus;
  createdAt: Date;
  hasCasusregisseur: boolean;
  placement: { threatened: boolean; reason: string; since: Date; by: string | null } | null;
  goals: FactGoal[];
  actions: FactAction[];
  /** Oldest first. */
  ratings: FactRating[];
  safety: { status: string; reviewDate: string | null } | null;
  brokenAgreements: { brokenAt: string | null; escalated: boolean }[];
  evaluation: { stability: Record<string, boolean>; latestReviewDate: string | null } | null;
  /** The latest change by a person (audit movement or an edit in the update log). */
  lastChange: Date | null;
  professionals: FactProfessional[];
}

/** Which parts of the plan the viewer may read: a signal never shows what its section would hide. */
export type Sees = (section: SectionKey) => boolean;

// --- the signals ---

export type ReviewItem = { what: 'goal' | 'safety' | 'evaluation'; title: string | null; date: string };

export type Signal =
  | { kind: 'placement'; reason: string; since: string; by: string | null }
  | { kind: 'brokenAgreement'; count: number; since: string | null }
  | { kind: 'noRegisseur' }
  | { kind: 'stalled'; weeks: number; since: string }
  | { kind: 'overdue'; count: number; days: number; oldest: { title: string; due: string } }
  | { kind: 'reviewPassed'; items: ReviewItem[] }
  | { kind: 'goalFlat'; goals: { title: string; raters: { name: string | null; values: number[] }[] }[] }
  | { kind: 'professionalSilent'; people: { name: string; role: PlanRole; since: string; weeks: number }[] };

const latest = (dates: (Date | null | undefined)[]): Date | null =>
  dates.reduce<Date | null>((max, d) => (d && (!max || d.getTime() > max.getTime()) ? d : max), null);

/** The actions past their date, oldest first, with how many days late each is. */
export function overdueActions(actions: FactAction[], today: string): (FactAction & { due: string; days: number })[] {
  return actions
    .flatMap((a) => (!a.done && a.dueDate && a.dueDate < today ? [{ ...a, due: a.dueDate, days: daysBetween(a.dueDate, today) }] : []))
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.title.localeCompare(b.title)));
}

/** The day the next periodic evaluation is due: a planned review, else the latest (or the start) plus the interval. */
export function evaluationDue(facts: Pick<PlanFacts, 'createdAt' | 'evaluation'>, thresholds: SignalThresholds, today: string): string {
  const latestReview = facts.evaluation?.latestReviewDate ?? null;
  if (latestReview && latestReview >= today) return latestReview;
  return addDays(latestReview ?? dayOf(facts.createdAt), thresholds.evaluationWeeks * 7);
}

/** Every review date that applies to the plan (goals, safety plan, evaluation) for what the viewer may read. */
export function reviewDates(facts: PlanFacts, thresholds: SignalThresholds, today: string, sees: Sees): ReviewItem[] {
  if (!OPEN_STATUSES.includes(facts.status)) return [];
  const items: ReviewItem[] = [];
  if (sees('doelen')) {
    for (const g of facts.goals) if (OPEN_GOAL.has(g.status) && g.reviewDate) items.push({ what: 'goal', title: g.title, date: g.reviewDate });
  }
  if (sees('veiligheid') && facts.safety?.reviewDate) items.push({ what: 'safety', title: null, date: facts.safety.reviewDate });
  if (sees('evaluatie') && REVIEWED_STATUSES.includes(facts.status)) {
    items.push({ what: 'evaluation', title: null, date: evaluationDue(facts, thresholds, today) });
  }
  return items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A rater's latest `n` ratings of a goal that did not rise (each one at most the one before). */
function flatSeries(values: number[], n: number): number[] | null {
  if (values.length < n) return null;
  const tail = values.slice(-n);
  for (let i = 1; i < tail.length; i++) if ((tail[i] as number) > (tail[i - 1] as number)) return null;
  return tail;
}

/** The signals of one plan at `now`, most urgent first. */
export function signalsOf(facts: PlanFacts, thresholds: SignalThresholds, now: Date, sees: Sees): Signal[] {
  const today = dayOf(now);
  const open = OPEN_STATUSES.includes(facts.status);
  if (facts.status === 'afgesloten') return [];
  const out: Signal[] = [];

  if (facts.placement?.threatened && sees('professioneel')) {
    out.push({ kind: 'placement', reason: facts.placement.reason, since: dayOf(facts.placement.since), by: facts.placement.by });
  }

  if (sees('veiligheid')) {
    const pending = facts.brokenAgreements.filter((a) => !a.escalated);
    if (pending.length > 0) {
      const since =
        pending
          .map((a) => a.brokenAt)
          .filter((d): d is string => Boolean(d))
          .sort()[0] ?? null;
      out.push({ kind: 'brokenAgreement', count: pending.length, since });
    }
  }
  if (!open) return out;

  if (!facts.hasCasusregisseur) out.push({ kind: 'noRegisseur' });

  const lastMovement = latest([
    facts.createdAt,
    facts.lastChange,
    ...facts.ratings.map((r) => r.createdAt),
    ...facts.actions.map((a) => (a.done ? a.doneAt : null)),
  ]) as Date;
  const still = daysBetween(dayOf(lastMovement), today);
  if (still >= thresholds.stalledWeeks * 7) out.push({ kind: 'stalled', weeks: Math.floor(still / 7), since: dayOf(lastMovement) });

  if (sees('doelen')) {
    const late = overdueActions(facts.actions, today).filter((a) => a.days > thresholds.overdueDays);
    const oldest = late[0];
    if (oldest) out.push({ kind: 'overdue', count: late.length, days: oldest.days, oldest: { title: oldest.title, due: oldest.due } });
  }

  const passed = reviewDates(facts, thresholds, today, sees).filter((r) => r.date < today);
  if (passed.length > 0) out.push({ kind: 'reviewPassed', items: passed });

  if (sees('doelen')) {
    const flat: { title: string; raters: { name: string | null; values: number[] }[] }[] = [];
    for (const goal of facts.goals) {
      if (!OPEN_GOAL.has(goal.status)) continue;
      const byRater = new Map<string, { name: string | null; values: number[] }>();
      for (const r of facts.ratings) {
        if (r.kind !== 'voortgang' || r.goalId !== goal.id) continue;
        const series = byRater.get(r.raterId) ?? { name: r.raterName, values: [] };
        series.values.push(r.value);
        byRater.set(r.raterId, series);
      }
      const raters = [...byRater.values()].flatMap((series) => {
        const values = flatSeries(series.values, thresholds.flatRatings);
        return values ? [{ name: series.name, values }] : [];
      });
      if (raters.length > 0) flat.push({ title: goal.title, raters });
    }
    if (flat.length > 0) out.push({ kind: 'goalFlat', goals: flat });
  }

  const silent = facts.professionals
    .filter((p) => CONTACT_ROLES.includes(p.role))
    .flatMap((p) => {
      const last = latest([p.memberSince, p.lastContact]) as Date;
      const days = daysBetween(dayOf(last), today);
      return days >= thresholds.silentWeeks * 7 ? [{ name: p.name, role: p.role, since: dayOf(last), weeks: Math.floor(days / 7) }] : [];
    })
    .sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.name.localeCompare(b.name)));
  if (silent.length > 0) out.push({ kind: 'professionalSilent', people: silent });

  return out.sort((a, b) => SIGNAL_KINDS.indexOf(a.kind) - SIGNAL_KINDS.indexOf(b.kind));
}

/** How urgent a set of signals is: the sum of their weights. */
export function signalWeight(signals: Signal[]): number {
  return signals.reduce((sum, s) => sum + SIGNAL_WEIGHTS[s.kind], 0);
}
