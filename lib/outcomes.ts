/**
 * Begin and end measurements side by side (DOMAIN.md "Ratings"): per goal and per life domain, per rating kind and
 * per rater role, the first and the latest rating. The family's view and the professional's view stay apart.
 */
import type { PlanRole } from './roles';

export interface RatingFact {
  kind: string;
  goalId: string | null;
  domain: string | null;
  value: number;
  raterRole: PlanRole;
  raterName: string | null;
  createdAt: Date | string;
}

export interface Measurement {
  value: number;
  at: string;
  raterName: string | null;
}

export interface OutcomeLine {
  kind: string;
  role: PlanRole;
  first: Measurement;
  latest: Measurement;
  count: number;
}

export interface Outcomes {
  goals: { goalId: string; title: string | null; lines: OutcomeLine[] }[];
  domains: { domain: string; lines: OutcomeLine[] }[];
}

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);

/** Groups ratings (any order) into first/latest per subject, kind and role; subjects keep first-rated order. */
export function summariseOutcomes(ratings: readonly RatingFact[], goalTitles: ReadonlyMap<string, string> = new Map()): Outcomes {
  const sorted = [...ratings].sort((a, b) => iso(a.createdAt).localeCompare(iso(b.createdAt)));
  const goals = new Map<string, Map<string, OutcomeLine>>();
  const domains = new Map<string, Map<string, OutcomeLine>>();
  for (const r of sorted) {
    const [bucket, subject] = r.goalId ? [goals, r.goalId] : r.domain ? [domains, r.domain] : [null, null];
    if (!bucket || !subject) continue;
    let lines = bucket.get(subject);
    if (!lines) bucket.set(subject, (lines = new Map()));
    const key = `${r.kind}|${r.raterRole}`;
    const m: Measurement = { value: r.value, at: iso(r.createdAt), raterName: r.raterName };
    const line = lines.get(key);
    if (line) {
      line.latest = m;
      line.count += 1;
    } else lines.set(key, { kind: r.kind, role: r.raterRole, first: m, latest: m, count: 1 });
  }
  return {
    goals: [...goals.entries()].map(([goalId, lines]) => ({ goalId, title: goalTitles.get(goalId) ?? null, lines: [...lines.values()] })),
    domains: [...domains.entries()].map(([domain, lines]) => ({ domain, lines: [...lines.values()] })),
  };
}
