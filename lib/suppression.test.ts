import { describe, expect, it } from 'vitest';
import { publish, SUPPRESSED, suppress, type Cell, type Sum } from './suppression';

const cells = (values: Record<string, number>, unpublished: string[] = []): Cell[] =>
  Object.entries(values).map(([id, value]) => ({ id, value, published: !unpublished.includes(id) }));

/** Every sum: can a hidden cell be worked out from the visible ones alone, or a hidden group found to be small? */
function leaks(values: Record<string, number>, sums: Sum[], hidden: Set<string>): string[] {
  const out: string[] = [];
  for (const s of sums) {
    const members = [s.total, ...s.parts];
    const h = members.filter((id) => hidden.has(id));
    if (h.length === 1) out.push(`${h[0]} recoverable from ${s.total}`);
    if (h.length > 1 && !hidden.has(s.total)) {
      const group = h.reduce((n, id) => n + (values[id] ?? 0), 0);
      if (group < 5) out.push(`group ${h.join('+')} = ${group} recoverable from ${s.total}`);
    }
  }
  return out;
}

describe('suppress', () => {
  it('hides every count from one to four, and nothing else when there are no sums; a zero names nobody', () => {
    const hidden = suppress(cells({ a: 0, b: 1, c: 4, d: 5, e: 120 }), []);
    expect([...hidden].sort()).toEqual(['b', 'c']);
  });

  it('a zero beside a hidden cell does not protect it: the next smallest count is hidden', () => {
    // 25 = 0 + 3 + 22: the zero is shown, so 3 would follow from 25 − 22.
    const v = { total: 25, zero: 0, small: 3, big: 22 };
    const sums = [{ total: 'total', parts: ['zero', 'small', 'big'] }];
    const hidden = suppress(cells(v), sums);
    expect([...hidden].sort()).toEqual(['big', 'small']);
  });

  it('a hidden cell follows the one it belongs to', () => {
    const v = { families: 3, goals: 11 };
    const hidden = suppress(cells(v), [], { follows: [{ cell: 'goals', of: 'families' }] });
    expect([...hidden].sort()).toEqual(['families', 'goals']);
  });

  it('secondary: hides a second cell when one small part could be worked out from the total', () => {
    // 20 = 3 + 17: showing 20 and 17 gives away the 3.
    const v = { total: 20, small: 3, big: 17 };
    const sums = [{ total: 'total', parts: ['small', 'big'] }];
    const hidden = suppress(cells(v), sums);
    expect(hidden.has('small')).toBe(true);
    expect(hidden.has('big')).toBe(true);
    expect(hidden.has('total')).toBe(false);
    expect(leaks(v, sums, hidden)).toEqual([]);
  });

  it('secondary: picks the smallest visible part, not the total', () => {
    const v = { total: 40, a: 2, b: 8, c: 30 };
    const sums = [{ total: 'total', parts: ['a', 'b', 'c'] }];
    const hidden = suppress(cells(v), sums);
    expect([...hidden].sort()).toEqual(['a', 'b']);
  });

  it('secondary: two small parts whose sum is still under five are not enough', () => {
    // 1 + 2 = 3: the pair would be recoverable as a group of three.
    const v = { total: 30, a: 1, b: 2, c: 6, d: 21 };
    const sums = [{ total: 'total', parts: ['a', 'b', 'c', 'd'] }];
    const hidden = suppress(cells(v), sums);
    expect([...hidden].sort()).toEqual(['a', 'b', 'c']);
    expect(leaks(v, sums, hidden)).toEqual([]);
  });

  it('hides the total when it is the only cell left that could protect a part', () => {
    const v = { total: 12, a: 3, rest: 9 };
    const sums = [{ total: 'total', parts: ['a', 'rest'] }];
    // "rest" is not published (a complement): it cannot be hidden, so the total goes.
    const hidden = suppress(cells(v, ['rest']), sums);
    expect(hidden.has('a')).toBe(true);
    expect(hidden.has('total')).toBe(true);
    expect(hidden.has('rest')).toBe(false);
  });

  it('protects a small unpublished complement: the published parts around it are hidden too', () => {
    // with goals 10 = reached 8 + not reached 2 (not shown, but 10 − 8 would reveal it).
    const v = { withGoals: 10, reached: 8, notReached: 2 };
    const sums = [{ total: 'withGoals', parts: ['reached', 'notReached'] }];
    const hidden = suppress(cells(v, ['notReached']), sums);
    expect(hidden.has('reached')).toBe(true);
    expect(leaks(v, sums, hidden)).toEqual([]);
  });

  it('protects a table in both directions (rows and the region total per column), until nothing leaks', () => {
    // Two municipalities × two categories, with row, column and grand totals.
    const v = { A1: 3, A2: 12, A: 15, B1: 9, B2: 20, B: 29, T1: 12, T2: 32, T: 44 };
    const sums: Sum[] = [
      { total: 'A', parts: ['A1', 'A2'] },
      { total: 'B', parts: ['B1', 'B2'] },
      { total: 'T', parts: ['T1', 'T2'] },
      { total: 'T1', parts: ['A1', 'B1'] },
      { total: 'T2', parts: ['A2', 'B2'] },
      { total: 'T', parts: ['A', 'B'] },
    ];
    const hidden = suppress(cells(v), sums);
    expect(hidden.has('A1')).toBe(true);
    // A2 hides A1 in its row; B1 hides it in its column; then B2 must go so B1 is not recoverable from B.
    expect(hidden.has('A2')).toBe(true);
    expect(hidden.has('B1')).toBe(true);
    expect(hidden.has('B2')).toBe(true);
    expect(leaks(v, sums, hidden)).toEqual([]);
  });

  it('is deterministic: the same figures give the same cells, whatever order they come in', () => {
    const v = { total: 50, a: 2, b: 10, c: 10, d: 28 };
    const sums = [{ total: 'total', parts: ['a', 'b', 'c', 'd'] }];
    const one = suppress(cells(v), sums);
    const two = suppress(cells(v).reverse(), [{ total: 'total', parts: ['d', 'c', 'b', 'a'] }]);
    expect([...one].sort()).toEqual([...two].sort());
    expect([...one].sort()).toEqual(['a', 'b']);
  });

  it('refuses sums over unknown cells and values that are not counts', () => {
    expect(() => suppress(cells({ a: 1 }), [{ total: 'a', parts: ['x'] }])).toThrow(/unknown cell x/);
    expect(() => suppress([{ id: 'a', value: -1 }], [])).toThrow(/not a count/);
  });

  it('publishes a hidden cell as "< 5" and a visible one as its number', () => {
    const hidden = new Set(['a']);
    expect(publish(3, 'a', hidden)).toBe(SUPPRESSED);
    expect(publish(12, 'b', hidden)).toBe(12);
    expect(SUPPRESSED).toBe('< 5');
  });
});
