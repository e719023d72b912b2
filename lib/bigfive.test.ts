import { describe, expect, it } from 'vitest';
import { BIG_FIVE, domainsOf, RegionSettings, sectionTitle } from './bigfive';

describe('region settings', () => {
  it("puts the Big Five first and adds the region's own domains once", () => {
    const settings = RegionSettings.parse({
      extraDomains: [
        { key: 'opvoeden', label: 'Opvoeden' },
        { key: 'wonen', label: 'dubbel' },
      ],
    });
    expect(domainsOf(settings)).toEqual([...BIG_FIVE, 'opvoeden']);
    expect(domainsOf(null)).toEqual([...BIG_FIVE]);
  });

  it("uses a region's own section label, else the default", () => {
    const settings = RegionSettings.parse({ sectionLabels: { tafel: 'Beschermingstafel Rivierenland' } });
    const fallback = (k: string) => `default:${k}`;
    expect(sectionTitle('tafel', settings, fallback)).toBe('Beschermingstafel Rivierenland');
    expect(sectionTitle('gezin', settings, fallback)).toBe('default:gezin');
    expect(sectionTitle('gezin', undefined, fallback)).toBe('default:gezin');
  });

  it('refuses malformed settings', () => {
    expect(RegionSettings.safeParse({ extraDomains: [{ key: 'Bad Key!', label: 'x' }] }).success).toBe(false);
  });
});
