import { describe, expect, it } from 'vitest';
import { summariseAudit } from './audit-summary';

const at = (iso: string) => new Date(iso);

describe('summariseAudit', () => {
  const events = [
    { at: at('2026-11-23T15:00:00Z'), action: 'section.open', section: 'doelen', actorName: 'Eva Bakker', actorRole: 'aanbieder' },
    { at: at('2026-11-23T09:00:00Z'), action: 'section.open', section: 'doelen', actorName: 'Eva Bakker', actorRole: 'aanbieder' },
    { at: at('2026-11-23T08:00:00Z'), action: 'section.open', section: 'professioneel', actorName: 'Mo Ait Taleb', actorRole: 'lokaal_team' },
    { at: at('2026-11-22T23:30:00Z'), action: 'plan.read', section: null, actorName: 'Sanne Jansen', actorRole: 'ouder' },
  ];

  it('groups per day (in Dutch time) and per person, action and part, newest day first', () => {
    const days = summariseAudit(events, () => true);
    expect(days.map((d) => d.day)).toEqual(['2026-11-23']); // 23:30Z on the 22nd is 00:30 on the 23rd in Amsterdam (UTC+1)
    const eva = days[0]?.lines.find((l) => l.actorName === 'Eva Bakker');
    expect(eva?.count).toBe(2);
    expect(eva?.first.toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(eva?.last.toISOString()).toBe('2026-11-23T15:00:00.000Z');
  });

  it('never names a section the reader may not see', () => {
    const days = summariseAudit(events, (s) => s !== 'professioneel');
    const sections = days.flatMap((d) => d.lines.map((l) => l.section));
    expect(sections).not.toContain('professioneel');
    expect(sections).toContain('hidden');
  });
});
