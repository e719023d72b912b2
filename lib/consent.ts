/**
 * The consent rules (DOMAIN.md "Consent and access"), as pure functions: given the plan's frame, the household
 * (birth dates, gezag), one membership and the consent decisions about it, is the membership active, waiting
 * for consent, or refused — and who still has to decide? No I/O: the server loads the facts and applies the
 * outcome; tests call these functions directly. docs/security.md "Consent rules" explains the choices.
 */
import { ageInYears } from './age';
import type { AccessBasis, Kader, PlanRole } from './roles';

export type MemberStatus = 'actief' | 'wacht_op_toestemming' | 'beeindigd';
export type ConsentDecision = 'gegeven' | 'geweigerd' | 'ingetrokken';

/** In which capacity a person decides: a parent with gezag, or a young person co-consenting (12–15) or deciding for their own data (16+). */
export type DeciderCapacity = 'ouder_met_gezag' | 'jeugdige_12_15' | 'jeugdige_16_plus';

/** Why a membership needs no (further) consent. */
export type NoConsentReason = 'eigen_gezin' | 'wettelijke_taak' | 'uitgenodigd_door_ouder' | 'gestart_met_gezin';

export interface HouseholdPerson {
  userId: string | null;
  birthDate: string | null;
  gezag: boolean;
}

/** A plan member as far as deciding goes (only active family members decide). */
export interface FamilyMember {
  userId: string;
  role: PlanRole;
  /** The membership's own gezag flag (set when a parent with gezag was invited). */
  gezag: boolean;
  status: MemberStatus;
}

export interface ConsentFacts {
  kader: Kader;
  /** Who started the plan (at the family's table): their local-team membership needs no consent to start. */
  planCreatedBy: string | null;
  people: readonly HouseholdPerson[];
  members: readonly FamilyMember[];
  today: Date;
}

/** The membership under review. */
export interface Membership {
  userId: string;
  role: PlanRole;
  basis: AccessBasis;
  status: MemberStatus;
  /** The role of whoever invited this person into the plan; null when unknown (seeded or added directly). */
  invitedByRole: PlanRole | null;
}

export interface Decision {
  decidedBy: string;
  decision: ConsentDecision;
  at: Date;
}

export interface Decider {
  userId: string;
  capacity: DeciderCapacity;
}

/** One condition for consent: any one of `anyOf` must give consent, and none of them may refuse or withdraw. */
export interface Requirement {
  capacity: DeciderCapacity;
  anyOf: Decider[];
  satisfied: boolean;
}

export type ConsentState = 'actief' | 'wacht_op_toestemming' | 'geweigerd';

export interface ConsentOutcome {
  state: ConsentState;
  /** The legal ground this membership rests on (what plan_members.basis should say). */
  basis: AccessBasis;
  /** Set when the membership needs no consent, with why. */
  noConsentNeeded: NoConsentReason | null;
  requirements: Requirement[];
  /** Everyone who may decide about this membership (give, refuse, withdraw). */
  deciders: Decider[];
  /** Deciders of requirements not yet met: who still has to say yes. */
  waitingFor: Decider[];
  /** Deciders whose latest decision is a refusal or a withdrawal. */
  refusedBy: Decider[];
  /** True when a requirement has nobody who can decide (no parent with gezag in the plan yet). */
  missingDecider: boolean;
}

/** Professional roles whose membership rests on consent in the voluntary frame (and under drang). */
const CONSENT_ROLES: readonly PlanRole[] = ['lokaal_team', 'aanbieder', 'verwijzer', 'gi', 'tafel'];

function personOf(facts: ConsentFacts, userId: string): HouseholdPerson | undefined {
  return facts.people.find((p) => p.userId === userId);
}

/**
 * The capacity in which a user may decide about consent in this plan, or null: an active parent with gezag
 * (flag on the membership or on the household person), or an active young person of 12 or older. A young
 * person without a known birth date counts as 12+ so their voice is never skipped.
 */
export function deciderCapacity(facts: ConsentFacts, userId: string): DeciderCapacity | null {
  const member = facts.members.find((m) => m.userId === userId && m.status === 'actief');
  if (!member) return null;
  const person = personOf(facts, userId);
  if (member.role === 'ouder') return member.gezag || person?.gezag ? 'ouder_met_gezag' : null;
  if (member.role !== 'jeugdige') return null;
  if (!person?.birthDate) return 'jeugdige_16_plus';
  const age = ageInYears(person.birthDate, facts.today);
  if (age >= 16) return 'jeugdige_16_plus';
  if (age >= 12) return 'jeugdige_12_15';
  return null;
}

/** Everyone in the plan who may decide about consent, in plan order. */
function consentDeciders(facts: ConsentFacts): Decider[] {
  const out: Decider[] = [];
  for (const m of facts.members) {
    const capacity = deciderCapacity(facts, m.userId);
    if (capacity) out.push({ userId: m.userId, capacity });
  }
  return out;
}

/**
 * The basis a new membership gets when its invitation is accepted: the family's own for parents and young
 * people, the legal task for the GI under a court measure, consent for everyone else.
 */
export function basisForNewMember(params: { kader: Kader; role: PlanRole }): AccessBasis {
  if (params.role === 'ouder' || params.role === 'jeugdige') return 'eigen_gezin';
  if (params.role === 'gi' && params.kader === 'dwang') return 'wettelijke_taak';
  return 'toestemming';
}

function rests(reason: NoConsentReason, basis: AccessBasis): ConsentOutcome {
  return { state: 'actief', basis, noConsentNeeded: reason, requirements: [], deciders: [], waitingFor: [], refusedBy: [], missingDecider: false };
}

/** The latest decision of each person (later `at` wins; on a tie the later entry in the list). */
function latestDecisions(decisions: readonly Decision[]): Map<string, Decision> {
  const latest = new Map<string, Decision>();
  for (const d of decisions) {
    const prev = latest.get(d.decidedBy);
    if (!prev || d.at.getTime() >= prev.at.getTime()) latest.set(d.decidedBy, d);
  }
  return latest;
}

/**
 * Decides the state of one membership. `decisions` are the decisions about this membership since it (re)started;
 * only the latest per person counts. The status already stored matters in one way: consent once complete stays
 * valid until someone whose consent is required refuses or withdraws — a person who becomes a decider later (a
 * child turning 12, a parent joining) can withdraw, but does not pause access by not having spoken yet.
 */
export function evaluateMembership(facts: ConsentFacts, membership: Membership, decisions: readonly Decision[]): ConsentOutcome {
  const { role, basis, userId } = membership;
  if (role === 'ouder' || role === 'jeugdige') return rests('eigen_gezin', 'eigen_gezin');
  // Under a court measure the GI works on its legal task, and so does the local team when its membership was
  // recorded on that basis (it started the plan under the measure). A table member's time-limited access rests on
  // the table session (recorded as wettelijke_taak by that feature), not on this consent flow. Anywhere else a
  // recorded wettelijke_taak does not hold, and the membership needs consent like any other.
  if (basis === 'wettelijke_taak' && ((facts.kader === 'dwang' && (role === 'gi' || role === 'lokaal_team')) || role === 'tafel')) {
    return rests('wettelijke_taak', 'wettelijke_taak');
  }
  if (role === 'netwerk' && membership.invitedByRole === 'ouder') return rests('uitgenodigd_door_ouder', 'toestemming');

  const deciders = consentDeciders(facts).filter((d) => d.userId !== userId);
  const parents = deciders.filter((d) => d.capacity === 'ouder_met_gezag');
  const requirements: { capacity: DeciderCapacity; anyOf: Decider[] }[] = [{ capacity: 'ouder_met_gezag', anyOf: parents }];
  // Network members invited by a professional need a parent with gezag. A professional also needs every young
  // person of 12+ in the plan: 12–15 co-consent, and from 16 they decide about their own data, which the plan holds
  // as long as sections are not split per child.
  if (CONSENT_ROLES.includes(role)) {
    for (const d of deciders) if (d.capacity !== 'ouder_met_gezag') requirements.push({ capacity: d.capacity, anyOf: [d] });
  }

  const latest = latestDecisions(decisions);
  const said = (d: Decider) => latest.get(d.userId)?.decision;
  const involved = requirements.flatMap((r) => r.anyOf);
  const refusedBy = involved.filter((d) => said(d) === 'geweigerd' || said(d) === 'ingetrokken');
  const evaluated: Requirement[] = requirements.map((r) => ({ ...r, satisfied: r.anyOf.some((d) => said(d) === 'gegeven') }));
  const waitingFor = evaluated.filter((r) => !r.satisfied).flatMap((r) => r.anyOf.filter((d) => said(d) === undefined));
  const missingDecider = evaluated.some((r) => r.anyOf.length === 0);
  const startedWithFamily = role === 'lokaal_team' && membership.userId === facts.planCreatedBy;

  let state: ConsentState;
  if (refusedBy.length > 0) state = 'geweigerd';
  else if (membership.status === 'actief' || startedWithFamily || evaluated.every((r) => r.satisfied)) state = 'actief';
  else state = 'wacht_op_toestemming';

  return {
    state,
    basis: 'toestemming',
    noConsentNeeded: startedWithFamily ? 'gestart_met_gezin' : null,
    requirements: evaluated,
    deciders: involved,
    waitingFor,
    refusedBy,
    missingDecider,
  };
}

/** The decision a decider may take now, given their own latest decision and the membership's state. */
export function allowedDecisions(outcome: ConsentOutcome, userId: string, decisions: readonly Decision[]): ('give' | 'refuse' | 'withdraw')[] {
  if (!outcome.deciders.some((d) => d.userId === userId) || outcome.state === 'geweigerd') return [];
  const mine = latestDecisions(decisions).get(userId)?.decision;
  if (mine === 'gegeven') return ['withdraw'];
  if (outcome.state === 'actief') return ['withdraw'];
  return ['give', 'refuse'];
}

/**
 * Whether a person invited in this role will be active at once (true) or wait for the family's consent (false):
 * the same rules as `evaluateMembership`, for the invitation mail and page.
 */
export function joinsWithoutConsent(params: { kader: Kader; role: PlanRole; invitedByRole: PlanRole | null }): boolean {
  const facts: ConsentFacts = { kader: params.kader, planCreatedBy: null, people: [], members: [], today: new Date(0) };
  const basis = basisForNewMember(params);
  const outcome = evaluateMembership(facts, { userId: '', role: params.role, basis, status: 'wacht_op_toestemming', invitedByRole: params.invitedByRole }, []);
  return outcome.noConsentNeeded !== null;
}
