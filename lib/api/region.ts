/**
 * The region's anonymous figures (GET /api/regio, the /regio page and its CSV), shared by the service, the route
 * and the components. Every count is a number or "< 5" (lib/suppression.ts); a figure derived from a hidden count
 * (a percentage, an average) is null. Nothing here names a family, a plan or a person.
 */
import type { PlanStatus } from '../roles';
import type { PeriodKind } from '../region-periods';
import type { Count } from '../suppression';

/** The municipality key of households whose municipality is not recorded (names are used as keys otherwise). */
export const UNKNOWN_MUNICIPALITY = '_onbekend';

export const PERSPECTIVES = ['gezin', 'professional'] as const;
export type Perspective = (typeof PERSPECTIVES)[number];

export const PROFESSIONAL_BUCKETS = ['0', '1', '2', '3', '4+'] as const;
export type ProfessionalBucket = (typeof PROFESSIONAL_BUCKETS)[number];

export interface StatusFigures {
  byStatus: Record<PlanStatus, Count>;
  /** actief + afschalen. */
  active: Count;
  /** Every plan that existed at the cutoff. */
  total: Count;
}

export interface MunicipalityRow {
  /** A municipality's name, or UNKNOWN_MUNICIPALITY. */
  municipality: string;
  active: Count;
  total: Count;
}

export interface RegisseurFigures {
  active: Count;
  /** Active plans with exactly one named casusregisseur. */
  one: Count;
  /** Active plans with none (or, by error, more than one). */
  notOne: Count;
  /** one / active, in whole percents; null when either is hidden. */
  percentOne: number | null;
}

export interface GoalFigures {
  /** Active plans with at least one goal. */
  plansWithGoals: Count;
  /** Active plans with at least one goal reached. */
  plansWithReached: Count;
  goals: Count;
  reached: Count;
  /** reached / goals, in whole percents; null when either is hidden. */
  percentReached: number | null;
}

export interface DomainChange {
  domain: string;
  perspective: Perspective;
  /** Families rated at least twice in the domain by this perspective. */
  rated: Count;
  improved: Count;
  same: Count;
  declined: Count;
  /** Average of (latest − first) on the 1–5 scale, one decimal; null when `rated` is hidden. */
  meanChange: number | null;
}

export interface ProfessionalFigures {
  /** Active plans by the number of professionals in them. */
  buckets: { bucket: ProfessionalBucket; families: Count }[];
  families: Count;
  /** Median professionals per family; null when `families` is hidden. */
  median: number | null;
}

export interface EscalationFigures {
  /** Families where a broken safety agreement was recorded in the period. */
  brokenAgreements: Count;
  /** Requests to the doorbraaktafel and their time to a decision: not recorded yet (null = "nog geen gegevens"). */
  tableRequests: null;
  medianDaysToDecision: null;
}

export interface WaakvlamFigures {
  /** Families whose plan went to waakvlam in the period. */
  entered: Count;
  /** Families whose plan came back from waakvlam (to actief or afschalen) in the period. */
  returned: Count;
}

export interface RegionReport {
  region: { name: string };
  period: {
    key: string;
    kind: PeriodKind;
    /** ISO instants: the period's start and end. */
    start: string;
    end: string;
    /** The moment the "at the end of the period" figures are taken: the end, or now for a running period. */
    cutoff: string;
    ongoing: boolean;
  };
  /** The municipality shown (a name or UNKNOWN_MUNICIPALITY), or null for the whole region. */
  municipality: string | null;
  municipalities: string[];
  choices: { quarters: string[]; months: string[] };
  status: StatusFigures;
  perMunicipality: MunicipalityRow[];
  regisseur: RegisseurFigures;
  goals: GoalFigures;
  domains: DomainChange[];
  professionals: ProfessionalFigures;
  escalations: EscalationFigures;
  waakvlam: WaakvlamFigures;
}
