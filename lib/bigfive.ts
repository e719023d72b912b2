/**
 * The Big Five life domains (DOMAIN.md): goals are grouped under them, and they must be stable before help lets
 * go. Regions may add domains (e.g. `veiligheid`, `opvoeden`, `gezondheid`) in their settings.
 */
import { z } from 'zod';

export const BIG_FIVE = ['support', 'wonen', 'school_werk', 'inkomen', 'welzijn'] as const;
export type BigFiveDomain = (typeof BIG_FIVE)[number];

/** A domain key: the five, or a region's own (lowercase, letters, digits and underscores). */
export const DomainKey = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'Onbekend levensdomein.');

export const RegionDomain = z.object({ key: DomainKey, label: z.string().min(1).max(60) });

/** Region settings that shape plans; validated wherever they are read. */
export const RegionSettings = z.object({
  extraDomains: z.array(RegionDomain).max(10).default([]),
  sectionLabels: z.record(z.string(), z.string().min(1).max(60)).default({}),
});
export type RegionSettings = z.infer<typeof RegionSettings>;

/** The domains of a region in order: the Big Five first, then the region's own. */
export function domainsOf(settings: RegionSettings | null | undefined): string[] {
  return [...BIG_FIVE, ...(settings?.extraDomains ?? []).map((d) => d.key).filter((k) => !(BIG_FIVE as readonly string[]).includes(k))];
}

/** A section's title: the region's own label when it set one, else the default (from the message files). */
export function sectionTitle(key: string, settings: RegionSettings | null | undefined, fallback: (key: string) => string): string {
  const own = settings?.sectionLabels[key];
  return own && own.trim() ? own : fallback(key);
}
