import { describe, expect, it } from 'vitest';
import { hasBegun, monthsBegun, parsePeriod, periodContaining, periodCutoff, quarterOf, recentPeriods } from './region-periods';

describe('region periods', () => {
  it('starts a period at midnight in Amsterdam, summer time and winter time alike', () => {
    const q3 = parsePeriod('2026-Q3');
    expect(q3.start.toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(q3.end.toISOString()).toBe('2026-09-30T22:00:00.000Z');
    const nov = parsePeriod('2026-11');
    expect(nov.start.toISOString()).toBe('2026-10-31T23:00:00.000Z');
    expect(nov.quarter).toBe(4);
    // Summer time begins on the last Sunday of March: April starts at 22:00 UTC on 31 March.
    expect(parsePeriod('2026-04').start.toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect(parsePeriod('2026-Q4').end.toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });

  it('refuses what is not a quarter or a month', () => {
    for (const key of ['2026-Q5', '2026-13', '2026-00', '26-Q1', '2026-Q1; drop', '']) expect(() => parsePeriod(key)).toThrow();
  });

  it('knows the running period, its quarter, the months begun and the cutoff', () => {
    const now = new Date('2026-11-15T12:00:00Z');
    expect(periodContaining(now, 'kwartaal').key).toBe('2026-Q4');
    expect(periodContaining(now, 'maand').key).toBe('2026-11');
    // 1 January 00:30 in Amsterdam is still 31 December in UTC.
    expect(periodContaining(new Date('2025-12-31T23:30:00Z'), 'kwartaal').key).toBe('2026-Q1');
    expect(quarterOf(parsePeriod('2026-11')).key).toBe('2026-Q4');
    expect(monthsBegun(parsePeriod('2026-Q4'), now).map((m) => m.key)).toEqual(['2026-10', '2026-11']);
    expect(periodCutoff(parsePeriod('2026-Q4'), now)).toEqual(now);
    expect(periodCutoff(parsePeriod('2026-Q3'), now).toISOString()).toBe('2026-09-30T22:00:00.000Z');
    expect(hasBegun(parsePeriod('2027-Q1'), now)).toBe(false);
  });

  it('offers the last quarters and months, newest first, across a new year', () => {
    const { quarters, months } = recentPeriods(new Date('2026-02-10T12:00:00Z'), { quarters: 3, months: 3 });
    expect(quarters).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
    expect(months).toEqual(['2026-02', '2026-01', '2025-12']);
  });
});
