/**
 * The regisseur's overzicht, as pure rules: the Big Five as five cells per family, and the order of urgency.
 * The facts come from SQL (server/dashboard/overzicht.ts); nothing here does I/O.
 */
import { BIG_FIVE, type BigFiveDomain } from './bigfive';
import type { PlanFacts, Sees } from './signals';

/** What a Big Five cell says, in words (and an icon and a colour on screen; never colour alone). */
export const BIG_FIVE_STATES = ['stabiel', 'vooruit', 'gelijk', 'achteruit', 'open', 'geen'] as const;
export type BigFiveState = (typeof BIG_FIVE_STATES)[number];

export interface BigFiveCell {
  domain: BigFiveDomain;
  state: BigFiveState;
  /** Goals of the domain that are open or in progress. */
  openGoals: number;
  /** Mean of the first and of the latest ratings of the domain, on 0–10 (self-reliance 1–5 is scaled); null without a trend. */
  first: number | null;
  latest: number | null;
}

/** A change of at least half a point on 0–10 counts as moving. */
const MOVING = 0.5;

/** Ratings of a domain as series per rater and goal (progress) or per rater (self-reliance), on 0–10. */
function seriesOf(facts: PlanFacts, domain: string): number[][] {
  const goalIds = new Set(facts.goals.filter((g) => g.domain === domain).map((g) => g.id));
  const series = new Map<string, number[]>();
  for (const r of facts.ratings) {
    let key: string | null = null;
    let value = r.value;
    if (r.kind === 'voortgang' && r.goalId && goalIds.has(r.goalId)) key = `g:${r.goalId}:${r.raterId}`;
    else if (r.kind === 'zelfredzaamheid' && r.domain === domain) {
      key = `z:${r.raterId}`;
      value = (r.value - 1) * 2.5;
    }
    if (!key) continue;
    const list = series.get(key) ?? [];
    list.push(value);
    series.set(key, list);
  }
  return [...series.values()];
}

const mean = (values: number[]) => Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10;

/**
 * The five cells: stable when the evaluation's Big Five check says so; else the trend of the latest ratings against
 * the first (up, level, down); else whether the domain has open goals. Null when the viewer may read neither the
 * goals nor the evaluation.
 */
export function bigFiveCells(facts: PlanFacts, sees: Sees): BigFiveCell[] | null {
  const goals = sees('doelen');
  const evaluation = sees('evaluatie');
  if (!goals && !evaluation) return null;
  return BIG_FIVE.map((domain): BigFiveCell => {
    const openGoals = goals ? facts.goals.filter((g) => g.domain === domain && (g.status === 'open' || g.status === 'bezig')).length : 0;
    const moving = goals ? seriesOf(facts, domain).filter((s) => s.length >= 2) : [];
    const first = moving.length > 0 ? mean(moving.map((s) => s[0] as number)) : null;
    const latest = moving.length > 0 ? mean(moving.map((s) => s[s.length - 1] as number)) : null;
    let state: BigFiveState;
    if (evaluation && facts.evaluation?.stability[domain] === true) state = 'stabiel';
    else if (first !== null && latest !== null) state = latest - first >= MOVING ? 'vooruit' : first - latest >= MOVING ? 'achteruit' : 'gelijk';
    else state = openGoals > 0 ? 'open' : 'geen';
    return { domain, state, openGoals, first, latest };
  });
}

/** What decides a row's place: casusregisseur first, then signals, overdue actions and reviews due. */
export interface UrgencyKey {
  householdName: string;
  isCasusregisseur: boolean;
  /** Sum of the signals' weights. */
  signalWeight: number;
  overdueCount: number;
  /** The oldest overdue action's date (YYYY-MM-DD), when there is one. */
  oldestOverdue: string | null;
  /** Days until the next review (negative when passed); null without a review date. */
  reviewInDays: number | null;
}

/** The overzicht's order: compare two rows (negative when `a` comes first). */
export function byUrgency(a: UrgencyKey, b: UrgencyKey, reviewSoonDays: number): number {
  if (a.isCasusregisseur !== b.isCasusregisseur) return a.isCasusregisseur ? -1 : 1;
  if (a.signalWeight !== b.signalWeight) return b.signalWeight - a.signalWeight;
  if (a.overdueCount !== b.overdueCount) return b.overdueCount - a.overdueCount;
  if (a.oldestOverdue !== b.oldestOverdue) {
    if (a.oldestOverdue === null) return 1;
    if (b.oldestOverdue === null) return -1;
    return a.oldestOverdue < b.oldestOverdue ? -1 : 1;
  }
  const due = (k: UrgencyKey) => (k.reviewInDays !== null && k.reviewInDays <= reviewSoonDays ? k.reviewInDays : Number.POSITIVE_INFINITY);
  if (due(a) !== due(b)) return due(a) - due(b);
  return a.householdName.localeCompare(b.householdName, 'nl');
}
