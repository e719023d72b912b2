import NextLink from 'next/link';
import type { SectionKey } from '@/lib/sections';
import styles from './plan.module.css';

/**
 * The sections this member may see, as links (works without JavaScript, one live document open at a time).
 * Sections the member may not see are never passed in, so their titles never reach the browser.
 */
export function SectionNav({
  planId,
  active,
  sections,
  label,
}: {
  planId: string;
  active: SectionKey;
  sections: { key: SectionKey; label: string }[];
  label: string;
}) {
  return (
    <nav aria-label={label} className={styles.nav}>
      <ul className={styles.navList}>
        {sections.map((s) => (
          <li key={s.key}>
            <NextLink
              href={`/plannen/${planId}?sectie=${s.key}`}
              className={styles.navLink}
              aria-current={s.key === active ? 'page' : undefined}
              data-testid={`section-tab-${s.key}`}
            >
              {s.label}
            </NextLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
