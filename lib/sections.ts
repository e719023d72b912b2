/**
 * The sections of a plan (DOMAIN.md "Sections"). Each section is its own live document
 * (`plan:<planId>:<sectionKey>`) and its own unit of permission.
 */
export const SECTION_KEYS = ['gezin', 'netwerk', 'doelen', 'veiligheid', 'professioneel', 'tafel', 'evaluatie', 'overgang18'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export function isSectionKey(value: string): value is SectionKey {
  return (SECTION_KEYS as readonly string[]).includes(value);
}

/** A live document name as used in `/collab/<docName>`. */
export type DocName = `plan:${string}:${SectionKey}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Builds the doc name of one section of one plan. */
export function docNameFor(planId: string, section: SectionKey): DocName {
  return `plan:${planId}:${section}`;
}

/** Parses a doc name; returns null for anything that is not exactly `plan:<uuid>:<section>`. */
export function parseDocName(name: string): { planId: string; section: SectionKey } | null {
  const parts = name.split(':');
  if (parts.length !== 3 || parts[0] !== 'plan') return null;
  const [, planId, section] = parts;
  if (!planId || !section || !UUID.test(planId) || !isSectionKey(section)) return null;
  return { planId, section };
}
