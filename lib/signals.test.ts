/**
 * The early signals, rule by rule, with an injected clock: each fires on the day its rule says and not a day earlier
 * (days in the Netherlands), and never shows what the viewer's sections would hide.
 */
import { describe, expect, it } from 'vitest';
import { addDays, dayOf, daysBetween, signalThresholdsOf, signalsOf, SignalThresholds, type PlanFacts, type Sees, type Signal } from './signals';

const thresholds = SignalThresholds.parse({});
const everything: Sees = () => true;
/** A moment on a day in the Netherlands (09:00 local in winter is 08:00 UTC). */
const on = (day: string, time = '09:00') => new Date(`${day}T${time}:00+01:00`);

function facts(over: Partial<PlanFacts> = {}): PlanFacts {
  return {
    status: 'actief',
    createdAt: on('2026-01-05'),
    hasCasusregisseur: true,
    placement: null,
    goals: [],
    actions: [],
    ratings: [],
    safety: null,
    brokenAgreements: [],
    evaluation: { stability: {}, latestReviewDate: '2026-11-20' },
    lastChange: null,
    professionals: [],
    ...over,
  };
}

const kinds = (signals: Signal[]) => signals.map((s) => s.kind);
const find = <K extends Signal['kind']>(signals: Signal[], kind: K) => signals.find((s) => s.kind === kind) as Extract<Signal, { kind: K }> | undefined;

describe('days in the Netherlands', () => {
  it('counts calendar days, across the change to winter time', () => {
    expect(daysBetween('2026-10-20', '2026-10-27')).toBe(7);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    // 23:30 UTC on 1 December is already 2 December in the Netherlands.
    expect(dayOf(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-02');
  });
});

describe('no movement for N weeks', () => {
  const last = on('2026-10-01', '16:00');
  const base = facts({ lastChange: last, createdAt: on('2026-03-01') });

  it('fires 8 weeks after the last change, not a day earlier', () => {
    expect(kinds(signalsOf(base, thresholds, on('2026-11-25', '23:00'), everything))).not.toContain('stalled');
    const signals = signalsOf(base, thresholds, on('2026-11-26', '00:30'), everything);
    expect(find(signals, 'stalled')).toEqual({ kind: 'stalled', weeks: 8, since: '2026-10-01' });
  });

  it('a rating, an action done or an edit is movement; the plan start counts when nothing else happened', () => {
    const now = on('2026-11-26');
    expect(
      kinds(
        signalsOf(
          { ...base, ratings: [{ kind: 'voortgang', goalId: 'g1', domain: null, value: 5, raterId: 'u', raterName: 'Sanne', createdAt: on('2026-10-02') }] },
          thresholds,
          now,
          everything,
        ),
      ),
    ).not.toContain('stalled');
    expect(
      kinds(
        signalsOf({ ...base, actions: [{ goalId: 'g', title: 'Bellen', dueDate: null, done: true, doneAt: on('2026-10-02') }] }, thresholds, now, everything),
      ),
    ).not.toContain('stalled');
    // A new plan is not stalled before it is eight weeks old.
    const fresh = facts({ createdAt: on('2026-10-01'), lastChange: null });
    expect(kinds(signalsOf(fresh, thresholds, on('2026-11-25'), everything))).not.toContain('stalled');
    expect(kinds(signalsOf(fresh, thresholds, on('2026-11-26'), everything))).toContain('stalled');
  });

  it('takes the weeks from the region, and leaves plans on waakvlam alone', () => {
    const four = signalThresholdsOf({ signals: { stalledWeeks: 4 } });
    expect(kinds(signalsOf(base, four, on('2026-10-28'), everything))).not.toContain('stalled');
    expect(kinds(signalsOf(base, four, on('2026-10-29'), everything))).toContain('stalled');
    expect(kinds(signalsOf({ ...base, status: 'waakvlam' }, thresholds, on('2027-03-01'), everything))).not.toContain('stalled');
  });
});

describe('a goal whose ratings stayed flat or fell', () => {
  const goal = { id: 'goal1', title: 'Rust in huis', domain: 'welzijn', status: 'bezig', reviewDate: null };
  const rate = (value: number, day: string, raterId = 'sanne', raterName = 'Sanne Jansen') => ({
    kind: 'voortgang' as const,
    goalId: 'goal1',
    domain: null,
    value,
    raterId,
    raterName,
    createdAt: on(day),
  });
  const now = on('2026-11-10');

  it('fires with the third rating that did not rise, not with two', () => {
    const two = facts({ goals: [goal], ratings: [rate(6, '2026-09-01'), rate(6, '2026-10-01')], lastChange: now });
    expect(kinds(signalsOf(two, thresholds, now, everything))).not.toContain('goalFlat');
    const three = { ...two, ratings: [...two.ratings, rate(5, '2026-11-01')] };
    expect(find(signalsOf(three, thresholds, now, everything), 'goalFlat')).toEqual({
      kind: 'goalFlat',
      goals: [{ title: 'Rust in huis', raters: [{ name: 'Sanne Jansen', values: [6, 6, 5] }] }],
    });
  });

  it('a rise among the last three, a reached goal, or ratings by different raters do not count', () => {
    const rising = facts({
      goals: [goal],
      ratings: [rate(6, '2026-08-01'), rate(5, '2026-09-01'), rate(5, '2026-10-01'), rate(6, '2026-11-01')],
      lastChange: now,
    });
    expect(kinds(signalsOf(rising, thresholds, now, everything))).not.toContain('goalFlat');
    const reached = facts({
      goals: [{ ...goal, status: 'bereikt' }],
      ratings: [rate(5, '2026-09-01'), rate(5, '2026-10-01'), rate(5, '2026-11-01')],
      lastChange: now,
    });
    expect(kinds(signalsOf(reached, thresholds, now, everything))).not.toContain('goalFlat');
    const mixed = facts({ goals: [goal], ratings: [rate(6, '2026-09-01'), rate(5, '2026-10-01', 'mo', 'Mo'), rate(5, '2026-11-01')], lastChange: now });
    expect(kinds(signalsOf(mixed, thresholds, now, everything))).not.toContain('goalFlat');
  });

  it('is hidden from whoever may not read the goals', () => {
    const three = facts({ goals: [goal], ratings: [rate(5, '2026-09-01'), rate(5, '2026-10-01'), rate(5, '2026-11-01')], lastChange: now });
    expect(kinds(signalsOf(three, thresholds, now, (s) => s !== 'doelen'))).not.toContain('goalFlat');
  });
});

describe('a broken safety agreement not yet at a table', () => {
  it('fires for a broken agreement that was not escalated, for readers of the safety plan only', () => {
    const broken = facts({
      brokenAgreements: [
        { brokenAt: '2026-11-28', escalated: false },
        { brokenAt: '2026-10-01', escalated: true },
      ],
      lastChange: on('2026-11-28'),
    });
    const now = on('2026-11-30');
    expect(find(signalsOf(broken, thresholds, now, everything), 'brokenAgreement')).toEqual({ kind: 'brokenAgreement', count: 1, since: '2026-11-28' });
    expect(kinds(signalsOf(broken, thresholds, now, (s) => s !== 'veiligheid'))).not.toContain('brokenAgreement');
    const atTable = facts({ brokenAgreements: [{ brokenAt: '2026-11-28', escalated: true }], lastChange: now });
    expect(kinds(signalsOf(atTable, thresholds, now, everything))).not.toContain('brokenAgreement');
  });
});

describe('actions overdue more than N days', () => {
  const action = { goalId: 'g', title: 'Aanmelden bij de schuldhulp', dueDate: '2026-11-01', done: false, doneAt: null };
  const base = facts({ actions: [action, { ...action, title: 'Later', dueDate: '2026-11-10' }] });

  it('fires on the 15th day after the due date (more than 14), not on the 14th', () => {
    expect(kinds(signalsOf({ ...base, lastChange: on('2026-11-15') }, thresholds, on('2026-11-15'), everything))).not.toContain('overdue');
    const signals = signalsOf({ ...base, lastChange: on('2026-11-16') }, thresholds, on('2026-11-16'), everything);
    expect(find(signals, 'overdue')).toEqual({ kind: 'overdue', count: 1, days: 15, oldest: { title: 'Aanmelden bij de schuldhulp', due: '2026-11-01' } });
  });

  it('an action done is never overdue; the region sets N', () => {
    expect(
      kinds(signalsOf({ ...base, actions: [{ ...action, done: true, doneAt: on('2026-11-20') }] }, thresholds, on('2026-12-01'), everything)),
    ).not.toContain('overdue');
    const week = signalThresholdsOf({ signals: { overdueDays: 7 } });
    expect(kinds(signalsOf({ ...base, lastChange: on('2026-11-08') }, week, on('2026-11-08'), everything))).not.toContain('overdue');
    expect(kinds(signalsOf({ ...base, lastChange: on('2026-11-09') }, week, on('2026-11-09'), everything))).toContain('overdue');
  });
});

describe('a review date passed', () => {
  const goal = { id: 'g1', title: 'Daan gaat weer naar school', domain: 'school_werk', status: 'bezig', reviewDate: '2026-11-20' };

  it('fires the day after a goal review date, not on the day itself', () => {
    const f = facts({ goals: [goal], lastChange: on('2026-11-20') });
    expect(kinds(signalsOf(f, thresholds, on('2026-11-20', '23:59'), everything))).not.toContain('reviewPassed');
    expect(find(signalsOf(f, thresholds, on('2026-11-21', '00:01'), everything), 'reviewPassed')?.items).toEqual([
      { what: 'goal', title: 'Daan gaat weer naar school', date: '2026-11-20' },
    ]);
  });

  it('covers the safety plan and the periodic evaluation (26 weeks after the latest review, or the start)', () => {
    const f = facts({
      safety: { status: 'afgesproken', reviewDate: '2026-11-01' },
      evaluation: { stability: {}, latestReviewDate: '2026-05-01' },
      lastChange: on('2026-11-02'),
    });
    // 2026-05-01 + 182 days = 2026-10-30.
    expect(find(signalsOf(f, thresholds, on('2026-10-30'), everything), 'reviewPassed')).toBeUndefined();
    expect(find(signalsOf(f, thresholds, on('2026-10-31'), everything), 'reviewPassed')?.items.map((i) => i.what)).toEqual(['evaluation']);
    expect(find(signalsOf(f, thresholds, on('2026-11-02'), everything), 'reviewPassed')?.items.map((i) => [i.what, i.date])).toEqual([
      ['evaluation', '2026-10-30'],
      ['safety', '2026-11-01'],
    ]);
    // Without the evaluatie and veiligheid sections, neither is there.
    expect(
      find(
        signalsOf(f, thresholds, on('2026-11-02'), (s) => s === 'doelen'),
        'reviewPassed',
      ),
    ).toBeUndefined();
    const noReview = facts({ createdAt: on('2026-05-01'), evaluation: null, lastChange: on('2026-11-02') });
    expect(find(signalsOf(noReview, thresholds, on('2026-10-31'), everything), 'reviewPassed')?.items).toEqual([
      { what: 'evaluation', title: null, date: '2026-10-30' },
    ]);
  });
});

describe('no named casusregisseur', () => {
  it('fires for an open plan without one', () => {
    const now = on('2026-11-02');
    expect(kinds(signalsOf(facts({ hasCasusregisseur: false, lastChange: now }), thresholds, now, everything))).toEqual(['noRegisseur']);
    expect(kinds(signalsOf(facts({ hasCasusregisseur: true, lastChange: now }), thresholds, now, everything))).toEqual([]);
    expect(kinds(signalsOf(facts({ hasCasusregisseur: false, status: 'afgesloten' }), thresholds, now, everything))).toEqual([]);
  });
});

describe('a professional without contact for N weeks', () => {
  const pro = (name: string, role: 'aanbieder' | 'lokaal_team' | 'verwijzer', lastContact: Date | null) => ({
    userId: name,
    name,
    role,
    memberSince: on('2026-06-01'),
    lastContact,
  });

  it('names every silent professional with their last contact, 6 weeks after it and not a day earlier', () => {
    const f = facts({
      lastChange: on('2026-11-20'),
      professionals: [
        pro('Eva Bakker', 'aanbieder', on('2026-10-10')),
        pro('Mo Ait Taleb', 'lokaal_team', on('2026-11-19')),
        pro('Anouk Visser', 'verwijzer', null),
      ],
    });
    expect(kinds(signalsOf(f, thresholds, on('2026-11-20'), everything))).not.toContain('professionalSilent');
    expect(find(signalsOf(f, thresholds, on('2026-11-21'), everything), 'professionalSilent')).toEqual({
      kind: 'professionalSilent',
      people: [{ name: 'Eva Bakker', role: 'aanbieder', since: '2026-10-10', weeks: 6 }],
    });
  });

  it('counts from the start of the membership when there was no contact at all', () => {
    const f = facts({ lastChange: on('2026-07-13'), professionals: [pro('Eva Bakker', 'aanbieder', null)] });
    expect(find(signalsOf(f, thresholds, on('2026-07-12'), everything), 'professionalSilent')).toBeUndefined();
    expect(find(signalsOf(f, thresholds, on('2026-07-13'), everything), 'professionalSilent')?.people[0]).toEqual({
      name: 'Eva Bakker',
      role: 'aanbieder',
      since: '2026-06-01',
      weeks: 6,
    });
  });
});

describe('a threatened out-of-home placement', () => {
  const placement = { threatened: true, reason: 'Moeder kan de zorg niet aan', since: on('2026-11-03'), by: 'Mo Ait Taleb' };

  it('fires while the flag is set, first of all, for those who read the professional section', () => {
    const now = on('2026-11-04');
    const f = facts({ placement, hasCasusregisseur: false, lastChange: now });
    expect(kinds(signalsOf(f, thresholds, now, everything))).toEqual(['placement', 'noRegisseur']);
    expect(find(signalsOf(f, thresholds, now, everything), 'placement')).toEqual({
      kind: 'placement',
      reason: 'Moeder kan de zorg niet aan',
      since: '2026-11-03',
      by: 'Mo Ait Taleb',
    });
    expect(kinds(signalsOf(f, thresholds, now, (s) => s !== 'professioneel'))).toEqual(['noRegisseur']);
    expect(kinds(signalsOf({ ...f, placement: { ...placement, threatened: false } }, thresholds, now, everything))).toEqual(['noRegisseur']);
  });
});

describe('region settings', () => {
  it('fall back to the defaults, field by field, when a region stored something invalid', () => {
    expect(signalThresholdsOf({})).toEqual(thresholds);
    expect(signalThresholdsOf({ signals: { stalledWeeks: 'acht', overdueDays: 7, labels: { stalled: 'Stilstand' } } })).toMatchObject({
      stalledWeeks: 8,
      overdueDays: 7,
      labels: { stalled: 'Stilstand' },
    });
    expect(signalThresholdsOf(null).silentWeeks).toBe(6);
  });
});
