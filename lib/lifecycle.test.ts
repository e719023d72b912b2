/** The lifecycle rule as pure logic; server/plans/lifecycle.test.ts proves it against the stored doc and the database. */
import { describe, expect, it } from 'vitest';
import { BIG_FIVE } from './bigfive';
import { checkStatusChange, TRANSITIONS, type Stability } from './lifecycle';
import { PLAN_STATUSES } from './roles';

const all = (stable: boolean): Stability => Object.fromEntries(BIG_FIVE.map((d) => [d, { stable, note: '' }])) as Stability;

describe('checkStatusChange', () => {
  it('allows exactly the transitions of the lifecycle', () => {
    const allowed = PLAN_STATUSES.flatMap((from) =>
      PLAN_STATUSES.filter((to) => checkStatusChange({ from, to, stability: all(true) }).ok).map((to) => `${from}>${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'concept>actief',
        'concept>afgesloten',
        'actief>afschalen',
        'actief>waakvlam',
        'actief>afgesloten',
        'afschalen>actief',
        'afschalen>waakvlam',
        'afschalen>afgesloten',
        'waakvlam>actief',
        'waakvlam>afgesloten',
        'afgesloten>actief',
      ].sort(),
    );
    expect(TRANSITIONS.afgesloten).toEqual(['actief']);
  });

  it('refuses letting go while a Big Five domain is not stable, naming the domains in Dutch', () => {
    const stability = { ...all(true), wonen: { stable: false, note: '' }, inkomen: { stable: false, note: '' } };
    const check = checkStatusChange({ from: 'actief', to: 'afgesloten', stability });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.kind).toBe('unstable');
    expect(check.message).toContain('nog niet stabiel: Wonen, Inkomen');
    expect(checkStatusChange({ from: 'afschalen', to: 'waakvlam', stability, reason: '   ' }).ok).toBe(false);
  });

  it('allows letting go with a recorded reason, or when every domain is stable', () => {
    expect(checkStatusChange({ from: 'actief', to: 'afgesloten', stability: all(false), reason: 'Gezin verhuist naar Utrecht.' }).ok).toBe(true);
    expect(checkStatusChange({ from: 'actief', to: 'waakvlam', stability: all(true) }).ok).toBe(true);
    // Going back to work needs no check.
    expect(checkStatusChange({ from: 'waakvlam', to: 'actief', stability: all(false) }).ok).toBe(true);
  });
});
