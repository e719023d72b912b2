/** Which sections a plan has: all of them, except `overgang18`, which appears once a child is 16½ or older. */
import { ageInMonths } from './age';
import { SECTION_KEYS, type SectionKey } from './sections';

export interface HouseholdPersonFacts {
  relation: string;
  birthDate: string | null;
}

const SIXTEEN_AND_A_HALF = 16 * 12 + 6;

function planHasSection(section: SectionKey, people: readonly HouseholdPersonFacts[], today: Date): boolean {
  if (section !== 'overgang18') return true;
  return people.some((p) => p.relation === 'kind' && p.birthDate !== null && ageInMonths(p.birthDate, today) >= SIXTEEN_AND_A_HALF);
}

/** The sections this plan has, in the canonical order. */
export function sectionsOfPlan(people: readonly HouseholdPersonFacts[], today: Date): SectionKey[] {
  return SECTION_KEYS.filter((s) => planHasSection(s, people, today));
}
