/**
 * The periods of the region view: calendar quarters ("2026-Q3") and months ("2026-09"), in Dutch time
 * (a period starts at midnight in Europe/Amsterdam). Pure; the region service turns a key into instants.
 */
import { z } from 'zod';

export const PERIOD_KINDS = ['kwartaal', 'maand'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PeriodKey = z.string().regex(/^(20\d\d)-(Q[1-4]|0[1-9]|1[0-2])$/, 'Kies een kwartaal (bijvoorbeeld 2026-Q3) of een maand (bijvoorbeeld 2026-09).');

export interface Period {
  kind: PeriodKind;
  key: string;
  year: number;
  /** 1–4. */
  quarter: number;
  /** 1–12, for a month. */
  month: number | null;
  /** First instant of the period. */
  start: Date;
  /** First instant after the period. */
  end: Date;
}

const ZONE = 'Europe/Amsterdam';

/** Minutes Amsterdam is ahead of UTC at an instant. */
function offsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
  return Math.round((local - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** Midnight at the start of the 1st of a month (0-based, may overflow into the next year) in Amsterdam. */
export function monthStart(year: number, month0: number): Date {
  const guess = new Date(Date.UTC(year, month0, 1));
  const first = new Date(guess.getTime() - offsetMinutes(guess) * 60_000);
  // Around a DST change the offset at the guess and at the result can differ; one correction settles it.
  return new Date(guess.getTime() - offsetMinutes(first) * 60_000);
}

/** The period a key names. */
export function parsePeriod(key: string): Period {
  const parsed = PeriodKey.parse(key);
  const [y, rest = ''] = parsed.split('-');
  const year = Number(y);
  if (rest.startsWith('Q')) {
    const quarter = Number(rest.slice(1));
    return { kind: 'kwartaal', key: parsed, year, quarter, month: null, start: monthStart(year, (quarter - 1) * 3), end: monthStart(year, quarter * 3) };
  }
  const month = Number(rest);
  return { kind: 'maand', key: parsed, year, quarter: Math.ceil(month / 3), month, start: monthStart(year, month - 1), end: monthStart(year, month) };
}

/** Year and month (1–12) of an instant in Amsterdam. */
function localYearMonth(at: Date): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric', month: '2-digit' }).formatToParts(at);
  return { year: Number(parts.find((p) => p.type === 'year')?.value), month: Number(parts.find((p) => p.type === 'month')?.value) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The period of a kind that contains `now`. */
export function periodContaining(now: Date, kind: PeriodKind): Period {
  const { year, month } = localYearMonth(now);
  return parsePeriod(kind === 'kwartaal' ? `${year}-Q${Math.ceil(month / 3)}` : `${year}-${pad(month)}`);
}

/** The quarter a period lies in (itself for a quarter). */
export function quarterOf(period: Period): Period {
  return period.kind === 'kwartaal' ? period : parsePeriod(`${period.year}-Q${period.quarter}`);
}

/** The months of a quarter that have begun by `now` (a month not yet begun has nothing to count). */
export function monthsBegun(quarter: Period, now: Date): Period[] {
  return [0, 1, 2].map((i) => parsePeriod(`${quarter.year}-${pad((quarter.quarter - 1) * 3 + 1 + i)}`)).filter((m) => m.start.getTime() <= now.getTime());
}

/** The period's end, or now when it has not ended yet: the moment its "state at the end" is taken. */
export function periodCutoff(period: Period, now: Date): Date {
  return period.end.getTime() < now.getTime() ? period.end : now;
}

/** The periods to choose from, newest first: the last `quarters` quarters and `months` months up to now. */
export function recentPeriods(now: Date, counts: { quarters: number; months: number } = { quarters: 8, months: 12 }): { quarters: string[]; months: string[] } {
  const { year, month } = localYearMonth(now);
  const quarters: string[] = [];
  for (let i = 0, y = year, q = Math.ceil(month / 3); i < counts.quarters; i++) {
    quarters.push(`${y}-Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      y -= 1;
    }
  }
  const months: string[] = [];
  for (let i = 0, y = year, m = month; i < counts.months; i++) {
    months.push(`${y}-${pad(m)}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return { quarters, months };
}

/** True when the period has begun by `now` (the view offers no future periods). */
export function hasBegun(period: Period, now: Date): boolean {
  return period.start.getTime() <= now.getTime();
}
