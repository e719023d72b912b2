import { describe, expect, it } from 'vitest';
import {
  allowedDecisions,
  basisForNewMember,
  deciderCapacity,
  evaluateMembership,
  joinsWithoutConsent,
  type ConsentFacts,
  type Decision,
  type FamilyMember,
  type HouseholdPerson,
  type Membership,
} from './consent';
import type { Kader, PlanRole } from './roles';

const TODAY = new Date('2026-11-29T12:00:00Z');

// A separated couple with gezag, a 16-year-old with an account and a young child without one.
const SANNE = 'u-sanne';
const PETER = 'u-peter';
const DAAN = 'u-daan';
const PRO = 'u-pro';
const MO = 'u-mo';

const people: HouseholdPerson[] = [
  { userId: SANNE, birthDate: '1987-05-14', gezag: true },
  { userId: PETER, birthDate: '1985-09-02', gezag: true },
  { userId: DAAN, birthDate: '2010-03-08', gezag: false },
  { userId: null, birthDate: '2017-11-21', gezag: false },
];
const family: FamilyMember[] = [
  { userId: SANNE, role: 'ouder', gezag: true, status: 'actief' },
  { userId: PETER, role: 'ouder', gezag: true, status: 'actief' },
  { userId: DAAN, role: 'jeugdige', gezag: false, status: 'actief' },
];

function facts(extra: Partial<ConsentFacts> = {}): ConsentFacts {
  return { kader: 'vrijwillig', planCreatedBy: MO, people, members: family, today: TODAY, ...extra };
}
function membership(role: PlanRole, extra: Partial<Membership> = {}): Membership {
  return { userId: PRO, role, basis: 'toestemming', status: 'wacht_op_toestemming', invitedByRole: 'lokaal_team', ...extra };
}
let clock = 0;
function said(decidedBy: string, decision: Decision['decision']): Decision {
  clock += 1;
  return { decidedBy, decision, at: new Date(TODAY.getTime() + clock * 1000) };
}
const ids = (list: { userId: string }[]) => list.map((d) => d.userId).sort();

describe('family roles join on their own invitation', () => {
  for (const role of ['ouder', 'jeugdige'] as const) {
    it(`${role}: active on the basis eigen_gezin, nobody decides`, () => {
      const out = evaluateMembership(facts(), membership(role, { basis: 'eigen_gezin' }), []);
      expect(out).toMatchObject({ state: 'actief', basis: 'eigen_gezin', noConsentNeeded: 'eigen_gezin', deciders: [], waitingFor: [] });
    });
  }
});

describe('a provider in the voluntary frame', () => {
  it('waits for a parent with gezag and for the 16-year-old who is in the plan', () => {
    const out = evaluateMembership(facts(), membership('aanbieder'), []);
    expect(out.state).toBe('wacht_op_toestemming');
    expect(out.basis).toBe('toestemming');
    expect(ids(out.waitingFor)).toEqual([DAAN, PETER, SANNE]);
    expect(out.requirements.map((r) => r.capacity)).toEqual(['ouder_met_gezag', 'jeugdige_16_plus']);
  });

  it("one parent's consent is enough for the parents; the young person still has to decide", () => {
    const out = evaluateMembership(facts(), membership('aanbieder'), [said(SANNE, 'gegeven')]);
    expect(out.state).toBe('wacht_op_toestemming');
    expect(ids(out.waitingFor)).toEqual([DAAN]);
  });

  it('becomes active when a parent with gezag and the young person both consent', () => {
    const out = evaluateMembership(facts(), membership('aanbieder'), [said(SANNE, 'gegeven'), said(DAAN, 'gegeven')]);
    expect(out.state).toBe('actief');
    expect(out.waitingFor).toEqual([]);
  });

  it("the 16-year-old alone is not enough: the plan also holds the parents' data", () => {
    const out = evaluateMembership(facts(), membership('aanbieder'), [said(DAAN, 'gegeven')]);
    expect(out.state).toBe('wacht_op_toestemming');
    expect(ids(out.waitingFor)).toEqual([PETER, SANNE]);
  });

  it('a refusal by the other parent with gezag refuses, even when one parent said yes', () => {
    const out = evaluateMembership(facts(), membership('aanbieder'), [said(SANNE, 'gegeven'), said(DAAN, 'gegeven'), said(PETER, 'geweigerd')]);
    expect(out.state).toBe('geweigerd');
    expect(ids(out.refusedBy)).toEqual([PETER]);
  });

  it("the young person's refusal refuses", () => {
    const out = evaluateMembership(facts(), membership('aanbieder'), [said(SANNE, 'gegeven'), said(DAAN, 'geweigerd')]);
    expect(out.state).toBe('geweigerd');
  });

  it('withdrawal by anyone whose consent counts ends an active membership', () => {
    const decisions = [said(SANNE, 'gegeven'), said(DAAN, 'gegeven')];
    expect(evaluateMembership(facts(), membership('aanbieder', { status: 'actief' }), decisions).state).toBe('actief');
    expect(evaluateMembership(facts(), membership('aanbieder', { status: 'actief' }), [...decisions, said(DAAN, 'ingetrokken')]).state).toBe('geweigerd');
    expect(evaluateMembership(facts(), membership('aanbieder', { status: 'actief' }), [...decisions, said(PETER, 'ingetrokken')]).state).toBe('geweigerd');
  });

  it('only the latest decision of a person counts', () => {
    const out = evaluateMembership(facts(), membership('aanbieder'), [said(SANNE, 'geweigerd'), said(SANNE, 'gegeven'), said(DAAN, 'gegeven')]);
    expect(out.state).toBe('actief');
  });

  it('decisions of people who are not deciders do not count', () => {
    const out = evaluateMembership(facts(), membership('aanbieder'), [said(MO, 'gegeven'), said('u-stranger', 'geweigerd')]);
    expect(out.state).toBe('wacht_op_toestemming');
    expect(out.refusedBy).toEqual([]);
  });

  for (const role of ['verwijzer', 'lokaal_team'] as const) {
    it(`${role} (not the plan's starter) needs the same consent`, () => {
      expect(evaluateMembership(facts(), membership(role), []).state).toBe('wacht_op_toestemming');
      expect(evaluateMembership(facts(), membership(role), [said(PETER, 'gegeven'), said(DAAN, 'gegeven')]).state).toBe('actief');
    });
  }

  it('drang follows the voluntary rules', () => {
    expect(evaluateMembership(facts({ kader: 'drang' }), membership('aanbieder'), [said(SANNE, 'gegeven')]).state).toBe('wacht_op_toestemming');
  });
});

describe('young people by age', () => {
  const withChild = (birthDate: string | null): ConsentFacts =>
    facts({
      people: [
        { userId: SANNE, birthDate: null, gezag: true },
        { userId: DAAN, birthDate, gezag: false },
      ],
      members: [family[0] as FamilyMember, family[2] as FamilyMember],
    });

  it('under 12: the parent decides alone', () => {
    const f = withChild('2014-11-30'); // turns 12 tomorrow
    expect(deciderCapacity(f, DAAN)).toBeNull();
    expect(evaluateMembership(f, membership('aanbieder'), [said(SANNE, 'gegeven')]).state).toBe('actief');
  });

  it('12 to 15: co-consents with the parent', () => {
    const f = withChild('2014-11-29'); // 12 today
    expect(deciderCapacity(f, DAAN)).toBe('jeugdige_12_15');
    expect(deciderCapacity(withChild('2010-11-30'), DAAN)).toBe('jeugdige_12_15'); // 16 tomorrow
    expect(evaluateMembership(f, membership('aanbieder'), [said(SANNE, 'gegeven')]).state).toBe('wacht_op_toestemming');
    expect(evaluateMembership(f, membership('aanbieder'), [said(SANNE, 'gegeven'), said(DAAN, 'gegeven')]).state).toBe('actief');
  });

  it('16 and older: decides for their own data', () => {
    expect(deciderCapacity(withChild('2010-11-29'), DAAN)).toBe('jeugdige_16_plus');
    expect(deciderCapacity(withChild('2005-01-01'), DAAN)).toBe('jeugdige_16_plus');
  });

  it('a young person in the plan without a known birth date is asked, never skipped', () => {
    expect(deciderCapacity(withChild(null), DAAN)).toBe('jeugdige_16_plus');
  });

  it('a child who is not a plan member does not decide in the app', () => {
    const f = facts({ members: family.filter((m) => m.userId !== DAAN) });
    expect(evaluateMembership(f, membership('aanbieder'), [said(SANNE, 'gegeven')]).state).toBe('actief');
  });
});

describe('who counts as a parent with gezag', () => {
  it('gezag on the household person or on the membership counts; a parent without gezag does not decide', () => {
    const f = facts({
      people: [
        { userId: SANNE, birthDate: null, gezag: true },
        { userId: PETER, birthDate: null, gezag: false },
      ],
      members: [
        { userId: SANNE, role: 'ouder', gezag: false, status: 'actief' },
        { userId: PETER, role: 'ouder', gezag: false, status: 'actief' },
        { userId: 'u-stiefouder', role: 'ouder', gezag: true, status: 'actief' },
      ],
    });
    expect(deciderCapacity(f, SANNE)).toBe('ouder_met_gezag');
    expect(deciderCapacity(f, PETER)).toBeNull();
    expect(deciderCapacity(f, 'u-stiefouder')).toBe('ouder_met_gezag');
  });

  it('a removed parent no longer decides', () => {
    const f = facts({ members: [{ userId: SANNE, role: 'ouder', gezag: true, status: 'beeindigd' }] });
    expect(deciderCapacity(f, SANNE)).toBeNull();
  });

  it('with no parent with gezag in the plan, a provider waits and the gap is reported', () => {
    const f = facts({ members: [family[2] as FamilyMember] });
    const out = evaluateMembership(f, membership('aanbieder'), [said(DAAN, 'gegeven')]);
    expect(out.state).toBe('wacht_op_toestemming');
    expect(out.missingDecider).toBe(true);
    expect(out.waitingFor).toEqual([]);
  });
});

describe('network members', () => {
  it('invited by a parent: no further consent', () => {
    const out = evaluateMembership(facts(), membership('netwerk', { invitedByRole: 'ouder' }), []);
    expect(out).toMatchObject({ state: 'actief', noConsentNeeded: 'uitgenodigd_door_ouder', basis: 'toestemming' });
  });

  for (const invitedByRole of ['lokaal_team', null] as const) {
    it(`invited by ${invitedByRole ?? 'someone unknown'}: a parent with gezag decides (the young person is not asked)`, () => {
      const out = evaluateMembership(facts(), membership('netwerk', { invitedByRole }), []);
      expect(out.state).toBe('wacht_op_toestemming');
      expect(ids(out.waitingFor)).toEqual([PETER, SANNE]);
      expect(evaluateMembership(facts(), membership('netwerk', { invitedByRole }), [said(PETER, 'gegeven')]).state).toBe('actief');
    });
  }
});

describe('the court measure (dwang)', () => {
  const dwang = facts({ kader: 'dwang' });

  it("the GI's membership rests on its legal task: active without anyone's consent, and no one can withdraw it", () => {
    const out = evaluateMembership(dwang, membership('gi', { basis: 'wettelijke_taak' }), [said(SANNE, 'ingetrokken')]);
    expect(out).toMatchObject({ state: 'actief', basis: 'wettelijke_taak', noConsentNeeded: 'wettelijke_taak', deciders: [] });
  });

  it('a provider under a measure still needs consent', () => {
    expect(evaluateMembership(dwang, membership('aanbieder'), []).state).toBe('wacht_op_toestemming');
  });

  it('a legal task claimed outside a measure does not hold: the GI then needs consent', () => {
    const out = evaluateMembership(facts({ kader: 'vrijwillig' }), membership('gi', { basis: 'wettelijke_taak' }), []);
    expect(out).toMatchObject({ state: 'wacht_op_toestemming', basis: 'toestemming' });
  });

  it('a provider cannot claim the legal task, not even under a measure', () => {
    expect(evaluateMembership(dwang, membership('aanbieder', { basis: 'wettelijke_taak' }), []).state).toBe('wacht_op_toestemming');
  });

  it('basis of a new membership: legal task only for the GI under a measure', () => {
    const cases: [Kader, PlanRole, string][] = [
      ['dwang', 'gi', 'wettelijke_taak'],
      ['vrijwillig', 'gi', 'toestemming'],
      ['dwang', 'aanbieder', 'toestemming'],
      ['vrijwillig', 'ouder', 'eigen_gezin'],
      ['dwang', 'jeugdige', 'eigen_gezin'],
      ['vrijwillig', 'netwerk', 'toestemming'],
    ];
    for (const [kader, role, basis] of cases) expect(basisForNewMember({ kader, role })).toBe(basis);
  });
});

describe('the local team that started the plan with the family', () => {
  it('is active without waiting, but the family can still withdraw', () => {
    const mo = membership('lokaal_team', { userId: MO, status: 'actief' });
    expect(evaluateMembership(facts(), mo, [])).toMatchObject({ state: 'actief', noConsentNeeded: 'gestart_met_gezin' });
    expect(evaluateMembership(facts(), { ...mo, status: 'wacht_op_toestemming' }, []).state).toBe('actief');
    expect(evaluateMembership(facts(), mo, [said(SANNE, 'ingetrokken')]).state).toBe('geweigerd');
  });
});

describe('a table member', () => {
  it('on the table session (legal task) needs no consent; invited on consent, it does', () => {
    expect(evaluateMembership(facts(), membership('tafel', { basis: 'wettelijke_taak' }), []).state).toBe('actief');
    expect(evaluateMembership(facts(), membership('tafel'), []).state).toBe('wacht_op_toestemming');
  });
});

describe('consent given stays valid until withdrawn', () => {
  it('a young person who joins later does not pause an active provider, but is asked and may withdraw', () => {
    const before = facts({ members: family.filter((m) => m.userId !== DAAN) });
    const decisions = [said(SANNE, 'gegeven')];
    expect(evaluateMembership(before, membership('aanbieder'), decisions).state).toBe('actief');
    const after = evaluateMembership(facts(), membership('aanbieder', { status: 'actief' }), decisions);
    expect(after.state).toBe('actief');
    expect(ids(after.waitingFor)).toEqual([DAAN]);
    expect(allowedDecisions(after, DAAN, decisions)).toEqual(['withdraw']);
  });
});

describe('what a decider may do', () => {
  it('on a pending request: yes or no; after yes: withdraw; others: nothing', () => {
    const pending = evaluateMembership(facts(), membership('aanbieder'), []);
    expect(allowedDecisions(pending, SANNE, [])).toEqual(['give', 'refuse']);
    expect(allowedDecisions(pending, MO, [])).toEqual([]);
    const decisions = [said(SANNE, 'gegeven')];
    const half = evaluateMembership(facts(), membership('aanbieder'), decisions);
    expect(allowedDecisions(half, SANNE, decisions)).toEqual(['withdraw']);
    expect(allowedDecisions(half, PETER, decisions)).toEqual(['give', 'refuse']);
  });

  it('nothing to decide about a family member or a GI under a measure', () => {
    expect(allowedDecisions(evaluateMembership(facts(), membership('ouder', { basis: 'eigen_gezin' }), []), SANNE, [])).toEqual([]);
    const gi = evaluateMembership(facts({ kader: 'dwang' }), membership('gi', { basis: 'wettelijke_taak' }), []);
    expect(allowedDecisions(gi, SANNE, [])).toEqual([]);
  });
});

describe('does an invited person wait for consent?', () => {
  it('as the rules say: family and the GI under a measure do not; professionals and network invited by a professional do', () => {
    expect(joinsWithoutConsent({ kader: 'vrijwillig', role: 'ouder', invitedByRole: 'lokaal_team' })).toBe(true);
    expect(joinsWithoutConsent({ kader: 'dwang', role: 'gi', invitedByRole: 'lokaal_team' })).toBe(true);
    expect(joinsWithoutConsent({ kader: 'vrijwillig', role: 'netwerk', invitedByRole: 'ouder' })).toBe(true);
    expect(joinsWithoutConsent({ kader: 'vrijwillig', role: 'netwerk', invitedByRole: 'lokaal_team' })).toBe(false);
    expect(joinsWithoutConsent({ kader: 'dwang', role: 'aanbieder', invitedByRole: 'gi' })).toBe(false);
    expect(joinsWithoutConsent({ kader: 'vrijwillig', role: 'gi', invitedByRole: 'lokaal_team' })).toBe(false);
  });
});
