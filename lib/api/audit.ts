/** GET /api/plans/[planId]/audit: the plan's audit trail as the family's "Wie heeft ons plan bekeken?" shows it. */
import type { SectionKey } from '../sections';

export interface AuditLineJson {
  actorName: string;
  actorRole: string | null;
  /** The audit action; a read of a section (`plan.read` with a section) reads as `section.open`. */
  action: string;
  /** A section the reader may see, 'hidden' for one they may not (never its name), null for the whole plan. */
  section: SectionKey | 'hidden' | null;
  count: number;
  first: string;
  last: string;
}

export interface PlanAuditResponse {
  /** How many days back the trail goes. */
  windowDays: number;
  /** Newest day first; per day, one line per person, action and part of the plan. */
  days: { day: string; lines: AuditLineJson[] }[];
}
