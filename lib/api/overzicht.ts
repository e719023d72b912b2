/** Response bodies of the overzicht (`GET /api/overzicht`) and the placement flag, shared by routes and browser. */
import type { BigFiveCell } from '../overzicht';
import type { Kader, PlanRole, PlanStatus } from '../roles';
import type { SignalKind } from '../signals';

export interface OverzichtSignal {
  kind: SignalKind;
  /** The short label (the region's own word when it set one). */
  label: string;
  /** Why, in plain language (Dutch, or English when the reader chose it). */
  reason: string;
  /** Where to ask the doorbraaktafel for help (the plan's tafel section); null when the viewer cannot see it. */
  tableHref: string | null;
}

export interface OverzichtActivity {
  name: string;
  role: PlanRole;
  /** ISO time of their latest activity in the plan; null when there is none. */
  at: string | null;
}

export interface OverzichtRow {
  planId: string;
  householdName: string;
  status: PlanStatus;
  kader: Kader;
  role: PlanRole;
  isCasusregisseur: boolean;
  /** Null when the viewer may read neither the goals nor the evaluation. */
  bigFive: BigFiveCell[] | null;
  /** Null when the viewer may not read the goals. Oldest first (at most three shown). */
  overdue: { count: number; actions: { title: string; due: string; days: number }[] } | null;
  /** The earliest review date of the goals, the evaluation and the safety plan (a passed one included). */
  nextReview: { date: string; what: 'goal' | 'safety' | 'evaluation'; title: string | null; passed: boolean } | null;
  /** Null when there is no safety plan or the viewer may not read it. */
  safety: { status: string; reviewDate: string | null } | null;
  /** Broken safety agreements not yet at a table; null when the viewer may not read the safety plan. */
  openEscalations: number | null;
  /** ISO time of the family's (parents', young people's) latest activity. */
  familyActivity: string | null;
  professionals: OverzichtActivity[];
  signals: OverzichtSignal[];
  /** Higher is more urgent (sum of the signals' weights). */
  urgency: number;
}

export interface OverzichtResponse {
  /** ISO time the overzicht was computed. */
  generatedAt: string;
  /** Today in the Netherlands (YYYY-MM-DD). */
  today: string;
  rows: OverzichtRow[];
}

export interface PlacementState {
  threatened: boolean;
  reason: string | null;
  /** ISO time of the latest change; null when it was never set. */
  since: string | null;
  by: string | null;
  history: { threatened: boolean; reason: string; at: string; by: string | null }[];
}
