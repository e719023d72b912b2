import { describe, expect, it } from 'vitest';
import { can, canManage, canShowPresence, levelOf, type PolicyMember } from './policy';
import type { PlanRole } from './roles';
import { MATRIX_ROLES, MATRIX_ROWS } from '../test/permission-matrix';

const ROLES: PlanRole[] = [...MATRIX_ROLES];
const LEVEL = { E: 'edit', C: 'comment', R: 'read', '-': 'none' } as const;

// The matrix of DOMAIN.md, copied by hand (not computed by the policy under test).
const rows = MATRIX_ROWS;

const member = (role: PlanRole, extra: Partial<PolicyMember> = {}): PolicyMember => ({ role, status: 'actief', isCasusregisseur: false, ...extra });

describe('the default matrix', () => {
  for (const { section, cells } of rows) {
    ROLES.forEach((role, i) => {
      const expected = LEVEL[cells[i] as keyof typeof LEVEL];
      it(`${role} on ${section} is ${expected}`, () => {
        const m = member(role);
        expect(levelOf(m, section)).toBe(expected);
        expect(can(m, 'see', section)).toBe(expected !== 'none');
        expect(can(m, 'read', section)).toBe(expected !== 'none');
        expect(can(m, 'comment', section)).toBe(expected === 'comment' || expected === 'edit');
        expect(can(m, 'edit', section)).toBe(expected === 'edit');
        expect(canManage(m)).toBe(false);
      });
    });
  }
});

describe('the casusregisseur', () => {
  it('edits every section it can see, and manages membership', () => {
    const regisseur = member('aanbieder', { isCasusregisseur: true });
    expect(can(regisseur, 'edit', 'veiligheid')).toBe(true); // aanbieder reads veiligheid; as regisseur it edits
    expect(canManage(regisseur)).toBe(true);
  });

  it('never gains a section its role cannot see', () => {
    const verwijzer = member('verwijzer', { isCasusregisseur: true });
    expect(can(verwijzer, 'see', 'professioneel')).toBe(false);
  });
});

describe('membership status and overrides', () => {
  it('grants nothing while consent is pending or after the membership ended', () => {
    for (const status of ['wacht_op_toestemming', 'beeindigd'] as const) {
      const m = member('lokaal_team', { status, isCasusregisseur: true });
      expect(can(m, 'see', 'gezin')).toBe(false);
      expect(canManage(m)).toBe(false);
    }
  });

  it('no member means no access', () => {
    expect(can(null, 'read', 'gezin')).toBe(false);
    expect(canShowPresence(undefined, 'gezin')).toBe(false);
  });

  it('a plan override replaces the matrix for that section only', () => {
    const netwerk = member('netwerk', { overrides: { veiligheid: 'edit', gezin: 'none' } });
    expect(can(netwerk, 'edit', 'veiligheid')).toBe(true);
    expect(can(netwerk, 'see', 'gezin')).toBe(false);
    expect(can(netwerk, 'comment', 'doelen')).toBe(true);
  });
});

describe('presence', () => {
  it('shows presence of those who may comment or edit, not of read-only roles', () => {
    expect(canShowPresence(member('ouder'), 'gezin')).toBe(true);
    expect(canShowPresence(member('netwerk'), 'doelen')).toBe(true);
    expect(canShowPresence(member('verwijzer'), 'gezin')).toBe(false);
    expect(canShowPresence(member('tafel'), 'gezin')).toBe(false);
  });
});
