/**
 * Turns raw audit events into what a family can read: per day, per person, what they did in which part of the
 * plan. Events about sections the reader may not see are shown without the section's name, so the page never
 * reveals a hidden section's title.
 */
import { isSectionKey, type SectionKey } from './sections';

export interface RawAuditEvent {
  at: Date;
  action: string;
  section: string | null;
  actorName: string | null;
  actorRole: string | null;
}

export interface AuditLine {
  actorName: string;
  actorRole: string | null;
  action: string;
  /** A section the reader may see, 'hidden' for one they may not, null for the plan as a whole. */
  section: SectionKey | 'hidden' | null;
  count: number;
  first: Date;
  last: Date;
}

export interface AuditDay {
  /** YYYY-MM-DD in the given time zone. */
  day: string;
  lines: AuditLine[];
}

function dayKey(d: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** Groups events (newest first in, newest first out) by day and by (person, action, part). */
export function summariseAudit(events: readonly RawAuditEvent[], canSee: (s: SectionKey) => boolean, timeZone = 'Europe/Amsterdam'): AuditDay[] {
  const days = new Map<string, Map<string, AuditLine>>();
  for (const e of events) {
    const section: AuditLine['section'] = e.section === null ? null : isSectionKey(e.section) && canSee(e.section) ? e.section : 'hidden';
    const day = dayKey(e.at, timeZone);
    const actorName = e.actorName ?? 'Onbekend';
    // Viewing a part on the page and opening its live document are one thing to a reader: "opened".
    const action = e.action === 'plan.read' && section !== null ? 'section.open' : e.action;
    const key = `${actorName}|${e.actorRole ?? ''}|${action}|${section ?? ''}`;
    let lines = days.get(day);
    if (!lines) {
      lines = new Map();
      days.set(day, lines);
    }
    const line = lines.get(key);
    if (line) {
      line.count += 1;
      if (e.at < line.first) line.first = e.at;
      if (e.at > line.last) line.last = e.at;
    } else {
      lines.set(key, { actorName, actorRole: e.actorRole, action, section, count: 1, first: e.at, last: e.at });
    }
  }
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([day, lines]) => ({ day, lines: [...lines.values()].sort((a, b) => b.last.getTime() - a.last.getTime()) }));
}
