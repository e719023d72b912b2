import { Heading, Paragraph } from '@utrecht/component-library-react';
import NextLink from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { AuditDay } from '@/lib/audit-summary';
import type { SectionKey } from '@/lib/sections';
import styles from './audit.module.css';

export interface WhoLookedProps {
  planId: string;
  householdName: string;
  /** How many days back the list goes. */
  windowDays: number;
  days: AuditDay[];
  /** A section's title as the plan's region names it. */
  sectionTitle: (key: SectionKey) => string;
}

/** "Wie heeft ons plan bekeken?": per day, who opened or changed which part of the plan (NEN 7513 inzage). */
export async function WhoLooked({ planId, householdName, windowDays, days, sectionTitle }: WhoLookedProps) {
  const t = await getTranslations('audit');
  const tRoles = await getTranslations('roles');
  const format = await getFormatter();
  const part = (section: AuditDay['lines'][number]['section']) =>
    section === null ? t('wholePlan') : section === 'hidden' ? t('otherPart') : sectionTitle(section);
  return (
    <section aria-labelledby="audit-title" className={styles.page}>
      <Paragraph>
        <NextLink href={`/plannen/${planId}`}>← {t('back', { name: householdName })}</NextLink>
      </Paragraph>
      <Heading level={1} id="audit-title">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro', { days: windowDays })}</Paragraph>
      {days.length === 0 && <Paragraph>{t('empty')}</Paragraph>}
      {days.map((d) => (
        <section key={d.day} className={styles.day} aria-labelledby={`day-${d.day}`}>
          <Heading level={2} id={`day-${d.day}`}>
            {format.dateTime(new Date(`${d.day}T12:00:00Z`), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}
          </Heading>
          <ul className={styles.lines} data-testid="audit-day">
            {d.lines.map((l) => (
              <li key={`${l.actorName}-${l.action}-${l.section}`} className={styles.line}>
                <span className={styles.who}>
                  {l.actorName}
                  {l.actorRole && <span className={styles.role}> ({tRoles(l.actorRole as 'ouder')})</span>}
                </span>{' '}
                <span>
                  {t(
                    t.has(`action.${l.action.replace('.', '_')}` as 'action.other')
                      ? (`action.${l.action.replace('.', '_')}` as 'action.other')
                      : 'action.other',
                    { part: part(l.section) },
                  )}
                </span>{' '}
                <span className={styles.when}>
                  {l.count > 1
                    ? t('times', {
                        count: l.count,
                        first: format.dateTime(l.first, { timeStyle: 'short' }),
                        last: format.dateTime(l.last, { timeStyle: 'short' }),
                      })
                    : format.dateTime(l.last, { timeStyle: 'short' })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
