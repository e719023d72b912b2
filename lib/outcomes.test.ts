import { describe, expect, it } from 'vitest';
import { summariseOutcomes, type RatingFact } from './outcomes';

const r = (p: Partial<RatingFact> & Pick<RatingFact, 'value' | 'createdAt'>): RatingFact => ({
  kind: 'zelfredzaamheid',
  goalId: null,
  domain: 'wonen',
  raterRole: 'ouder',
  raterName: 'Sanne',
  ...p,
});

describe('summariseOutcomes', () => {
  it('puts the first and the latest rating side by side per subject, kind and rater role', () => {
    const out = summariseOutcomes(
      [
        r({ value: 4, createdAt: '2026-09-01T10:00:00Z' }),
        r({ value: 2, createdAt: '2026-03-01T10:00:00Z' }),
        r({ value: 3, createdAt: '2026-06-01T10:00:00Z' }),
        r({ value: 1, createdAt: '2026-03-02T10:00:00Z', raterRole: 'lokaal_team', raterName: 'Mo' }),
        r({ kind: 'voortgang', goalId: 'doel-abcdefgh', domain: null, value: 6, createdAt: new Date('2026-05-01T00:00:00Z') }),
      ],
      new Map([['doel-abcdefgh', 'Daan gaat weer naar school']]),
    );
    expect(out.domains).toEqual([
      {
        domain: 'wonen',
        lines: [
          {
            kind: 'zelfredzaamheid',
            role: 'ouder',
            first: { value: 2, at: '2026-03-01T10:00:00Z', raterName: 'Sanne' },
            latest: { value: 4, at: '2026-09-01T10:00:00Z', raterName: 'Sanne' },
            count: 3,
          },
          {
            kind: 'zelfredzaamheid',
            role: 'lokaal_team',
            first: { value: 1, at: '2026-03-02T10:00:00Z', raterName: 'Mo' },
            latest: { value: 1, at: '2026-03-02T10:00:00Z', raterName: 'Mo' },
            count: 1,
          },
        ],
      },
    ]);
    expect(out.goals).toEqual([
      { goalId: 'doel-abcdefgh', title: 'Daan gaat weer naar school', lines: [expect.objectContaining({ kind: 'voortgang', count: 1 })] },
    ]);
  });
});
