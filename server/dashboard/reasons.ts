/**
 * A signal's reason in plain words, in the reader's language: the messages `signals.reason.*` (nl first, en)
 * filled with the signal's facts. One source of the words for the page, the API and the tests.
 */
import { createTranslator } from 'next-intl';
import en from '../../messages/en.json';
import nl from '../../messages/nl.json';
import type { Locale } from '../../i18n/config';
import type { PlanRole } from '../../lib/roles';
import type { Signal, SignalKind, SignalThresholds } from '../../lib/signals';

const MESSAGES = { nl, en } as const;
const TIME_ZONE = 'Europe/Amsterdam';

/** A calendar day as a moment the formatter shows as that day in the Netherlands. */
const day = (d: string) => new Date(`${d}T12:00:00Z`);
/** Plan content quoted in a reason stays short: cut at a word, with an ellipsis. */
export function short(text: string, max = 60): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

/** The message lookup, untyped: the keys are built from signal kinds. */
type Translate = (key: string, values?: Record<string, string | number | Date>) => string;

export interface Describer {
  label(kind: SignalKind): string;
  reason(signal: Signal): string;
}

/** The words for signals in one locale, with the region's own labels where it set them. */
export function describer(locale: Locale, thresholds: SignalThresholds): Describer {
  const messages = MESSAGES[locale];
  const t = createTranslator({ locale, messages, namespace: 'signals', timeZone: TIME_ZONE }) as unknown as Translate;
  const roles = createTranslator({ locale, messages, namespace: 'roles', timeZone: TIME_ZONE }) as unknown as Translate;
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  const role = (r: PlanRole) => roles(r);

  const reason = (s: Signal): string => {
    switch (s.kind) {
      case 'placement':
        return t('reason.placement', { reason: short(s.reason, 200), since: day(s.since), by: s.by ?? 'none' });
      case 'brokenAgreement':
        return t('reason.brokenAgreement', { count: s.count, hasSince: s.since ? 'yes' : 'no', since: day(s.since ?? '2000-01-01') });
      case 'noRegisseur':
        return t('reason.noRegisseur');
      case 'stalled':
        return t('reason.stalled', { weeks: s.weeks, since: day(s.since) });
      case 'overdue':
        return t('reason.overdue', { count: s.count, threshold: thresholds.overdueDays, title: short(s.oldest.title), due: day(s.oldest.due), days: s.days });
      case 'reviewPassed':
        return t('reason.reviewPassed', {
          items: list.format(s.items.map((i) => t(`item.${i.what}`, { title: short(i.title ?? ''), date: day(i.date) }))),
        });
      case 'goalFlat':
        return t('reason.goalFlat', {
          goals: list.format(
            s.goals.map((g) =>
              t('item.flat', {
                title: short(g.title),
                raters: g.raters.map((r) => (r.name ? t('item.rater', { name: r.name, values: r.values.join(', ') }) : r.values.join(', '))).join('; '),
              }),
            ),
          ),
        });
      case 'professionalSilent':
        return t('reason.professionalSilent', {
          people: list.format(s.people.map((p) => t('item.person', { name: p.name, role: role(p.role), since: day(p.since), weeks: p.weeks }))),
        });
    }
  };

  return {
    label: (kind) => thresholds.labels[kind] ?? t(`label.${kind}`),
    reason,
  };
}
