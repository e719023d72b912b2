/** The Big Five cells and the overzicht's order of urgency. */
import { describe, expect, it } from 'vitest';
import { bigFiveCells, byUrgency, type UrgencyKey } from './overzicht';
import type { FactRating, PlanFacts } from './signals';

const at = (day: string) => new Date(`${day}T10:00:00Z`);
const rating = (over: Partial<FactRating>): FactRating => ({
  kind: 'voortgang',
  goalId: null,
  domain: null,
  value: 5,
  raterId: 'sanne',
  raterName: 'Sanne',
  createdAt: at('2026-10-01'),
  ...over,
});

const facts: PlanFacts = {
  status: 'actief',
  createdAt: at('2026-01-01'),
  hasCasusregisseur: true,
  placement: null,
  goals: [
    { id: 'w1', title: 'Eigen kamer', domain: 'wonen', status: 'bezig', reviewDate: null },
    { id: 's1', title: 'Naar school', domain: 'school_werk', status: 'bezig', reviewDate: null },
    { id: 'i1', title: 'Schulden', domain: 'inkomen', status: 'open', reviewDate: null },
    { id: 'x1', title: 'Klaar', domain: 'welzijn', status: 'bereikt', reviewDate: null },
  ],
  actions: [],
  ratings: [
    rating({ goalId: 'w1', value: 4, createdAt: at('2026-08-01') }),
    rating({ goalId: 'w1', value: 7, createdAt: at('2026-10-01') }),
    rating({ goalId: 's1', value: 6, createdAt: at('2026-08-01') }),
    rating({ goalId: 's1', value: 4, createdAt: at('2026-10-01') }),
    // Self-reliance 1–5 counts on the same 0–10 line: 3 → 3 is level.
    rating({ kind: 'zelfredzaamheid', domain: 'inkomen', value: 3, createdAt: at('2026-08-01') }),
  ],
  safety: null,
  brokenAgreements: [],
  evaluation: { stability: { support: true, wonen: false }, latestReviewDate: null },
  lastChange: null,
  professionals: [],
};

describe('Big Five cells', () => {
  it('say stable, up, down, open goals or nothing per domain, with the first and latest ratings', () => {
    const cells = bigFiveCells(facts, () => true);
    expect(cells?.map((c) => [c.domain, c.state, c.openGoals, c.first, c.latest])).toEqual([
      ['support', 'stabiel', 0, null, null],
      ['wonen', 'vooruit', 1, 4, 7],
      ['school_werk', 'achteruit', 1, 6, 4],
      ['inkomen', 'open', 1, null, null],
      ['welzijn', 'geen', 0, null, null],
    ]);
  });

  it('show nothing the viewer may not read', () => {
    expect(bigFiveCells(facts, () => false)).toBeNull();
    // Without the evaluation the stability check is not shown; without the goals neither goals nor ratings.
    expect(bigFiveCells(facts, (s) => s === 'doelen')?.[0]?.state).toBe('geen');
    expect(bigFiveCells(facts, (s) => s === 'evaluatie')?.map((c) => c.state)).toEqual(['stabiel', 'geen', 'geen', 'geen', 'geen']);
  });
});

describe('order of urgency', () => {
  const key = (over: Partial<UrgencyKey>): UrgencyKey => ({
    householdName: 'Familie A',
    isCasusregisseur: false,
    signalWeight: 0,
    overdueCount: 0,
    oldestOverdue: null,
    reviewInDays: null,
    ...over,
  });
  const sort = (keys: UrgencyKey[]) => [...keys].sort((a, b) => byUrgency(a, b, 14)).map((k) => k.householdName);

  it('puts casusregisseur plans first, then signals, overdue actions (oldest first) and reviews due', () => {
    expect(
      sort([
        key({ householdName: 'Familie Stil', signalWeight: 9 }),
        key({ householdName: 'Familie Eigen', isCasusregisseur: true }),
        key({ householdName: 'Familie Laat', overdueCount: 2, oldestOverdue: '2026-11-01' }),
        key({ householdName: 'Familie Later', overdueCount: 2, oldestOverdue: '2026-11-10' }),
        key({ householdName: 'Familie Evaluatie', reviewInDays: 3 }),
        key({ householdName: 'Familie Ver', reviewInDays: 60 }),
        key({ householdName: 'Familie Bak', reviewInDays: 60 }),
      ]),
    ).toEqual(['Familie Eigen', 'Familie Stil', 'Familie Laat', 'Familie Later', 'Familie Evaluatie', 'Familie Bak', 'Familie Ver']);
  });
});
